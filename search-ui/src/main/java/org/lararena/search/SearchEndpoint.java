package org.lararena.search;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.Params;
import org.lararena.platform.web.RequestWork;

/**
 * {@code GET /api/search?q=&theme=&pilot=&type=&year=&speaker=&sort=&page=&size=&after=} and
 * {@code GET /api/passages/{id}/context?before=&after=}.
 */
public final class SearchEndpoint {

    private final Vertx vertx;
    private final RequestWork work;
    private final PassageSearch search;
    private final SearchAnswerCache answers;

    /** @param answers answers kept from earlier searches, given again while the index is unchanged */
    public SearchEndpoint(Vertx vertx, RequestWork work, PassageSearch search, SearchAnswerCache answers) {
        this.vertx = Objects.requireNonNull(vertx);
        this.work = Objects.requireNonNull(work);
        this.search = Objects.requireNonNull(search);
        this.answers = Objects.requireNonNull(answers);
    }

    public void addRoutes(Router router) {
        router.get("/api/search").handler(this::search);
        router.get("/api/passages/:id/context").handler(this::context);
    }

    private void search(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        SearchRequest request = SearchRequest.fromParams(ctx.queryParams());
        // Non-blocking all the way: no worker thread per search, the answer comes back to this request's event loop.
        Future.fromCompletionStage(answers.answer(request, caller, search), vertx.getOrCreateContext())
                .onSuccess(answer -> RequestWork.sendJson(ctx, 200, answer))
                .onFailure(ctx::fail);
    }

    private void context(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        int before = Params.intParam(ctx.queryParams().get("before"), "before", 2, 0, 20);
        int after = Params.intParam(ctx.queryParams().get("after"), "after", 2, 0, 20);
        String passageId = ctx.pathParam("id");
        work.json(ctx, () -> search.context(passageId, before, after, caller));
    }
}
