package org.lararena.suggester;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.lararena.ingest.suggester.Suggester;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;

/**
 * The suggester (docs/annotation-quality.md):
 * <ul>
 *   <li>{@code GET /api/suggester} (researchers): {@code {version, decisions, trainedAt, evaluation: {precision, recall,
 *       f1, dictionaryOnly: {precision, recall, f1}, passages, decisions, themes}, lastTraining?}}, the model in service
 *       (version 0: the dictionary alone) and the last training's outcome, in service or not, with the reason in words;</li>
 *   <li>{@code POST /api/admin/suggester/train} (admin): trains from the whole decision log, waits for it and answers
 *       the same, or 503 {@code still_working} when the training outlasts the configured wait and goes on without
 *       the request ({@link Suggester#train()});</li>
 *   <li>{@code POST /api/admin/suggester/reset} (admin): puts the dictionary alone back in service under a new version.</li>
 * </ul>
 * Training runs on the suggester's own thread, never on an event loop or the request pool.
 */
public final class SuggesterEndpoint {

    private final Vertx vertx;
    private final RequestWork work;
    private final Suggester suggester;
    private final AuditLog audit;

    public SuggesterEndpoint(Vertx vertx, RequestWork work, Suggester suggester, AuditLog audit) {
        this.vertx = Objects.requireNonNull(vertx);
        this.work = Objects.requireNonNull(work);
        this.suggester = Objects.requireNonNull(suggester);
        this.audit = Objects.requireNonNull(audit);
    }

    public void addRoutes(Router router) {
        router.get("/api/suggester").handler(this::status);
        router.post("/api/admin/suggester/train").handler(ctx -> change(ctx, "suggester_trained", suggester::train));
        router.post("/api/admin/suggester/reset").handler(ctx -> change(ctx, "suggester_reset", suggester::reset));
    }

    private void status(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.RESEARCHER);
        work.json(ctx, suggester::status);
    }

    private void change(RoutingContext ctx, String action, Supplier<CompletableFuture<JsonObject>> change) {
        Caller caller = Caller.of(ctx).require(Caller.ADMIN);
        Future.fromCompletionStage(change.get(), vertx.getOrCreateContext())
                // The change is made: its audit entry is written whatever the load, so not on the request pool, which may refuse.
                .compose(status -> vertx.executeBlocking(() -> {
                    audit.record(caller.username(), action, null, new JsonObject().put("version", status.getInteger("version")));
                    return status;
                }, false))
                .onSuccess(status -> RequestWork.sendJson(ctx, 200, status))
                .onFailure(ctx::fail);
    }
}
