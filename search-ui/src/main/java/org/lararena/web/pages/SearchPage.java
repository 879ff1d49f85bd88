package org.lararena.web.pages;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import org.lararena.platform.web.Caller;
import org.lararena.search.PassageSearch;
import org.lararena.search.SearchRequest;
import org.lararena.web.Html;
import org.lararena.web.Layout;

/**
 * Sök: a search box, facets with counts, and result cards with highlighted snippets and theme chips. The whole
 * search is in the URL, so it can be shared; each hit opens the passage in its document.
 */
public final class SearchPage {

    private static final List<String[]> FACETS = List.of(
            new String[] {"theme", "Tema"}, new String[] {"pilot", "Pilot"}, new String[] {"type", "Dokumenttyp"}, new String[] {"year", "År"}, new String[] {"speaker", "Talarroll"});

    private final Vertx vertx;
    private final PassageSearch search;

    public SearchPage(Vertx vertx, PassageSearch search) {
        this.vertx = Objects.requireNonNull(vertx);
        this.search = Objects.requireNonNull(search);
    }

    public void addRoutes(Router router) {
        router.get("/").handler(ctx -> ctx.redirect("/sok"));
        router.get("/sok").handler(this::page);
    }

    private void page(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        SearchRequest request = SearchRequest.fromParams(ctx.queryParams());
        vertx.executeBlocking(() -> search.search(request, caller), false)
                .onSuccess(result -> Layout.send(ctx, new Layout.Page(request.text().isEmpty() ? "Sök" : "Sök: " + request.text(), "sok",
                        body(ctx, request, result))))
                .onFailure(ctx::fail);
    }

    private static String body(RoutingContext ctx, SearchRequest request, JsonObject result) {
        StringBuilder html = new StringBuilder();
        html.append("<h1>Sök i lärdomar</h1>")
                .append("<form class=\"search\" role=\"search\" method=\"get\" action=\"/sok\">")
                .append("<label for=\"q\">Sökord</label>")
                .append("<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" maxlength=\"1000\" value=\"").append(Html.text(request.text()))
                .append("\" placeholder=\"t.ex. fast läkarkontakt, \\\"samverkan mellan\\\", -hyrläkare\">")
                .append("<button type=\"submit\">Sök</button></form>");
        html.append("<div class=\"results-layout\"><aside class=\"facets\" aria-label=\"Filter\">");
        for (String[] facet : FACETS) {
            html.append("<section><h2>").append(facet[1]).append("</h2><ul>");
            for (Object bucket : result.getJsonObject("facets").getJsonArray(facet[0], new JsonArray())) {
                JsonObject b = (JsonObject) bucket;
                String value = b.getString(facet[0].equals("theme") ? "iri" : "value");
                String label = b.getString(facet[0].equals("theme") ? "label" : "value");
                boolean chosen = ctx.queryParams().getAll(facet[0]).contains(value);
                html.append("<li><a href=\"").append(Html.text(toggle(ctx, facet[0], value))).append("\"")
                        .append(chosen ? " aria-current=\"true\" class=\"chosen\"" : "").append(">")
                        .append(Html.text(label)).append(" <span class=\"count\">").append(b.getLong("count")).append("</span></a></li>");
            }
            html.append("</ul></section>");
        }
        html.append("</aside><section class=\"results\" aria-live=\"polite\">");
        long total = result.getLong("total");
        html.append("<p class=\"total\">").append(total).append(total == 1 ? " träff" : " träffar").append("</p><ol class=\"hits\">");
        for (Object hitObject : result.getJsonArray("hits")) {
            JsonObject hit = (JsonObject) hitObject;
            String link = "/dokument/" + Html.url(hit.getString("documentId")) + "#" + Html.url(hit.getString("passageId"));
            // The highlight is HTML that Elasticsearch encoded (text escaped, only <mark> added); the text is escaped here.
            String snippet = hit.getString("highlight") != null ? hit.getString("highlight") : Html.text(abbreviate(hit.getString("text")));
            html.append("<li class=\"hit\"><h3><a href=\"").append(Html.text(link)).append("\">").append(Html.text(hit.getString("title"))).append("</a></h3>")
                    .append("<p class=\"meta\">").append(Html.text(String.join(" · ", List.of(
                            nonNull(hit.getString("type")), nonNull(hit.getString("pilot")), nonNull(hit.getString("date")),
                            hit.getString("speaker") == null ? "" : "Talare: " + hit.getString("speaker"))
                            .stream().filter(s -> !s.isEmpty()).toList()))).append("</p>")
                    .append("<p class=\"snippet\">").append(snippet).append("</p><ul class=\"chips\">");
            for (Object theme : hit.getJsonArray("themes", new JsonArray())) {
                html.append("<li>").append(Html.text(((JsonObject) theme).getString("label"))).append("</li>");
            }
            html.append("</ul></li>");
        }
        html.append("</ol>");
        if (result.containsKey("after")) {
            html.append("<a class=\"more\" rel=\"next\" href=\"").append(Html.text(withParam(ctx, "after", result.getString("after")))).append("\">Fler träffar</a>");
        }
        html.append("</section></div>");
        return html.toString();
    }

    /** This search with {@code value} of facet {@code name} switched on or off, from its first page. */
    private static String toggle(RoutingContext ctx, String name, String value) {
        boolean chosen = ctx.queryParams().getAll(name).contains(value);
        return searchUrl(ctx, (key, v) -> key.equals("after") || key.equals("page") || (key.equals(name) && v.equals(value)),
                chosen ? null : name, value);
    }

    /** This search with {@code name} set to {@code value}. */
    private static String withParam(RoutingContext ctx, String name, String value) {
        return searchUrl(ctx, (key, v) -> key.equals(name), name, value);
    }

    /** {@code /sok} with the request's parameters less those {@code drop} names, plus {@code name=value} when a name is given. */
    private static String searchUrl(RoutingContext ctx, java.util.function.BiPredicate<String, String> drop, String name, String value) {
        java.util.List<String> pairs = new java.util.ArrayList<>();
        ctx.queryParams().forEach(entry -> {
            if (!drop.test(entry.getKey(), entry.getValue())) {
                pairs.add(Html.url(entry.getKey()) + "=" + Html.url(entry.getValue()));
            }
        });
        if (name != null) {
            pairs.add(Html.url(name) + "=" + Html.url(value));
        }
        return "/sok" + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 320 ? text : text.substring(0, 320) + "…";
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
