package org.lararena.platform.shared;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.lararena.platform.LararenaException;

/**
 * A collection of JSON documents by id: the records, insights, memos and audit entries of the platform. Kept as files
 * in the data directory of a single instance ({@link FileCollection}), or in Elasticsearch when several instances
 * share them ({@link ElasticsearchCollection}), the way Kibana keeps its saved objects. A change names the version it
 * read ({@link #replace}), so two instances changing the same document never lose one another's change: the second
 * gets {@link ChangedMeanwhile} and reads again. Blocking: call it off the event loop.
 */
public interface JsonCollection {

    /** A stored document: its id, its body, and the version a change of it must name. */
    record Stored(String id, JsonObject body, Version version) {
    }

    /**
     * Which state of a document a change starts from. Opaque to callers; compared only by the collection. Elasticsearch
     * needs two numbers (sequence number and primary term) to say it.
     */
    record Version(long sequence, long term) {
    }

    /** The document as it is now: every acknowledged write is seen, on every instance. */
    Optional<Stored> find(String id);

    /** Every document, in no particular order; for an instance filling its memory at start. */
    List<Stored> all();

    /**
     * The newest documents by {@code timeField} (an ISO-8601 instant every document of the collection carries),
     * newest first.
     */
    List<Stored> newest(String timeField, int limit);

    /** Stores a new document; {@link ChangedMeanwhile} when the id is taken. */
    Stored create(String id, JsonObject body);

    /** Replaces {@code read} with {@code body}; {@link ChangedMeanwhile} when it was changed or deleted since it was read. */
    Stored replace(Stored read, JsonObject body);

    /** Stores {@code body} under {@code id} whatever was there: for a writer that owns the document alone. */
    Stored put(String id, JsonObject body);

    /** Deletes a document for good; {@code false} when there was none. */
    boolean delete(String id);

    /** The document was changed, created or deleted by someone else since it was read: read it again and decide. */
    final class ChangedMeanwhile extends LararenaException {
        public ChangedMeanwhile(String detail) {
            super(409, "conflict", detail);
        }
    }
}
