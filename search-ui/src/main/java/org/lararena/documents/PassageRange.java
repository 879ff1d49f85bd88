package org.lararena.documents;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.stream.IntStream;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Params;

/**
 * Passages of a document by ordinal, {@code count} of them from {@code from}: the part of a long document that
 * Dokument and Kodning show at a time, or what an API client asks for with {@code ?from=&count=}. A document of
 * tens of thousands of passages has a hundred thousand suggestions and more: read whole, its annotations were
 * 105 MB of JSON and took about a minute, past the patience of a page and of its reader.
 */
public record PassageRange(int from, int count) {

    /** Every passage. */
    public static final PassageRange ALL = new PassageRange(0, Integer.MAX_VALUE);

    public PassageRange {
        if (from < 0 || count < 1) {
            throw new IllegalArgumentException("a range starts at passage 0 or later and holds one passage at least");
        }
    }

    /** The last ordinal in the range. */
    public int last() {
        return (int) Math.min(Integer.MAX_VALUE, (long) from + count - 1);
    }

    public boolean isAll() {
        return from == 0 && count == Integer.MAX_VALUE;
    }

    /** The ids of the range's passages of {@code documentId} that exist, given that it has {@code total} passages. */
    public List<String> passageIds(String documentId, int total) {
        return IntStream.rangeClosed(from, Math.min(last(), total - 1)).mapToObj(ordinal -> PassageIndexer.passageId(documentId, ordinal)).toList();
    }

    /**
     * The part of {@code partSize} passages that holds {@code ordinal} (parts start at 0, {@code partSize}, …), within a
     * document of {@code total} passages: an ordinal past its end gives the last part.
     */
    public static PassageRange partHolding(int ordinal, int partSize, int total) {
        int lastPart = total <= 0 ? 0 : (total - 1) / partSize;
        int part = Math.min(Math.max(0, ordinal) / partSize, lastPart);
        return new PassageRange(part * partSize, partSize);
    }

    /**
     * What an API request asks for with {@code from} (first ordinal, default 0) and {@code count} (default and at most
     * {@code maxCount}, {@code LARARENA_DOCUMENT_PART_PASSAGES}); everything when it names neither.
     *
     * @throws LararenaException 400 naming the parameter that is not a whole number in its bounds
     */
    public static PassageRange ofRequest(MultiMap params, int maxCount) {
        if (params.get("from") == null && params.get("count") == null) {
            return ALL;
        }
        return new PassageRange(Params.intParam(params.get("from"), "from", 0, 0, Integer.MAX_VALUE),
                Params.intParam(params.get("count"), "count", maxCount, 1, maxCount));
    }
}
