package org.lararena.insights;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Objects;
import java.util.Optional;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;

/**
 * {@code GET /api/insights?theme=} (published ones; researchers also drafts), {@code POST /api/insights}
 * (researchers; {@code 201}), {@code GET|PATCH|DELETE /api/insights/{id}}. Bad input is a 400 whose detail begins
 * with the field at fault.
 */
public final class InsightsEndpoint {

    /** The largest request body: room for the longest text (up to four bytes a character, escaped) with its other fields. */
    public static int maxBodyBytes(Insights insights) {
        return 64 * 1024 + 6 * insights.maxTextChars();
    }

    private final RequestWork work;
    private final Insights insights;

    public InsightsEndpoint(RequestWork work, Insights insights) {
        this.work = Objects.requireNonNull(work);
        this.insights = Objects.requireNonNull(insights);
    }

    public void addRoutes(Router router) {
        router.get("/api/insights").handler(this::list);
        router.post("/api/insights").handler(BodyHandler.create().setBodyLimit(maxBodyBytes(insights))).handler(this::create);
        router.get("/api/insights/:id").handler(this::get);
        router.patch("/api/insights/:id").handler(BodyHandler.create().setBodyLimit(maxBodyBytes(insights))).handler(this::update);
        router.delete("/api/insights/:id").handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        Optional<String> theme = Optional.ofNullable(ctx.queryParams().get("theme")).filter(t -> !t.isBlank());
        work.json(ctx, () -> new JsonArray(insights.visible(caller, theme).stream().map(i -> insights.toJson(i, caller)).toList()));
    }

    private void get(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        String id = ctx.pathParam("id");
        work.json(ctx, () -> insights.toJson(insights.find(id, caller), caller));
    }

    private void create(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        JsonObject body = json(ctx);
        work.run(() -> insights.toJson(insights.create(body, caller), caller))
                .onSuccess(created -> {
                    ctx.response().putHeader("Location", "/api/insights/" + created.getString("id"));
                    RequestWork.sendJson(ctx, 201, created);
                })
                .onFailure(ctx::fail);
    }

    private void update(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        JsonObject body = json(ctx);
        String id = ctx.pathParam("id");
        work.json(ctx, () -> insights.toJson(insights.update(id, body, caller), caller));
    }

    private void delete(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        String id = ctx.pathParam("id");
        work.run(() -> {
            insights.delete(id, caller);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private static JsonObject json(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw LararenaException.badRequest("send a JSON object with title, text, themes, passages and status");
            }
            return body;
        } catch (DecodeException | ClassCastException e) {
            throw LararenaException.badRequest("the body is not a JSON object: " + e.getMessage());
        }
    }
}
