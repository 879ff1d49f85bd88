package org.lararena.ingest.pipeline;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.platform.DiskFull;

/** Saves a status change, then tells every listener (the progress stream, the command line). Blocking. */
public final class StatusUpdates {

    private final DocumentStore store;
    private final EventBus eventBus;

    public StatusUpdates(DocumentStore store, EventBus eventBus) {
        this.store = Objects.requireNonNull(store);
        this.eventBus = Objects.requireNonNull(eventBus);
    }

    /**
     * How often a document waiting for disk space is tried again (extraction or annotation): a cheap attempt, and
     * space may return at any time.
     */
    public static final Duration DISK_FULL_RETRY = Duration.ofSeconds(5);

    /**
     * Shows that the document waits in {@code status} for disk space ({@link DiskFull#WAITING_REASON}); with no room
     * even for the record, the reason is told from memory and the record on disk keeps its last state.
     */
    public void waitingForSpace(String documentId, DocumentStatus status) {
        publish(store.updateIfSpace(documentId, current -> current.withStatus(status, DiskFull.WAITING_REASON)));
    }

    /** The document is in {@code status} now, with {@code error} (null but for a failure) saying why it failed. */
    public DocumentRecord change(String documentId, DocumentStatus status, String error) {
        return changed(documentId, current -> current.withStatus(status, error));
    }

    /** The document is searchable, with its {@code passages}. */
    public DocumentRecord indexed(String documentId, int passages) {
        return changed(documentId, current -> current.withPassages(passages).withStatus(DocumentStatus.INDEXED, null));
    }

    /**
     * Saves the change, applied to the record as it is now (a change another instance or a researcher made meanwhile
     * stays, so only what {@code change} sets is the pipeline's), and tells of it.
     */
    private DocumentRecord changed(String documentId, UnaryOperator<DocumentRecord> change) {
        DocumentRecord saved = store.update(documentId, change);
        publish(saved);
        return saved;
    }

    /** Tells of a record; a duplicate with the title of the document that has its bytes (the stream is researchers' only). */
    public void publish(DocumentRecord record) {
        eventBus.publish(IngestAddresses.DOCUMENT_STATUS, event(record));
    }

    /**
     * Tells every listener how far a long step has come with a document ({@code progress: {done, total}} passages),
     * without saving anything: the record keeps its status, and a restart starts the step again.
     */
    public void progress(DocumentRecord record, int done, int total) {
        eventBus.publish(IngestAddresses.DOCUMENT_STATUS, event(record).put("progress", new JsonObject().put("done", done).put("total", total)));
    }

    private JsonObject event(DocumentRecord record) {
        return new JsonObject()
                .put("documentId", record.id()).put("filename", record.filename())
                .put("status", record.status().wireName()).put("error", record.error())
                .put("duplicateOf", record.duplicateOf())
                .put("duplicateOfTitle", record.duplicateOf() == null ? null
                        : store.find(record.duplicateOf()).map(DocumentRecord::shownTitle).orElse(null))
                .put("passages", record.passages());
    }
}
