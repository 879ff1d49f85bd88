package org.lararena.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.lararena.ingest.pipeline.IndexRebuild;
import org.lararena.platform.LararenaException;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.Params;
import org.lararena.platform.web.RequestWork;

/**
 * Administration (role admin): {@code POST /api/admin/reindex} rebuilds the passage index from the data directory
 * into a fresh index behind the alias (409 while one runs; with {@code ?from=originals} every document then goes
 * through extraction again from its original); {@code GET /api/admin/audit} shows who read confidential material and who changed what.
 */
public final class AdminEndpoint {

    private final Vertx vertx;
    private final RequestWork work;
    private final IndexRebuild rebuild;
    private final AuditLog audit;

    public AdminEndpoint(Vertx vertx, RequestWork work, IndexRebuild rebuild, AuditLog audit) {
        this.vertx = Objects.requireNonNull(vertx);
        this.work = Objects.requireNonNull(work);
        this.rebuild = Objects.requireNonNull(rebuild);
        this.audit = Objects.requireNonNull(audit);
    }

    public void addRoutes(Router router) {
        router.post("/api/admin/reindex").handler(this::reindex);
        router.get("/api/admin/audit").handler(this::auditLog);
    }

    /** {@code GET /api/admin/audit?limit=}: the newest audit entries, newest first (role admin). */
    private void auditLog(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.ADMIN);
        int limit = Params.intParam(ctx.queryParams().get("limit"), "limit", 100, 1, 10_000);
        work.json(ctx, () -> audit.newest(limit));
    }

    private void reindex(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.ADMIN);
        String from = ctx.queryParams().get("from");
        if (from != null && !from.equals("originals")) {
            throw LararenaException.badRequest("from must be 'originals' (or absent: the passages kept in the data directory)");
        }
        // Minutes of work: on Vert.x's own worker pool, not the request pool, whose few threads serve quick requests.
        vertx.executeBlocking(() -> {
                    var done = rebuild.run();
                    JsonObject result = new JsonObject().put("from", new JsonArray(done.from())).put("to", done.to())
                            .put("documents", done.documents()).put("passages", done.passages()).put("failed", done.failed());
                    if (from != null) {
                        result.put("extractedAgain", rebuild.extractAgain(vertx.eventBus()));
                    }
                    audit.record(caller.username(), "reindex", done.to(), result);
                    return result;
                }, false)
                .onSuccess(result -> RequestWork.sendJson(ctx, 200, result))
                .onFailure(ctx::fail);
    }
}
