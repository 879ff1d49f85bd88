package org.lararena.ingest.names;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.pipeline.SpeakerPseudonyms;
import org.lararena.ingest.store.DocumentStore;

/**
 * The names spoken in one document's passages (as the store keeps them: {@code [{ordinal, speaker, text, ...}]}),
 * found once for the whole document so the same name is replaced alike in every passage. The index keeps them beside
 * each passage; annotations, whose quotes were cut from the same texts, are masked with them too.
 */
public final class DocumentNames {

    private final Map<Integer, String> texts = new HashMap<>();
    private final Map<Integer, List<SpokenNames.Found>> found = new HashMap<>();

    private DocumentNames() {
    }

    /** The names of a stored document's passages (none for a document without passages). */
    public static DocumentNames of(DocumentStore documents, String documentId) {
        return of(documents.passages(documentId).map(p -> p.getJsonArray("passages", new JsonArray())).orElse(new JsonArray()));
    }

    public static DocumentNames of(JsonArray passages) {
        List<String> speakers = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            speakers.add(passages.getJsonObject(i).getString("speaker"));
            texts.add(passages.getJsonObject(i).getString("text"));
        }
        SpokenNames finder = SpokenNames.forDocument(SpeakerPseudonyms.assign(speakers), texts);
        DocumentNames names = new DocumentNames();
        for (int i = 0; i < passages.size(); i++) {
            JsonObject passage = passages.getJsonObject(i);
            Integer ordinal = passage.getInteger("ordinal", i);
            names.texts.put(ordinal, texts.get(i));
            names.found.put(ordinal, finder.find(texts.get(i)));
        }
        return names;
    }

    /** The names in the passage of this ordinal (empty for one the document does not have). */
    public List<SpokenNames.Found> in(int ordinal) {
        return found.getOrDefault(ordinal, List.of());
    }

    /** A quote of a passage as a reader who is not a researcher sees it. */
    public record Quote(String exact, String prefix, String suffix) {
    }

    /**
     * The quote {@code exact} at code points {@code [start, end)} of passage {@code passageId}, with its prefix and
     * suffix, masked: a name that reaches into a part is replaced whole there. A quote that no longer matches its
     * passage text is masked by the names' spellings instead.
     */
    public Quote mask(String passageId, int start, int end, String exact, String prefix, String suffix) {
        int ordinal = passageId == null ? -1 : PassageIndexer.ordinalOf(passageId).orElse(-1);
        String text = texts.get(ordinal);
        List<SpokenNames.Found> names = in(ordinal);
        if (names.isEmpty()) {
            return new Quote(exact, prefix, suffix);
        }
        try {
            int charStart = text.offsetByCodePoints(0, start);
            int charEnd = text.offsetByCodePoints(charStart, end - start);
            if (!text.substring(charStart, charEnd).equals(exact) || charStart < prefix.length()
                    || !text.startsWith(prefix, charStart - prefix.length()) || !text.startsWith(suffix, charEnd)) {
                throw new IndexOutOfBoundsException("the quote is not where it was");
            }
            return new Quote(NameSpans.applyToRange(text, names, charStart, charEnd),
                    NameSpans.applyToRange(text, names, charStart - prefix.length(), charStart),
                    NameSpans.applyToRange(text, names, charEnd, charEnd + suffix.length()));
        } catch (IndexOutOfBoundsException | NullPointerException e) {
            return new Quote(NameSpans.applyToFragment(exact, text, names), NameSpans.applyToFragment(prefix, text, names),
                    NameSpans.applyToFragment(suffix, text, names));
        }
    }
}
