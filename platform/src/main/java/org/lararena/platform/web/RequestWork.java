package org.lararena.platform.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lararena.platform.BusyException;
import org.lararena.platform.LararenaConfig;

/**
 * Runs requests' blocking work (stores, files) on a pool of threads of their own, so that the pipeline cannot take
 * every thread, and answers honestly when the pool is too busy: work that has not started within {@code busyAfter}
 * fails with {@link BusyException} (503, {@code Retry-After}) and is never carried out, so a researcher is never
 * shown a failure for an action that is then applied behind their back. Work that has started runs to its end.
 *
 * <p>Call {@link #run} on an event loop (a request handler): the deadline is a timer of that context. A handler that
 * answers JSON is one line: {@code work.json(ctx, () -> store.find(id).toJson())}; its failures, the busy 503
 * included, reach the one {@link FailureHandler} through {@code ctx.fail}.
 */
public final class RequestWork implements AutoCloseable {

    private static final String BUSY = "Lärarena har mycket att göra just nu och hann inte börja med det här; inget ändrades. "
            + "Försök igen om en stund.";

    private final Vertx vertx;
    private final WorkerExecutor pool;
    private final Duration busyAfter;

    /** A pool whose work may run as long as Vert.x's default for worker threads (60 s) before it is reported as blocked. */
    public RequestWork(Vertx vertx, int threads, Duration busyAfter) {
        this(vertx, threads, busyAfter, LararenaConfig.Requests.WORKER_LIMIT);
    }

    /**
     * @param longestWork how long a request's work may run before Vert.x's blocked-thread checker reports the thread
     *                    (every second from then on): at least the longest any request is allowed, such as a SPARQL
     *                    query under its timeout, so that only work running past its own limit is reported
     */
    public RequestWork(Vertx vertx, int threads, Duration busyAfter, Duration longestWork) {
        this.vertx = Objects.requireNonNull(vertx);
        this.busyAfter = Objects.requireNonNull(busyAfter);
        this.pool = vertx.createSharedWorkerExecutor("lararena-requests", threads, longestWork.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@code work} on the request pool; fails with {@link BusyException} if it could not start within the deadline. */
    public <T> Future<T> run(Callable<T> work) {
        Promise<T> answer = Promise.promise();
        // Whoever sets this first decides: the worker (the work runs) or the timer (503, the work never runs).
        AtomicBoolean decided = new AtomicBoolean();
        long deadline = vertx.setTimer(Math.max(1, busyAfter.toMillis()), t -> {
            if (decided.compareAndSet(false, true)) {
                answer.fail(new BusyException(BUSY, Duration.ofSeconds(Math.max(1, busyAfter.toSeconds()))));
            }
        });
        pool.<T>executeBlocking(() -> {
            if (!decided.compareAndSet(false, true)) {
                throw RefusedAsBusy.INSTANCE;
            }
            vertx.cancelTimer(deadline);
            return work.call();
        }, false).onComplete(outcome -> {
            // Delivered on the caller's event loop, like the timer: the answer is settled on one thread.
            if (!(outcome.cause() instanceof RefusedAsBusy)) {
                answer.handle(outcome);
            }
        });
        return answer.future();
    }

    /** {@code work} on the request pool, its result answered as JSON with status 200; a failure goes to {@code ctx.fail}. */
    public <T> void json(RoutingContext ctx, Callable<T> work) {
        json(ctx, 200, work);
    }

    /** {@code work} on the request pool, its result answered as JSON with {@code status}; a failure goes to {@code ctx.fail}. */
    public <T> void json(RoutingContext ctx, int status, Callable<T> work) {
        run(work).onSuccess(result -> sendJson(ctx, status, result)).onFailure(ctx::fail);
    }

    /**
     * Answers {@code value} as JSON, the one way every endpoint sets the content type: a {@link JsonObject},
     * {@link JsonArray} or anything else Vert.x encodes is encoded; a {@link Buffer} is sent as the JSON it already is
     * (an answer encoded once and cached).
     */
    public static void sendJson(RoutingContext ctx, int status, Object value) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON_CONTENT_TYPE)
                .end(value instanceof Buffer encoded ? encoded : Json.encodeToBuffer(value));
    }

    /** The content type of every JSON answer (JSON is UTF-8 by definition, RFC 8259). */
    public static final String JSON_CONTENT_TYPE = "application/json";

    /** Work the timer refused before it started: the caller has had its 503 already. */
    private static final class RefusedAsBusy extends RuntimeException {
        static final RefusedAsBusy INSTANCE = new RefusedAsBusy();

        private RefusedAsBusy() {
            super("refused as busy", null, false, false);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
