package org.lararena.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.Params;

/**
 * Administration (role admin): {@code POST /api/admin/reindex} moves the passages into a fresh index behind the
 * alias; {@code GET /api/admin/audit} shows who read confidential material and who changed what.
 */
public final class AdminEndpoint {

    private final Vertx vertx;
    private final PassageIndex index;
    private final AuditLog audit;

    public AdminEndpoint(Vertx vertx, PassageIndex index, AuditLog audit) {
        this.vertx = Objects.requireNonNull(vertx);
        this.index = Objects.requireNonNull(index);
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
        vertx.executeBlocking(() -> audit.newest(limit), false)
                .onSuccess(entries -> ctx.response().putHeader("Content-Type", "application/json").end(entries.encode()))
                .onFailure(ctx::fail);
    }

    private void reindex(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.ADMIN);
        Caller caller = Caller.of(ctx);
        vertx.executeBlocking(() -> {
                    var done = index.reindex();
                    audit.record(caller.username(), "reindex", done.to(), new JsonObject().put("from", done.from()).put("passages", done.passages()));
                    return done;
                }, false)
                .onSuccess(done -> ctx.json(new JsonObject().put("from", done.from()).put("to", done.to()).put("passages", done.passages())))
                .onFailure(ctx::fail);
    }
}
