package org.lararena.web.pages;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.platform.web.Caller;
import org.lararena.search.PassageSearch;
import org.lararena.search.SearchAnswerCache;
import org.lararena.search.SearchRequest;
import org.lararena.web.Html;
import org.lararena.web.Layout;
import org.lararena.web.Messages;

/**
 * Sök: a search box, facets with counts, and result cards with highlighted snippets and theme chips. The whole
 * search is in the URL, so it can be shared; each hit opens the passage in its document. The theme facet is a tree:
 * the top themes with their narrower concepts and counts ({@code search.js} makes branches collapsible and fills
 * the search box's suggestions from {@code /api/suggest}).
 */
public final class SearchPage {

    private static final List<String[]> FACETS = List.of(
            new String[] {"pilot", "facet.pilot"}, new String[] {"type", "facet.type"}, new String[] {"year", "facet.year"},
            new String[] {"speaker", "facet.speaker"});

    private final Vertx vertx;
    private final PassageSearch search;
    private final SearchAnswerCache answers;
    private final Ontology ontology;

    /** @param answers the answers {@code /api/search} keeps, which the page shares: the same search, the same answer */
    public SearchPage(Vertx vertx, PassageSearch search, SearchAnswerCache answers, Ontology ontology) {
        this.vertx = Objects.requireNonNull(vertx);
        this.search = Objects.requireNonNull(search);
        this.answers = Objects.requireNonNull(answers);
        this.ontology = Objects.requireNonNull(ontology);
    }

    public void addRoutes(Router router) {
        router.get("/").handler(ctx -> ctx.redirect("/sok"));
        router.get("/sok").handler(this::page);
    }

    private void page(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        Messages messages = Messages.of(ctx);
        SearchRequest request = SearchRequest.fromParams(ctx.queryParams());
        Future.fromCompletionStage(answers.answer(request, caller, search), vertx.getOrCreateContext())
                .map(JsonObject::new)
                .onSuccess(result -> Layout.send(ctx, new Layout.Page(request.text().isEmpty() ? messages.get("nav.search")
                        : messages.get("nav.search") + ": " + request.text(), "sok", body(ctx, request, result, messages))))
                .onFailure(ctx::fail);
    }

    private String body(RoutingContext ctx, SearchRequest request, JsonObject result, Messages messages) {
        StringBuilder html = new StringBuilder();
        html.append("<h1>").append(Html.text(messages.get("search.heading"))).append("</h1>")
                .append("<form class=\"search\" role=\"search\" method=\"get\" action=\"/sok\">")
                .append("<label for=\"q\">").append(Html.text(messages.get("search.label"))).append("</label>")
                .append("<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" maxlength=\"1000\" list=\"q-suggestions\" value=\"")
                .append(Html.text(request.text()))
                .append("\" placeholder=\"").append(Html.text(messages.get("search.placeholder"))).append("\">")
                .append("<datalist id=\"q-suggestions\"></datalist>")
                .append("<button type=\"submit\">").append(Html.text(messages.get("search.submit"))).append("</button></form>");
        html.append("<div class=\"results-layout\"><aside class=\"facets\" aria-label=\"").append(Html.text(messages.get("facet.label"))).append("\">");
        html.append(themeTree(ctx, result.getJsonObject("facets").getJsonArray("theme", new JsonArray()), messages));
        for (String[] facet : FACETS) {
            html.append("<section><h2>").append(Html.text(messages.get(facet[1]))).append("</h2><ul>");
            for (Object bucket : result.getJsonObject("facets").getJsonArray(facet[0], new JsonArray())) {
                JsonObject b = (JsonObject) bucket;
                String value = b.getString("value");
                String label = b.getString("value");
                boolean chosen = ctx.queryParams().getAll(facet[0]).contains(value);
                html.append("<li><a href=\"").append(Html.text(toggle(ctx, facet[0], value))).append("\"")
                        .append(chosen ? " aria-current=\"true\" class=\"chosen\"" : "").append(">")
                        .append(Html.text(label)).append(" <span class=\"count\">").append(b.getLong("count")).append("</span></a></li>");
            }
            html.append("</ul></section>");
        }
        html.append("</aside><section class=\"results\" aria-live=\"polite\">");
        long total = result.getLong("total");
        html.append("<p class=\"total\">").append(Html.text(messages.get(total == 1 ? "search.hit" : "search.hits", total)))
                .append("</p><ol class=\"hits\">");
        for (Object hitObject : result.getJsonArray("hits")) {
            JsonObject hit = (JsonObject) hitObject;
            String link = "/dokument/" + Html.url(hit.getString("documentId")) + "#" + Html.url(hit.getString("passageId"));
            // The highlight is HTML that Elasticsearch encoded (text escaped, only <mark> added); the text is escaped here.
            String snippet = hit.getString("highlight") != null ? hit.getString("highlight") : Html.text(abbreviate(hit.getString("text")));
            html.append("<li class=\"hit\"><h3><a href=\"").append(Html.text(link)).append("\">").append(Html.text(hit.getString("title"))).append("</a></h3>")
                    .append("<p class=\"meta\">").append(Html.text(String.join(" · ", List.of(
                            nonNull(hit.getString("type")), nonNull(hit.getString("pilot")), nonNull(hit.getString("date")),
                            hit.getString("speaker") == null ? "" : messages.get("search.speaker", hit.getString("speaker")))
                            .stream().filter(s -> !s.isEmpty()).toList()))).append("</p>")
                    .append("<p class=\"snippet\">").append(snippet).append("</p><ul class=\"chips\">");
            for (Object theme : hit.getJsonArray("themes", new JsonArray())) {
                html.append("<li>").append(Html.text(label(((JsonObject) theme).getString("iri"), ((JsonObject) theme).getString("label"), messages)))
                        .append("</li>");
            }
            html.append("</ul>");
            if (Caller.of(ctx).isResearcher()) {
                html.append("<a class=\"add-to-insight\" href=\"/insikter/ny?passage=").append(Html.url(hit.getString("passageId")))
                        .append("\">Lägg till i insikt</a>");
            }
            html.append("</li>");
        }
        html.append("</ol>");
        if (result.containsKey("after")) {
            html.append("<a class=\"more\" rel=\"next\" href=\"").append(Html.text(withParam(ctx, "after", result.getString("after")))).append("\">").append(Html.text(messages.get("search.more"))).append("</a>");
        }
        html.append("</section></div>");
        return html.toString();
    }

