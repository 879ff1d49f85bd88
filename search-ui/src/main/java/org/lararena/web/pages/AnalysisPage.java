package org.lararena.web.pages;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lararena.platform.web.Caller;
import org.lararena.search.AnalysisEndpoint;
import org.lararena.search.SearchRequest;
import org.lararena.web.Html;
import org.lararena.web.Layout;
import org.lararena.web.Messages;

/**
 * Analys (researchers, and pilots over what they may read): for the search in the address (the same {@code q} and
 * facet parameters as Sök, and its switch for unreviewed suggestions), a theme × pilot heat map whose cells open that
 * search filtered to the theme and pilot, theme co-occurrence, and themes per year. The charts are Apache ECharts, served from its WebJar; each downloads
 * as PNG and as CSV. The matrix is also a plain table, for screen readers, keyboards and pages without scripts.
 */
public final class AnalysisPage {

    /** Where ECharts is served from, out of the WebJar on the classpath (never a CDN: the page works offline). */
    public static final String ECHARTS_SCRIPT = "/webjars/echarts/dist/echarts.min.js";
    private static final Set<String> NOT_SEARCH = Set.of("after", "page", "format", "table");
    private static final List<String[]> TABLES = List.of(
            new String[] {"matrix", "Teman × piloter", "Antal passager per tema och pilot. Klicka på en ruta för att se passagerna i Sök."},
            new String[] {"cooccurrence", "Teman som förekommer tillsammans", "Antal passager som har båda temana."},
            new String[] {"overtime", "Teman över tid", "Antal passager per tema och år."});

    private final AnalysisEndpoint analysis;

    public AnalysisPage(AnalysisEndpoint analysis) {
        this.analysis = Objects.requireNonNull(analysis);
    }

    public void addRoutes(Router router) {
        router.get("/webjars/echarts/*").handler(StaticHandler.create("META-INF/resources/webjars/echarts/5.3.1").setMaxAgeSeconds(86400));
        router.get("/analys").handler(this::page);
    }

    private void page(RoutingContext ctx) {
        if (Caller.of(ctx) == Caller.ANONYMOUS) {
            String query = ctx.request().query();
            ctx.redirect("/login?next=" + Html.url("/analys" + (query == null ? "" : "?" + query)));
            return;
        }
        analysis.analyse(ctx)
                .onSuccess(result -> Layout.send(ctx, new Layout.Page("Analys", "analys", body(ctx, result))))
                .onFailure(ctx::fail);
    }

    private static String body(RoutingContext ctx, JsonObject result) {
        String query = ctx.request().query() == null ? "" : ctx.request().query();
        String cellBase = SearchPage.searchUrl(ctx, (key, value) -> NOT_SEARCH.contains(key) || key.equals("theme") || key.equals("pilot"), null, null);
        String apiBase = "/api/analysis" + SearchPage.searchUrl(ctx, (key, value) -> NOT_SEARCH.contains(key), null, null).substring("/sok".length());
        StringBuilder html = new StringBuilder("<h1>Analys</h1>")
                .append(Caller.of(ctx).isResearcher() ? "<p><a href=\"/analys/samstammighet\">Samstämmighet mellan kodare</a></p>" : "")
                .append("<form class=\"search\" role=\"search\" method=\"get\" action=\"/analys\">")
                .append("<label for=\"q\">Sökord</label><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"1000\" value=\"")
                .append(Html.text(ctx.queryParams().get("q") == null ? "" : ctx.queryParams().get("q"))).append("\">");
        for (String facet : List.of("theme", "pilot", "type", "year", "speaker")) {
            for (String value : ctx.queryParams().getAll(facet)) {
                html.append("<input type=\"hidden\" name=\"").append(facet).append("\" value=\"").append(Html.text(value)).append("\">");
            }
        }
        // The same switch as Sök's: the tables count unreviewed suggestions as the search in Sök would, and its cells
        // and downloads keep the choice.
        html.append("<button type=\"submit\">Analysera</button>")
                .append(SearchPage.suggestionsSwitch(SearchRequest.fromParams(ctx.queryParams()), Caller.of(ctx), Messages.of(ctx))).append("</form>");
        html.append(chosenFilters(ctx, result));
        long total = result.getLong("total");
        html.append("<p class=\"total\">").append(total).append(total == 1 ? " passage" : " passager")
                .append(result.getBoolean("onlyBothKeywords", false) ? " med båda orden" : "")
                .append(" som du får läsa. <a href=\"").append(Html.text(SearchPage.searchUrl(ctx, (key, value) -> NOT_SEARCH.contains(key), null, null)))
                .append("\">Visa sökningen i Sök</a></p>");
        // The scripts: ECharts from its WebJar, then the page's own (both files: the CSP forbids inline scripts).
        html.append("<script src=\"").append(ECHARTS_SCRIPT).append("\" defer></script>")
                .append("<script type=\"module\" src=\"/static/js/analysis.js\"></script>")
                .append("<div id=\"analysis\" data-src=\"").append(Html.text(apiBase)).append("\" data-search=\"").append(Html.text(cellBase)).append("\">");
        for (String[] table : TABLES) {
            String csv = apiBase + (apiBase.contains("?") ? "&" : "?") + "format=csv&table=" + table[0];
            html.append("<section class=\"chart-section\" aria-labelledby=\"h-").append(table[0]).append("\"><h2 id=\"h-").append(table[0]).append("\">")
                    .append(Html.text(table[1])).append("</h2><p class=\"hint\">").append(Html.text(table[2])).append("</p>")
                    .append("<div class=\"chart chart-").append(table[0]).append("\" id=\"chart-").append(table[0])
                    .append("\" role=\"img\" aria-label=\"").append(Html.text(table[1])).append(" (diagram; samma siffror finns som tabell och CSV)\"></div>")
                    .append("<p class=\"downloads\"><button type=\"button\" class=\"png\" data-chart=\"").append(table[0])
                    .append("\" hidden>Ladda ner PNG</button> <a class=\"csv\" download href=\"").append(Html.text(csv)).append("\">Ladda ner CSV</a></p>");
            if (table[0].equals("matrix")) {
                html.append(matrixTable(result.getJsonObject("matrix"), cellBase));
            }
            html.append("</section>");
        }
        html.append("</div>");
        return html.toString();
    }

