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
import org.lararena.web.SearchParameters;

/**
 * Analys (researchers, and pilots over what they may read): for the search in the address (the same {@code q} and
 * facet parameters as Sök, and its switch for unreviewed suggestions), a theme × pilot heat map whose cells open that
 * search filtered to the theme and pilot, theme co-occurrence, and themes per year. The charts are Apache ECharts, served from its WebJar; each downloads
 * as PNG and as CSV. The matrix is also a plain table, for screen readers, keyboards and pages without scripts. In the
 * reader's language ({@link Messages}), the themes' labels in the charts and downloads too.
 */
public final class AnalysisPage {

    /** Where ECharts is served from, out of the WebJar on the classpath (never a CDN: the page works offline). */
    public static final String ECHARTS_SCRIPT = "/webjars/echarts/dist/echarts.min.js";
    /** What the page's links and downloads leave out of its own address: the page and language, and a download's format and table. */
    private static final Set<String> NOT_THE_ANALYSIS = SearchParameters.with(SearchParameters.PAGE_AND_LANGUAGE, "format", "table");
    /** The three tables: each is a chart, a CSV download and (the matrix) a plain table; their texts are {@code analysis.<table>.*}. */
    private static final List<String> TABLES = List.of("matrix", "cooccurrence", "overtime");
    private static final List<String> FACETS = List.of("theme", "pilot", "type", "year", "speaker");

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
        Messages messages = Messages.of(ctx);
        analysis.analyse(ctx, messages.language())
                .onSuccess(result -> Layout.send(ctx, new Layout.Page(messages.get("analysis.title"), "analys", body(ctx, result, messages))))
                .onFailure(ctx::fail);
    }

    private static String body(RoutingContext ctx, JsonObject result, Messages messages) {
        String cellBase = SearchPage.searchUrl(ctx, (key, value) -> NOT_THE_ANALYSIS.contains(key) || key.equals("theme") || key.equals("pilot"), null, null);
        // The charts and downloads ask in the reader's language, which the address need not carry (it may be remembered).
        String apiBase = "/api/analysis" + SearchPage.searchUrl(ctx, (key, value) -> NOT_THE_ANALYSIS.contains(key), "lang", messages.language())
                .substring("/sok".length());
        StringBuilder html = new StringBuilder("<h1>").append(messages.get("analysis.title")).append("</h1>")
                .append(Caller.of(ctx).isResearcher() ? "<p><a href=\"/analys/samstammighet\">" + messages.get("analysis.agreement") + "</a></p>" : "")
                .append("<form class=\"search\" role=\"search\" method=\"get\" action=\"/analys\">")
                .append("<label for=\"q\">").append(messages.get("search.label"))
                .append("</label><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"1000\" value=\"")
                .append(Html.text(ctx.queryParams().get("q") == null ? "" : ctx.queryParams().get("q"))).append("\">");
        for (String facet : FACETS) {
            for (String value : ctx.queryParams().getAll(facet)) {
                html.append("<input type=\"hidden\" name=\"").append(facet).append("\" value=\"").append(Html.text(value)).append("\">");
            }
        }
        // The same switch as Sök's: the tables count unreviewed suggestions as the search in Sök would, and its cells
        // and downloads keep the choice.
        html.append("<button type=\"submit\">").append(messages.get("analysis.submit")).append("</button>")
                .append(SearchPage.suggestionsSwitch(SearchRequest.fromParams(ctx.queryParams()), Caller.of(ctx), messages)).append("</form>");
        html.append(chosenFilters(ctx, result, messages));
        long total = result.getLong("total");
        String count = "analysis.total" + (result.getBoolean("onlyBothKeywords", false) ? "BothKeywords" : "");
        html.append("<p class=\"total\">").append(messages.counted(count, total)).append(" <a href=\"")
                .append(Html.text(SearchPage.searchUrl(ctx, (key, value) -> NOT_THE_ANALYSIS.contains(key), null, null)))
                .append("\">").append(messages.get("analysis.openInSearch")).append("</a></p>");
        // The scripts: ECharts from its WebJar, then the page's own (both files: the CSP forbids inline scripts).
        html.append("<script src=\"").append(ECHARTS_SCRIPT).append("\" defer></script>")
                .append("<script type=\"module\" src=\"/static/js/analysis.js\"></script>")
                .append("<div id=\"analysis\" data-src=\"").append(Html.text(apiBase)).append("\" data-search=\"").append(Html.text(cellBase)).append("\">");
        for (String table : TABLES) {
            String title = messages.get("analysis." + table + ".title");
            String csv = apiBase + (apiBase.contains("?") ? "&" : "?") + "format=csv&table=" + table;
            html.append("<section class=\"chart-section\" aria-labelledby=\"h-").append(table).append("\"><h2 id=\"h-").append(table).append("\">")
                    .append(Html.text(title)).append("</h2><p class=\"hint\">").append(Html.text(messages.get("analysis." + table + ".hint"))).append("</p>")
                    .append("<div class=\"chart chart-").append(table).append("\" id=\"chart-").append(table)
                    .append("\" role=\"img\" aria-label=\"").append(Html.text(messages.get("analysis.chart", title))).append("\"></div>")
                    .append("<p class=\"downloads\"><button type=\"button\" class=\"png\" data-chart=\"").append(table)
                    .append("\" hidden>").append(messages.get("analysis.downloadPng")).append("</button> <a class=\"csv\" download href=\"")
                    .append(Html.text(csv)).append("\">").append(messages.get("analysis.downloadCsv")).append("</a></p>");
            if (table.equals("matrix")) {
                html.append(matrixTable(result.getJsonObject("matrix"), cellBase, messages));
            }
            html.append("</section>");
        }
        html.append("</div>");
        return html.toString();
    }

    /** The facet values the search is filtered by, each with a link that drops it. */
    private static String chosenFilters(RoutingContext ctx, JsonObject result, Messages messages) {
        StringBuilder html = new StringBuilder();
        for (String facet : FACETS) {
            String name = messages.get("facet." + facet);
            for (String value : ctx.queryParams().getAll(facet)) {
                String label = facet.equals("theme") ? result.getJsonObject("matrix").getJsonArray("themes").stream().map(t -> (JsonObject) t)
                        .filter(t -> value.equals(t.getString("iri"))).map(t -> t.getString("label")).findFirst().orElse(value) : value;
                String without = "/analys" + SearchPage.searchUrl(ctx, (key, v) -> NOT_THE_ANALYSIS.contains(key) || (key.equals(facet) && v.equals(value)), null, null)
                        .substring("/sok".length());
                html.append("<li>").append(Html.text(name + ": " + label)).append(" <a href=\"").append(Html.text(without))
                        .append("\" aria-label=\"").append(Html.text(messages.get("analysis.removeFilter", name + " " + label))).append("\">×</a></li>");
            }
        }
        return html.isEmpty() ? "" : "<ul class=\"chips\" aria-label=\"" + messages.get("facet.label") + "\">" + html + "</ul>";
    }

    /** The matrix as a table: themes as row headers, pilots as column headers, each non-zero count a link into Sök. */
    static String matrixTable(JsonObject matrix, String searchBase, Messages messages) {
        JsonArray themes = matrix.getJsonArray("themes");
        JsonArray pilots = matrix.getJsonArray("pilots");
        if (themes.isEmpty() || pilots.isEmpty()) {
            return "<p class=\"empty\">" + messages.get("analysis.matrix.empty") + "</p>";
        }
        StringBuilder html = new StringBuilder("<details class=\"matrix-table\" open><summary>").append(messages.get("analysis.matrix.asTable"))
                .append("</summary><table class=\"matrix\"><caption>").append(messages.get("analysis.matrix.caption"))
                .append("</caption><thead><tr><th scope=\"col\">").append(messages.get("facet.theme")).append("</th>");
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
                    html.append("<a href=\"").append(Html.text(link)).append("\" aria-label=\"")
                            .append(Html.text(messages.counted("analysis.matrix.cell", count, count, theme.getString("label"), pilots.getString(j)))).append("\">")
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
