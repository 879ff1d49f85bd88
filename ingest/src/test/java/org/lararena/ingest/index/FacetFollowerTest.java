package org.lararena.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.slf4j.LoggerFactory;

/**
 * Search following a team's coding: the follower keeps up with changes that never stop coming, and holds no worker
 * thread for longer than one update takes. The search index is a fake here (each update takes a refresh's wait);
 * the annotation store is the real one, in memory.
 */
class FacetFollowerTest {

    /** The longest a worker task may run here before Vert.x warns; the coding below goes on five times as long. */
    private static final Duration WORKER_LIMIT = Duration.ofMillis(300);
    private static final Duration CODING = WORKER_LIMIT.multipliedBy(5);
    /** What a bulk update with refresh {@code wait_for} costs on an idle node, about. */
    private static final Duration REFRESH_WAIT = Duration.ofMillis(50);

    private final ListAppender<ILoggingEvent> blockedThreads = new ListAppender<>();
    private final Logger checker = (Logger) LoggerFactory.getLogger("io.vertx.core.impl.BlockedThreadChecker");
    private Vertx vertx;

    @BeforeEach
    void tightChecker() {
        blockedThreads.start();
        checker.addAppender(blockedThreads);
        vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxWorkerExecuteTime(WORKER_LIMIT.toMillis()).setMaxWorkerExecuteTimeUnit(TimeUnit.MILLISECONDS));
    }

    @AfterEach
    void close() {
        checker.detachAppender(blockedThreads);
        vertx.close().await();
    }

    @Test
    void searchFollowsCodingThatNeverPausesWithoutHoldingAWorkerThreadAllTheWhile() throws Exception {
        Set<String> written = ConcurrentHashMap.newKeySet();
        AtomicInteger updates = new AtomicInteger();
        FacetFollower follower = new FacetFollower(vertx, new RdfAnnotationStore(TDB2Factory.createDataset()), OntologyLoader.fromClasspath(),
                passages -> {
                    sleep(REFRESH_WAIT);
                    written.addAll(passages.keySet());
                    updates.incrementAndGet();
                });

        // Three researchers' worth of actions, one every 10 ms, for the whole of the coding.
        int changed = 0;
        for (long end = System.nanoTime() + CODING.toNanos(); System.nanoTime() < end; changed++) {
            follower.changed("dokument-1", List.of("stycke-" + changed));
            sleep(Duration.ofMillis(10));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!follower.settled() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(10));
        }

        assertThat(follower.settled()).as("every change written within ten seconds of the last").isTrue();
        assertThat(written).as("passages whose facets search was given").hasSize(changed);
        assertThat(updates.get()).as("updates while the coding went on: search followed it, not only after it").isGreaterThan(5);
        assertThat(blockedThreads.list).as("Vert.x's blocked-thread warnings").extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
