package org.lararena.ingest.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.lararena.ingest.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For an instance of a cluster: looks every {@code interval} for unfinished documents whose instance has left the
 * cluster (killed, crashed, stopped) and finishes those it wins ({@link UnfinishedDocuments#resumeOrphans}). A
 * steady look rather than a reaction to the cluster's membership events, so a document is taken over even when its
 * instance left while this one was starting, and an event missed costs one interval.
 */
public final class OrphanedDocumentsVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedDocumentsVerticle.class);

    private final DocumentStore documents;
    private final Supplier<Set<String>> members;
    private final Duration interval;

    /** @param members the names of the cluster's members now (asked at each look) */
    public OrphanedDocumentsVerticle(DocumentStore documents, Supplier<Set<String>> members, Duration interval) {
        this.documents = documents;
        this.members = members;
        this.interval = interval;
    }

    @Override
    public Future<?> start() {
        vertx.setPeriodic(1, interval.toMillis(), timer -> vertx.executeBlocking(() -> {
            UnfinishedDocuments.resumeOrphans(documents, vertx.eventBus(), members.get());
            return null;
        }, false).onFailure(e -> LOG.warn("Could not look for documents left by an instance that left the cluster: {}", e.getMessage())));
        return Future.succeededFuture();
    }
}
