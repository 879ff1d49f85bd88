package org.lararena.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.platform.web.Caller;

/** Administration: {@code POST /api/admin/reindex} (role admin) moves the passages into a fresh index behind the alias. */
public final class AdminEndpoint {

    private final Vertx vertx;
    private final PassageIndex index;

    public AdminEndpoint(Vertx vertx, PassageIndex index) {
        this.vertx = Objects.requireNonNull(vertx);
        this.index = Objects.requireNonNull(index);
    }

    public void addRoutes(Router router) {
        router.post("/api/admin/reindex").handler(this::reindex);
    }

    private void reindex(RoutingContext ctx) {
        Caller.of(ctx).require(Caller.ADMIN);
        vertx.executeBlocking(index::reindex, false)
                .onSuccess(done -> ctx.json(new JsonObject().put("from", done.from()).put("to", done.to()).put("passages", done.passages())))
                .onFailure(ctx::fail);
    }
}
