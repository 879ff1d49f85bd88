package org.lararena.ingest;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * The message that sends a document's passages to annotation ({@link IngestAddresses#DOCUMENT_EXTRACTED}): after
 * extraction, for an imported project's text source, and when a document resumes from the passages extraction kept.
 * The passages kept in the store have the same shape, with the document's texts beside them.
 *
 * @param documentId the stored document's id
 * @param passages   its passages ({@code {ordinal, page, speaker, text, start, end}} each)
 */
public record DocumentExtracted(String documentId, JsonArray passages) {

    public DocumentExtracted {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(passages, "passages");
    }

    /** Sends the passages to annotation on this instance. */
    public void send(EventBus bus) {
        bus.send(IngestAddresses.DOCUMENT_EXTRACTED, toJson());
    }

    /** The message as it travels and as the store keeps it: {@code {documentId, passages}}. */
    public JsonObject toJson() {
        return new JsonObject().put("documentId", documentId).put("passages", passages);
    }

    /** The message read from its JSON body, or from the passages the store kept (their texts are left out). */
    public static DocumentExtracted fromJson(JsonObject body) {
        return new DocumentExtracted(body.getString("documentId"), body.getJsonArray("passages"));
    }
}
