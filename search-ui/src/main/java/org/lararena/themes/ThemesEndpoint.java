package org.lararena.themes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.lararena.ontology.Ontology;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.search.PassageSearch;
import org.lararena.search.SearchRequest;

/**
 * {@code GET /api/themes?lang=sv|en}: the theme tree with, on every concept, how many passages the caller may read
 * carry it or a narrower concept. The counts come from the same visibility filter as search, so they never include
 * material the caller may not read, and they count unreviewed suggestions as a search does ({@code suggestions},
 * by default only for researchers).
 */
public final class ThemesEndpoint {

    private final RequestWork work;
    private final Ontology ontology;
    private final PassageSearch search;

    public ThemesEndpoint(RequestWork work, Ontology ontology, PassageSearch search) {
        this.work = Objects.requireNonNull(work);
        this.ontology = Objects.requireNonNull(ontology);
        this.search = Objects.requireNonNull(search);
    }

    public void addRoutes(Router router) {
        router.get("/api/themes").handler(this::themes);
    }

    private void themes(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        String language = ctx.queryParams().get("lang") == null ? "sv" : ctx.queryParams().get("lang").strip();
        if (!language.equals("sv") && !language.equals("en")) {
            ctx.fail(LararenaException.badRequest("lang must be sv or en (got '" + language + "')"));
            return;
        }
        // Passages also carry concepts of other schemes: room for every concept, so no theme is cut off.
        int size = ontology.concepts().size();
        // Counted as a search without words counts them: unreviewed suggestions only for researchers, unless asked.
        SearchRequest request = SearchRequest.fromParams(ctx.queryParams());
        work.json(ctx, () -> ThemeTree.of(ontology, search.themeCounts(request, caller, size), language));
    }
}
