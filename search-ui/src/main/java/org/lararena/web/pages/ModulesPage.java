package org.lararena.web.pages;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lararena.modules.LearningModule;
import org.lararena.modules.LearningModules;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.lararena.web.Html;
import org.lararena.web.Layout;
import org.lararena.web.Messages;

/**
 * Lärmoduler: the learning modules, each with its goals, insights, live links into search and reflection questions. The
 * page's own words follow the reader's language; a module's content is shown as written.
 */
public final class ModulesPage {

    private final LearningModules modules;
    private final Map<String, String> themeIris;

    public ModulesPage(LearningModules modules) {
        this(modules, Map.of());
    }

    /**
     * @param themeIris the IRI of each theme by its Swedish label (the ontology's), so a module's theme chips and
     *                  saved searches filter Sök by theme, as the chips on Insikter do, instead of searching its name
     */
    public ModulesPage(LearningModules modules, Map<String, String> themeIris) {
        this.modules = Objects.requireNonNull(modules);
        this.themeIris = Map.copyOf(themeIris);
    }

    public void addRoutes(Router router) {
        router.get("/moduler").handler(this::list);
        router.get("/moduler/:slug").handler(this::module);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        Messages messages = Messages.of(ctx);
        StringBuilder html = new StringBuilder("<h1>").append(Html.text(messages.get("modules.title"))).append("</h1><ul class=\"modules\">");
        for (LearningModule module : modules.all()) {
            html.append("<li><h2><a href=\"/moduler/").append(Html.url(module.slug())).append("\">").append(Html.text(module.title()))
                    .append("</a></h2><p>").append(Html.text(module.summary())).append("</p></li>");
        }
        html.append("</ul>");
        if (caller.isResearcher() || caller.has(Caller.ADMIN)) {
            // Only those who maintain the content need to see why a module is missing.
            if (!modules.problems().isEmpty()) {
                html.append("<section class=\"problems\"><h2>").append(Html.text(messages.get("modules.problems"))).append("</h2><ul>");
                modules.problems().forEach(p -> html.append("<li>").append(Html.text(p)).append("</li>"));
                html.append("</ul></section>");
            }
        }
        Layout.send(ctx, new Layout.Page(messages.get("modules.title"), "moduler", html.toString()));
    }

    private void module(RoutingContext ctx) {
        Messages messages = Messages.of(ctx);
        LearningModule module = modules.find(ctx.pathParam("slug")).orElseThrow(() -> LararenaException.notFound("no such learning module"));
        StringBuilder html = new StringBuilder("<article class=\"module\"><h1>").append(Html.text(module.title())).append("</h1>");
        if (module.summary() != null) {
            html.append("<p class=\"summary\">").append(Html.text(module.summary())).append("</p>");
        }
        // The module's own text first (less its title, which is the page's heading), then where to go from it.
        html.append("<section class=\"module-body\">").append(module.bodyHtml().replaceFirst("^\\s*<h1>[^<]*</h1>", "")).append("</section>");
        section(html, messages.get("modules.goals"), module.learningGoals());
        html.append("<section><h2>").append(Html.text(messages.get("modules.themes"))).append("</h2><ul class=\"chips\">");
        module.themes().forEach(t -> html.append("<li><a href=\"").append(Html.text(themeSearch(t, null))).append("\">").append(Html.text(t)).append("</a></li>"));
        html.append("</ul></section>");
        if (!module.insights().isEmpty()) {
            html.append("<section><h2>").append(Html.text(messages.get("modules.insights"))).append("</h2><ul class=\"insights\">");
            module.insights().forEach(i -> html.append("<li><a href=\"/insikter/").append(Html.url(i.id())).append("\">")
                    .append(Html.text(i.statement())).append("</a></li>"));
            html.append("</ul></section>");
        }
        if (!module.savedSearches().isEmpty()) {
            html.append("<section><h2>").append(Html.text(messages.get("modules.searches"))).append("</h2><ul>");
            module.savedSearches().forEach(s -> html.append("<li><a href=\"").append(Html.text(themeSearch(s.theme(), s.query()))).append("\">")
                    .append(Html.text(s.label())).append("</a></li>"));
            html.append("</ul></section>");
        }
        section(html, messages.get("modules.reflection"), module.reflectionQuestions());
        html.append("</article>");
        Layout.send(ctx, new Layout.Page(module.title(), "moduler", html.toString()));
    }

    /** Sök for {@code query} (none when null) filtered by the theme labelled {@code theme} (none when null; its name as words when unknown). */
    private String themeSearch(String theme, String query) {
        String iri = theme == null ? null : themeIris.get(theme);
        String words = query != null ? query : iri == null && theme != null ? theme : null;
        List<String> params = new ArrayList<>();
        if (words != null && !words.isBlank()) {
            params.add("q=" + Html.url(words));
        }
        if (iri != null) {
            // Counted as every search counts themes (reviewed codes only for attendees, who may tick Sök's switch):
            // a module leads to what the research group has coded, not to the annotator's guesses.
            params.add("theme=" + Html.url(iri));
        }
        return "/sok" + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static void section(StringBuilder html, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        html.append("<section><h2>").append(Html.text(heading)).append("</h2><ul>");
        items.forEach(item -> html.append("<li>").append(Html.text(item)).append("</li>"));
        html.append("</ul></section>");
    }
}