    /**
     * The theme facet as a tree: each top theme with a count, then its narrower concepts with counts, nearest first;
     * concepts without hits are left out unless chosen. Concepts outside the theme tree that still have hits follow
     * as a flat list, so no count the search returned is hidden.
     */
    private String themeTree(RoutingContext ctx, JsonArray buckets, Messages messages) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (Object bucket : buckets) {
            JsonObject b = (JsonObject) bucket;
            counts.put(b.getString("iri"), b.getLong("count"));
            labels.put(b.getString("iri"), b.getString("label"));
        }
        Set<String> chosen = new HashSet<>(ctx.queryParams().getAll("theme"));
        Set<String> shown = new HashSet<>();
        StringBuilder html = new StringBuilder("<section class=\"theme-facet\"><h2 id=\"theme-facet-title\">")
                .append(Html.text(messages.get("facet.theme"))).append("</h2><ul class=\"tree\" aria-labelledby=\"theme-facet-title\">");
        for (Concept top : ontology.topThemes()) {
            html.append(branch(ctx, top, counts, chosen, shown, messages, 0));
        }
        for (Map.Entry<String, Long> rest : counts.entrySet()) {
            if (!shown.contains(rest.getKey())) {
                html.append(node(ctx, rest.getKey(), label(rest.getKey(), labels.get(rest.getKey()), messages), rest.getValue(),
                        chosen.contains(rest.getKey()), ""));
                html.append("</li>");
            }
        }
        return html.append("</ul></section>").toString();
    }

    private String branch(RoutingContext ctx, Concept concept, Map<String, Long> counts, Set<String> chosen, Set<String> shown,
                          Messages messages, int depth) {
        long count = counts.getOrDefault(concept.iri(), 0L);
        if ((count == 0 && !chosen.contains(concept.iri())) || depth > 5 || !shown.add(concept.iri())) {
            return "";
        }
        StringBuilder children = new StringBuilder();
        concept.narrower().stream().map(ontology::concept).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparingLong((Concept c) -> -counts.getOrDefault(c.iri(), 0L)).thenComparing(messages::label))
                .forEach(child -> children.append(branch(ctx, child, counts, chosen, shown, messages, depth + 1)));
        StringBuilder html = new StringBuilder(node(ctx, concept.iri(), messages.label(concept), count, chosen.contains(concept.iri()),
                children.isEmpty() ? "" : " data-branch"));
        if (!children.isEmpty()) {
            html.append("<ul class=\"narrower\" id=\"narrower-").append(Math.abs(concept.iri().hashCode())).append("\">")
                    .append(children).append("</ul>");
        }
        return html.append("</li>").toString();
    }

    private static String node(RoutingContext ctx, String iri, String label, long count, boolean chosen, String attributes) {
        return "<li" + attributes + "><a href=\"" + Html.text(toggle(ctx, "theme", iri)) + "\"" + (chosen ? " aria-current=\"true\" class=\"chosen\"" : "")
                + ">" + Html.text(label) + " <span class=\"count\">" + count + "</span></a>";
    }

    /** A concept's label in the reader's language; an IRI the ontology does not know keeps the label it came with. */
    private String label(String iri, String fallback, Messages messages) {
        return iri == null ? fallback : ontology.concept(iri).map(messages::label).orElse(fallback);
    }

    /** This search with {@code value} of facet {@code name} switched on or off, from its first page. */
    private static String toggle(RoutingContext ctx, String name, String value) {
        boolean chosen = ctx.queryParams().getAll(name).contains(value);
        return searchUrl(ctx, (key, v) -> key.equals("after") || key.equals("page") || key.equals("lang") || (key.equals(name) && v.equals(value)),
                chosen ? null : name, value);
    }

    /** This search with {@code name} set to {@code value}. */
    private static String withParam(RoutingContext ctx, String name, String value) {
        return searchUrl(ctx, (key, v) -> key.equals(name) || key.equals("lang"), name, value);
    }

    /** {@code /sok} with the request's parameters less those {@code drop} names, plus {@code name=value} when a name is given. */
    static String searchUrl(RoutingContext ctx, java.util.function.BiPredicate<String, String> drop, String name, String value) {
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
