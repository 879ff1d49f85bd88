package org.lararena.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lararena.platform.BusyException;
import org.slf4j.LoggerFactory;

/** Requests' blocking work on a real Vert.x: an honest 503 when it cannot start, and then never carried out. */
class RequestWorkTest {

    private Vertx vertx;
    private RequestWork work;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        work = new RequestWork(vertx, 1, Duration.ofMillis(300));
    }

    @AfterEach
    void stop() {
        work.close();
        vertx.close().await();
    }

    /** Runs {@code work.run(task)} on an event loop, as a request handler would. */
    private <T> Future<T> fromEventLoop(Callable<T> task) throws Exception {
        return vertx.getOrCreateContext().<Future<T>>executeBlocking(() -> null).compose(v -> work.run(task));
    }

    @Test
    void workThatStartsInTimeAnswersWithItsResult() throws Exception {
        assertThat(fromEventLoop(() -> "klar").await(5, TimeUnit.SECONDS)).isEqualTo("klar");
    }

    @Test
    void workThatCannotStartInTimeIsRefusedAsBusyAndNeverCarriedOutLater() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch occupying = new CountDownLatch(1);
        Future<String> longWork = fromEventLoop(() -> {
            occupying.countDown();
            release.await(30, TimeUnit.SECONDS);
            return "lång";
        });
        assertThat(occupying.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean carriedOut = new AtomicBoolean();

        Future<String> refused = fromEventLoop(() -> {
            carriedOut.set(true);
            return "för sent";
        });

        Throwable failure = refused.transform(Future::succeededFuture).await(5, TimeUnit.SECONDS).cause();
        assertThat(failure).isInstanceOfSatisfying(BusyException.class, busy -> {
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.retryAfter()).isPositive();
            assertThat(busy.getMessage()).contains("inget ändrades");
        });
        release.countDown();
        assertThat(longWork.await(5, TimeUnit.SECONDS)).isEqualTo("lång");
        // The pool is free again: a later request runs, and the refused one still has not.
        assertThat(fromEventLoop(() -> "nästa").await(5, TimeUnit.SECONDS)).isEqualTo("nästa");
        assertThat(carriedOut).isFalse();
    }

    @Test
    void aFailureOfTheWorkReachesTheCallerAsItIs() throws Exception {
        IllegalStateException broken = new IllegalStateException("trasig");
        Throwable failure = fromEventLoop(() -> {
            throw broken;
        }).transform(Future::succeededFuture).await(5, TimeUnit.SECONDS).cause();
        assertThat(failure).isSameAs(broken);
    }

    @Test
    void workWithinItsLongestAllowedTimeIsNotReportedAsABlockedThreadButWorkPastItIs() throws Exception {
        Vertx tight = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxWorkerExecuteTime(200).setMaxWorkerExecuteTimeUnit(TimeUnit.MILLISECONDS));
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        Logger checker = (Logger) LoggerFactory.getLogger("io.vertx.core.impl.BlockedThreadChecker");
        checker.addAppender(warnings);
        try {
            RequestWork allowedLong = new RequestWork(tight, 1, Duration.ofSeconds(5), Duration.ofSeconds(30));
            tight.getOrCreateContext().<Void>executeBlocking(() -> null).compose(v -> allowedLong.run(() -> sleep(Duration.ofMillis(800))))
                    .await(10, TimeUnit.SECONDS);
            allowedLong.close();
            assertThat(warnings.list).as("warnings while the work ran within its limit").isEmpty();

            // Work past its limit runs until the checker has warned of it (or ten seconds have passed, and the test fails).
            RequestWork allowedShort = new RequestWork(tight, 1, Duration.ofSeconds(5), Duration.ofMillis(200));
            tight.getOrCreateContext().<Void>executeBlocking(() -> null).compose(v -> allowedShort.run(() -> untilWarned(warnings, Duration.ofSeconds(10))))
                    .await(15, TimeUnit.SECONDS);
            allowedShort.close();
            assertThat(warnings.list).as("warnings while the work ran past its limit").isNotEmpty();
        } finally {
            checker.detachAppender(warnings);
            tight.close().await();
        }
    }

    /** Work of a known length, long past the pool's default limit: what the first half of the test is about. */
    private static String sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
        return "klar";
    }

    /** Work that lasts until the blocked-thread checker has warned of it, at most {@code longest}. */
    private static String untilWarned(ListAppender<ILoggingEvent> warnings, Duration longest) throws InterruptedException {
        long end = System.nanoTime() + longest.toNanos();
        while (System.nanoTime() < end) {
            // The checker's thread appends under the appender's lock (AppenderBase.doAppend): read under it too.
            synchronized (warnings) {
                if (!warnings.list.isEmpty()) {
                    break;
                }
            }
            Thread.sleep(5);
        }
        return "klar";
    }
}
