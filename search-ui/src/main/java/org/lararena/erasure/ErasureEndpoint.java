package org.lararena.erasure;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Objects;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.JsonBody;
import org.lararena.platform.web.RequestWork;

/**
 * {@code POST /api/admin/erasures} {@code {documentId | participant, reason}} erases for good and answers the
 * tombstone; {@code GET /api/admin/erasures} lists the tombstones, oldest first. {@code GET /api/admin/retention}
 * reports what is due, {@code PUT /api/admin/retention/{id}} sets a document's own date, and
 * {@code POST /api/admin/retention/erasures} erases confirmed due documents. All for {@code data-steward} and {@code admin}.
 */
public final class ErasureEndpoint {

    /** A reason of the longest length kept, in multi-byte letters, and the rest of the request. */
    private static final int BODY_LIMIT = 16 * 1024;

    private final RequestWork work;
    private final Erasure erasure;
    private final Retention retention;

    public ErasureEndpoint(RequestWork work, Erasure erasure, Retention retention) {
        this.work = Objects.requireNonNull(work);
        this.erasure = Objects.requireNonNull(erasure);
        this.retention = Objects.requireNonNull(retention);
    }

    public void addRoutes(Router router) {
        router.post("/api/admin/erasures").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(this::erase);
        router.get("/api/admin/erasures").handler(this::list);
        router.get("/api/admin/retention").handler(this::retentionReport);
        router.put("/api/admin/retention/:id").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(this::retentionDate);
        router.post("/api/admin/retention/erasures").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(this::eraseDue);
    }

    private void retentionReport(RoutingContext ctx) {
        steward(ctx);
        work.json(ctx, retention::report);
    }

    private void retentionDate(RoutingContext ctx) {
        steward(ctx);
        JsonObject body = JsonBody.of(ctx, "{\"until\": \"YYYY-MM-DD\"} (null clears the document's own date)");
        if (!body.containsKey("until")) {
            throw LararenaException.badRequest("send until: a date as YYYY-MM-DD, or null to clear the document's own date");
        }
        String until = text(body, "until");
        work.json(ctx, () -> retention.setDate(ctx.pathParam("id"), until));
    }

    private void eraseDue(RoutingContext ctx) {
        Caller caller = steward(ctx);
        JsonObject body = JsonBody.of(ctx, "{\"documents\": [\"id\", …], \"reason\": \"…\" (optional)}");
        Object documents = body.getValue("documents");
        if (!(documents instanceof JsonArray ids) || ids.isEmpty() || !ids.stream().allMatch(String.class::isInstance)) {
            throw LararenaException.badRequest("documents must be a list of the document ids to erase, as the retention report gives them");
        }
        List<String> confirmed = ids.stream().map(String.class::cast).toList();
        String reason = text(body, "reason");
        work.json(ctx, () -> retention.eraseDue(confirmed, reason, caller.username()).toJson());
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
        work.json(ctx, () -> erasure.erase(text(body, "documentId"), text(body, "participant"), text(body, "reason"),
                caller.username()).toJson());
    }

    private void list(RoutingContext ctx) {
        steward(ctx);
        work.json(ctx, () -> new JsonArray(erasure.tombstones().stream().map(Tombstone::toJson).toList()));
    }

    private static String text(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw LararenaException.badRequest(field + " must be text");
        }
        return (String) value;
    }
}
