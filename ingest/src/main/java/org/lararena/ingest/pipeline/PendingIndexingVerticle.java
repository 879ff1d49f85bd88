package org.lararena.ingest.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lararena.ingest.DocumentAnnotated;
import org.lararena.ingest.DocumentExtracted;
import org.lararena.ingest.IndexingOutcome;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.PendingIndexing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the durable pending-indexing queue. Every {@code retryEvery} (and once at start, so work left by a
 * restart resumes) it sends the oldest waiting document to the indexer as a probe; when that one is indexed,
 * Elasticsearch is back and the rest follow, a batch at a time. While the node is down only the probe knocks.
 * Deploy as a single worker verticle: reading the queue is file I/O.
 */
public final class PendingIndexingVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(PendingIndexingVerticle.class);
    private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(5);

    private final DocumentStore store;
    private final PendingIndexing pending;
    private final Duration retryEvery;
    /** Documents sent to the indexer at once while draining: a batch's worth. */
    private final int window;
    /** Touched only on this verticle's context. */
    private final Set<String> inFlight = new HashSet<>();

    public PendingIndexingVerticle(DocumentStore store, Duration retryEvery) {
        this(store, retryEvery, 8);
    }

    /** @param window documents on their way to the indexer at once while draining (a batch's worth) */
    public PendingIndexingVerticle(DocumentStore store, Duration retryEvery, int window) {
        this.store = Objects.requireNonNull(store);
        this.pending = store.pendingIndexing();
        this.retryEvery = Objects.requireNonNull(retryEvery);
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.window = window;
    }

    @Override
    public Future<?> start() {
        vertx.setPeriodic(0, retryEvery.toMillis(), t -> probe());
        return Future.succeededFuture();
    }

    private void probe() {
        if (inFlight.isEmpty() && !pending.isEmpty()) {
            LOG.info("{} document(s) wait for Elasticsearch; trying the oldest", pending.size());
            send(pending.ids().get(0));
        }
    }

    /** Elasticsearch answers again: keep {@link #window} documents on their way until the queue is empty. */
    private void fill() {
        for (String id : pending.ids()) {
            if (inFlight.size() >= window) {
                return;
            }
            if (!inFlight.contains(id)) {
                send(id);
            }
        }
    }

    private void send(String id) {
        DocumentAnnotated work = pending.get(id).flatMap(entry -> asWork(id, entry)).orElse(null);
        if (work == null) {
            // An entry that cannot be read: start the document again from the passages extraction kept.
            pending.remove(id);
            store.passages(id).map(DocumentExtracted::fromJson).ifPresent(extracted -> extracted.send(vertx.eventBus()));
            return;
        }
        inFlight.add(id);
        work.fromQueue().request(vertx.eventBus(), REPLY_TIMEOUT).onComplete(reply -> {
            inFlight.remove(id);
            if (reply.succeeded() && reply.result() != IndexingOutcome.WAITING) {
                fill();
            }
        });
    }

    /** A queue entry as work, or empty when it lacks what work needs (it was not written by the indexer). */
    private static Optional<DocumentAnnotated> asWork(String id, JsonObject entry) {
        try {
            return Optional.of(DocumentAnnotated.fromJson(entry));
        } catch (NullPointerException | ClassCastException e) {
            LOG.warn("The pending-indexing entry of {} is not work the indexer wrote: {}", id, e.getMessage());
            return Optional.empty();
        }
    }
}
