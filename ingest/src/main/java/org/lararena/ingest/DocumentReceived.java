package org.lararena.ingest;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * The message that sends a stored document into the pipeline, to extraction ({@link IngestAddresses#DOCUMENT_RECEIVED}).
 * Every way a document enters goes through {@link #submit}: an upload or a retry, a member of an archive or mailbox,
 * the watched folder, an imported project, a document resumed at start, the demo data, and extracting again.
 *
 * @param documentId the stored document's id
 */
public record DocumentReceived(String documentId) {

    public DocumentReceived {
        Objects.requireNonNull(documentId, "documentId");
    }

    /** Sends the stored document {@code documentId} to extraction. */
    public static void submit(EventBus bus, String documentId) {
        bus.send(IngestAddresses.DOCUMENT_RECEIVED, new DocumentReceived(documentId).toJson());
    }

    /** The message as it travels: {@code {documentId}}. */
    public JsonObject toJson() {
        return new JsonObject().put("documentId", documentId);
    }

    /** The message read from its JSON body. */
    public static DocumentReceived fromJson(JsonObject body) {
        return new DocumentReceived(body.getString("documentId"));
    }
}
