package org.lararena.ingest;

/**
 * Every event-bus address of the ingest pipeline. Each message body is a JSON object with at least
 * {@code documentId}. The steps' addresses are consumed on the instance that sent to them; the status address
 * reaches every instance of a cluster.
 */
public final class IngestAddresses {

    /** A stored document waits for extraction: {@code {documentId}}, sent by {@link DocumentReceived#submit} alone. */
    public static final String DOCUMENT_RECEIVED = "ingest.document.received";
    /** Extraction and segmentation are done: {@code {documentId, passages: [...]}}. */
    public static final String DOCUMENT_EXTRACTED = "ingest.document.extracted";
    /**
     * Passages carry their concepts and themes: {@code {documentId, passages: [...], queued?}}. {@code queued} is
     * true when the work comes from the pending-indexing queue; the indexer replies {@code indexed}, {@code waiting}
     * (Elasticsearch is away; the work is queued) or {@code failed}.
     */
    public static final String DOCUMENT_ANNOTATED = "ingest.document.annotated";
    /**
     * A document's status changed, or a long step made progress (published to every listener of every instance): {@code {documentId,
     * filename, status, error?, duplicateOf?, passages, progress?: {done, total}}}.
     */
    public static final String DOCUMENT_STATUS = "ingest.document.status";

    private IngestAddresses() {
    }
}
