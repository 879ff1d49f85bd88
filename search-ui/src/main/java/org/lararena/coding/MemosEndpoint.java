package org.lararena.coding;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Objects;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;

/**
 * {@code GET /api/passages/{id}/memos} (the passage's memos, oldest first) and {@code POST /api/passages/{id}/memos}
 * ({@code {"text": ...}} → 201 with the stored memo, author and time set by the server); {@code PUT /api/memos/{id}}
 * ({@code {"text": ...}}: a new version), {@code DELETE /api/memos/{id}} and {@code GET /api/memos/{id}/versions}
 * (every version, oldest first: an edit or deletion never loses the earlier text). Researchers only: memos are
 * part of the research group's analysis. A passage that does not exist is 404.
 */
public final class MemosEndpoint {

    /** Blocking check that a passage exists for the caller; throws a 404 when it does not. */
    @FunctionalInterface
    public interface PassageCheck {
        void requireReadable(String passageId, Caller caller);
    }

    private final RequestWork work;
    private final MemoStore store;
    private final PassageCheck passages;

    public MemosEndpoint(RequestWork work, MemoStore store, PassageCheck passages) {
        this.work = Objects.requireNonNull(work);
        this.store = Objects.requireNonNull(store);
        this.passages = Objects.requireNonNull(passages);
    }

    public void addRoutes(Router router) {
        router.get("/api/passages/:id/memos").handler(this::list);
        router.post("/api/passages/:id/memos").handler(BodyHandler.create().setBodyLimit(64 * 1024)).handler(this::add);
        router.put("/api/memos/:id").handler(BodyHandler.create().setBodyLimit(64 * 1024)).handler(this::edit);
        router.delete("/api/memos/:id").handler(this::delete);
        router.get("/api/memos/:id/versions").handler(this::versions);
    }

    private void edit(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        String text = text(ctx);
        work.json(ctx, () -> {
                    passages.requireReadable(store.current(ctx.pathParam("id")).passageId(), caller);
                    return store.edit(ctx.pathParam("id"), text, caller.username()).toJson();
                });
    }

    private void delete(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        work.json(ctx, () -> {
                    passages.requireReadable(store.current(ctx.pathParam("id")).passageId(), caller);
                    return store.delete(ctx.pathParam("id"), caller.username()).toJson();
                });
    }

    private void versions(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        work.json(ctx, () -> {
                    List<Memo> versions = store.versions(ctx.pathParam("id"));
                    passages.requireReadable(versions.get(0).passageId(), caller);
                    JsonArray list = new JsonArray();
                    versions.forEach(memo -> list.add(memo.toJson()));
                    return list;
                });
    }

    private static String text(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            throw LararenaException.badRequest("send the memo as JSON: {\"text\": \"...\"}");
        }
        return body == null ? null : body.getValue("text") instanceof String s ? s : null;
    }

    private void list(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        String passageId = ctx.pathParam("id");
        work.json(ctx, () -> {
                    passages.requireReadable(passageId, caller);
                    JsonArray memos = new JsonArray();
                    store.of(passageId).forEach(memo -> memos.add(memo.toJson()));
                    return memos;
                });
    }

    private void add(RoutingContext ctx) {
        Caller caller = Caller.of(ctx).require(Caller.RESEARCHER);
        String passageId = ctx.pathParam("id");
        String text = text(ctx);
        work.json(ctx, 201, () -> {
                    passages.requireReadable(passageId, caller);
                    return store.add(passageId, text, caller.username()).toJson();
                });
    }
}
