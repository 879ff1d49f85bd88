package org.lararena.search;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/** {@code GET /api/search?q=&page=&size=}. */
public final class SearchEndpoint {

    private final Vertx vertx;
    private final PassageSearch search;

    public SearchEndpoint(Vertx vertx, PassageSearch search) {
        this.vertx = Objects.requireNonNull(vertx);
        this.search = Objects.requireNonNull(search);
    }

    public void addRoutes(Router router) {
        router.get("/api/search").handler(this::search);
    }

    private void search(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        var params = ctx.queryParams();
        PassageSearch.Request request = new PassageSearch.Request(params.get("q"),
                intParam(params.get("page"), "page", 0, 0, 1000),
                intParam(params.get("size"), "size", 10, 1, PassageSearch.MAX_PAGE_SIZE));
        vertx.executeBlocking(() -> search.search(request, caller), false)
                .onSuccess(ctx::json)
                .onFailure(ctx::fail);
    }

    static int intParam(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw LararenaException.badRequest(name + " must be between " + min + " and " + max + " (got " + parsed + ")");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw LararenaException.badRequest(name + " must be a whole number (got '" + value + "')");
        }
    }
}
