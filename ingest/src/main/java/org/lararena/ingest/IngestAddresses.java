package org.lararena.ingest;

/**
 * Every event-bus address of the ingest pipeline. Each step's message is a record beside this class that alone
 * writes and reads its JSON body ({@link DocumentReceived}, {@link DocumentExtracted}, {@link DocumentAnnotated});
 * JSON, rather than a registered codec, because the same bodies are kept on disk (the passages, the
 * pending-indexing queue) and a JSON body needs no codec on the other instances of a cluster. The steps' addresses
 * are consumed on the instance that sent to them; the status address reaches every instance of a cluster.
 */
public final class IngestAddresses {

    /** A stored document waits for extraction: {@code {documentId}}, sent by {@link DocumentReceived#submit} alone. */
    public static final String DOCUMENT_RECEIVED = "ingest.document.received";
    /** Extraction and segmentation are done: {@link DocumentExtracted}. */
    public static final String DOCUMENT_EXTRACTED = "ingest.document.extracted";
    /**
     * Passages carry their concepts and themes: {@link DocumentAnnotated}; the indexer replies with an
     * {@link IndexingOutcome}.
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