    /** The facet values the search is filtered by, each with a link that drops it. */
    private static String chosenFilters(RoutingContext ctx, JsonObject result) {
        StringBuilder html = new StringBuilder();
        for (String[] facet : List.of(new String[] {"theme", "Tema"}, new String[] {"pilot", "Pilot"}, new String[] {"type", "Dokumenttyp"},
                new String[] {"year", "År"}, new String[] {"speaker", "Talare"})) {
            for (String value : ctx.queryParams().getAll(facet[0])) {
                String label = facet[0].equals("theme") ? result.getJsonObject("matrix").getJsonArray("themes").stream().map(t -> (JsonObject) t)
                        .filter(t -> value.equals(t.getString("iri"))).map(t -> t.getString("label")).findFirst().orElse(value) : value;
                String without = "/analys" + SearchPage.searchUrl(ctx, (key, v) -> NOT_SEARCH.contains(key) || (key.equals(facet[0]) && v.equals(value)), null, null)
                        .substring("/sok".length());
                html.append("<li>").append(Html.text(facet[1] + ": " + label)).append(" <a href=\"").append(Html.text(without))
                        .append("\" aria-label=\"Ta bort filtret ").append(Html.text(facet[1] + " " + label)).append("\">×</a></li>");
            }
        }
        return html.isEmpty() ? "" : "<ul class=\"chips\" aria-label=\"Filter\">" + html + "</ul>";
    }

    /** The matrix as a table: themes as row headers, pilots as column headers, each non-zero count a link into Sök. */
    private static String matrixTable(JsonObject matrix, String searchBase) {
        JsonArray themes = matrix.getJsonArray("themes");
        JsonArray pilots = matrix.getJsonArray("pilots");
        if (themes.isEmpty() || pilots.isEmpty()) {
            return "<p class=\"empty\">Inga passager med tema och pilot i den här sökningen.</p>";
        }
        StringBuilder html = new StringBuilder("<details class=\"matrix-table\" open><summary>Visa som tabell</summary><table class=\"matrix\">")
                .append("<caption>Antal passager per tema och pilot</caption><thead><tr><th scope=\"col\">Tema</th>");
        pilots.forEach(p -> html.append("<th scope=\"col\">").append(Html.text(p)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (int i = 0; i < themes.size(); i++) {
            JsonObject theme = themes.getJsonObject(i);
            html.append("<tr><th scope=\"row\">").append(Html.text(theme.getString("label"))).append("</th>");
            JsonArray counts = matrix.getJsonArray("counts").getJsonArray(i);
            for (int j = 0; j < pilots.size(); j++) {
                long count = counts.getLong(j);
                html.append("<td>");
                if (count > 0) {
                    String link = searchBase + (searchBase.contains("?") ? "&" : "?") + "theme=" + Html.url(theme.getString("iri"))
                            + "&pilot=" + Html.url(pilots.getString(j));
                    html.append("<a href=\"").append(Html.text(link)).append("\" aria-label=\"").append(count).append(" passager: ")
                            .append(Html.text(theme.getString("label"))).append(", ").append(Html.text(pilots.getString(j))).append("\">")
                            .append(count).append("</a>");
                } else {
                    html.append('0');
                }
                html.append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table></details>").toString();
    }
}
