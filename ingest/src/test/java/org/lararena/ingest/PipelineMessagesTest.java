package org.lararena.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline's messages read back what they wrote, and the indexer's outcome travels as its wire name. */
class PipelineMessagesTest {

    private final Vertx vertx = Vertx.vertx();
    private final JsonArray passages = new JsonArray().add(new JsonObject().put("ordinal", 0).put("text", "Vi möts varje vecka."));

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void extractedPassagesAreReadBackFromTheirMessageAndFromWhatTheStoreKept() {
        DocumentExtracted extracted = new DocumentExtracted("doc-1", passages);

        assertThat(DocumentExtracted.fromJson(extracted.toJson())).isEqualTo(extracted);
        assertThat(DocumentExtracted.fromJson(extracted.toJson().put("text", "Vi möts varje vecka.").put("extractedText", "Vi mots")))
                .as("the kept passages with the document's texts beside them").isEqualTo(extracted);
        assertThatThrownBy(() -> DocumentExtracted.fromJson(new JsonObject().put("documentId", "doc-1"))).hasMessageContaining("passages");
    }

    @Test
    void annotatedWorkSaysWhetherItComesFromTheQueueAndIsKeptWithoutSaying() {
        DocumentAnnotated fresh = new DocumentAnnotated("doc-1", passages);

        assertThat(fresh.toJson().containsKey("queued")).as("what the queue keeps").isFalse();
        assertThat(DocumentAnnotated.fromJson(fresh.toJson())).isEqualTo(fresh);
        assertThat(DocumentAnnotated.fromJson(fresh.fromQueue().toJson()).queued()).isTrue();
    }

    @Test
    void theIndexersOutcomeReachesTheSenderAsAnEnum() throws Exception {
        vertx.eventBus().<JsonObject>localConsumer(IngestAddresses.DOCUMENT_ANNOTATED, message ->
                (DocumentAnnotated.fromJson(message.body()).queued() ? IndexingOutcome.WAITING : IndexingOutcome.INDEXED).answer(message));

        DocumentAnnotated fresh = new DocumentAnnotated("doc-1", passages);
        assertThat(fresh.request(vertx.eventBus(), Duration.ofSeconds(10)).await(10, TimeUnit.SECONDS)).isEqualTo(IndexingOutcome.INDEXED);
        assertThat(fresh.fromQueue().request(vertx.eventBus(), Duration.ofSeconds(10)).await(10, TimeUnit.SECONDS))
                .isEqualTo(IndexingOutcome.WAITING);
        assertThat(IndexingOutcome.WAITING.wireName()).isEqualTo("waiting");
    }
}
