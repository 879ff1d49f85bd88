package org.lararena.search;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;

/** {@code GET /api/suggest?q=&lang=}: theme labels and frequent words that complete what is being typed. */
public final class SuggestEndpoint {

    private final RequestWork work;
    private final Suggestions suggestions;

    public SuggestEndpoint(RequestWork work, Suggestions suggestions) {
        this.work = Objects.requireNonNull(work);
        this.suggestions = Objects.requireNonNull(suggestions);
    }

    public void addRoutes(Router router) {
        router.get("/api/suggest").handler(this::suggest);
    }

    private void suggest(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        String typed = ctx.queryParams().get("q");
        boolean english = "en".equals(ctx.queryParams().get("lang"));
        Suggestions.clean(typed);
        work.json(ctx, () -> suggestions.suggest(typed, english, caller));
    }
}
