package org.lararena.ingest;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;

/**
 * The message that sends a document's annotated passages to indexing ({@link IngestAddresses#DOCUMENT_ANNOTATED}),
 * and the work the durable pending-indexing queue keeps while Elasticsearch is away. The indexer answers with an
 * {@link IndexingOutcome}.
 *
 * @param documentId the stored document's id
 * @param passages   its passages with their concepts and themes
 * @param queued     true when the work comes from the pending-indexing queue (it is not queued again behind itself)
 */
public record DocumentAnnotated(String documentId, JsonArray passages, boolean queued) {

    public DocumentAnnotated {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(passages, "passages");
    }

    /** Fresh work from annotation. */
    public DocumentAnnotated(String documentId, JsonArray passages) {
        this(documentId, passages, false);
    }

    /** The same work, as sent again from the pending-indexing queue. */
    public DocumentAnnotated fromQueue() {
        return new DocumentAnnotated(documentId, passages, true);
    }

    /** Sends the passages to indexing on this instance, without waiting for the outcome. */
    public void send(EventBus bus) {
        bus.send(IngestAddresses.DOCUMENT_ANNOTATED, toJson());
    }

    /** Sends the passages to indexing on this instance; the indexer's outcome, or a failure after {@code timeout}. */
    public Future<IndexingOutcome> request(EventBus bus, Duration timeout) {
        return bus.<String>request(IngestAddresses.DOCUMENT_ANNOTATED, toJson(), new DeliveryOptions().setSendTimeout(timeout.toMillis()))
                .map(reply -> IndexingOutcome.fromWire(reply.body()));
    }

    /** The message as it travels and as the queue keeps it: {@code {documentId, passages, queued?}}. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("documentId", documentId).put("passages", passages);
        return queued ? json.put("queued", true) : json;
    }

    /** The message read from its JSON body or from a queue entry. */
    public static DocumentAnnotated fromJson(JsonObject body) {
        return new DocumentAnnotated(body.getString("documentId"), body.getJsonArray("passages"), body.getBoolean("queued", false));
    }
}
