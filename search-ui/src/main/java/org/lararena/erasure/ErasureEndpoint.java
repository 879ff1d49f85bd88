package org.lararena.erasure;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Objects;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.JsonBody;

/**
 * {@code POST /api/admin/erasures} {@code {documentId | participant, reason}} erases for good and answers the
 * tombstone; {@code GET /api/admin/erasures} lists the tombstones, oldest first. Both for the roles
 * {@code data-steward} and {@code admin}.
 */
public final class ErasureEndpoint {

    /** A reason of the longest length kept, in multi-byte letters, and the rest of the request. */
    private static final int BODY_LIMIT = 16 * 1024;

    private final Vertx vertx;
    private final Erasure erasure;

    public ErasureEndpoint(Vertx vertx, Erasure erasure) {
        this.vertx = Objects.requireNonNull(vertx);
        this.erasure = Objects.requireNonNull(erasure);
    }

    public void addRoutes(Router router) {
        router.post("/api/admin/erasures").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(this::erase);
        router.get("/api/admin/erasures").handler(this::list);
    }

    static Caller steward(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        if (!caller.has(Caller.DATA_STEWARD) && !caller.has(Caller.ADMIN)) {
            throw LararenaException.forbidden("erasure needs the role data-steward or admin");
        }
        return caller;
    }

    private void erase(RoutingContext ctx) {
        Caller caller = steward(ctx);
        JsonObject body = JsonBody.of(ctx, "{\"documentId\": \"…\" or \"participant\": \"…\", \"reason\": \"…\"}");
        vertx.executeBlocking(() -> erasure.erase(text(body, "documentId"), text(body, "participant"), text(body, "reason"),
                        caller.username()).toJson(), false)
                .onSuccess(ctx::json)
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        steward(ctx);
        vertx.executeBlocking(() -> new JsonArray(erasure.tombstones().stream().map(Tombstone::toJson).toList()), false)
                .onSuccess(ctx::json)
                .onFailure(ctx::fail);
    }

    private static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw LararenaException.badRequest(field + " must be text");
        }
        return (String) value;
    }
}
