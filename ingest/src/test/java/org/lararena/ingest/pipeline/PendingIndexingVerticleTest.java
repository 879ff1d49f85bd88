package org.lararena.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.DocumentAnnotated;
import org.lararena.ingest.IndexingOutcome;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.PendingIndexing;

/** The drainer against a stand-in indexer that answers like the real one while Elasticsearch is down and after. */
class PendingIndexingVerticleTest {

    @TempDir
    Path dataDir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void whileElasticsearchIsDownOnlyOneDocumentKnocksAndWhenItIsBackEveryDocumentIsIndexedOnce() throws Exception {
        // Work left in the queue by an earlier run of the application.
        PendingIndexing left = new DocumentStore(dataDir).pendingIndexing();
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> "doc-" + i).toList();
        ids.forEach(id -> left.put(id, new DocumentAnnotated(id, new JsonArray()).toJson()));

        DocumentStore store = new DocumentStore(dataDir);
        AtomicBoolean elasticsearchUp = new AtomicBoolean(false);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostConcurrentWhileDown = new AtomicInteger();
        AtomicInteger attemptsWhileDown = new AtomicInteger();
        AtomicInteger sentAsFresh = new AtomicInteger();
        Map<String, Integer> indexed = new ConcurrentHashMap<>();
        vertx.eventBus().<JsonObject>consumer(IngestAddresses.DOCUMENT_ANNOTATED, message -> {
            int now = concurrent.incrementAndGet();
            DocumentAnnotated work = DocumentAnnotated.fromJson(message.body());
            String id = work.documentId();
            if (!work.queued()) {
                sentAsFresh.incrementAndGet();
            }
            vertx.setTimer(5, t -> {
                concurrent.decrementAndGet();
                if (elasticsearchUp.get()) {
                    indexed.merge(id, 1, Integer::sum);
                    store.pendingIndexing().remove(id);
                    IndexingOutcome.INDEXED.answer(message);
                } else {
                    attemptsWhileDown.incrementAndGet();
                    mostConcurrentWhileDown.accumulateAndGet(now, Math::max);
                    IndexingOutcome.WAITING.answer(message);
                }
            });
        });
        vertx.deployVerticle(new PendingIndexingVerticle(store, Duration.ofMillis(50)),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(10, TimeUnit.SECONDS);

        awaitTrue(() -> attemptsWhileDown.get() >= 3);
        elasticsearchUp.set(true);
        awaitTrue(() -> store.pendingIndexing().isEmpty());

        assertThat(mostConcurrentWhileDown.get()).as("documents sent at once while Elasticsearch was down").isEqualTo(1);
        assertThat(sentAsFresh.get()).as("work sent from the queue that did not say so").isZero();
        assertThat(indexed).containsOnlyKeys(ids);
        assertThat(indexed.values()).allMatch(count -> count == 1);
        assertThat(new DocumentStore(dataDir).pendingIndexing().ids()).isEmpty();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
