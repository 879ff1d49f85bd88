package org.lararena.web.pages;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.platform.web.Caller;
import org.lararena.search.PassageSearch;
import org.lararena.search.SearchAnswerCache;
import org.lararena.search.SearchRequest;
import org.lararena.web.Explanation;
import org.lararena.web.Html;
import org.lararena.web.Labels;
import org.lararena.web.Layout;
import org.lararena.web.Messages;
import org.lararena.web.SearchParameters;

/**
 * Sök: a search box, facets with counts, and result cards with highlighted snippets and theme chips. The whole
 * search is in the URL, so it can be shared; each hit opens the passage in its document. The theme facet is a tree:
 * the top themes with their narrower concepts and counts ({@code search.js} makes branches collapsible and fills
 * the search box's suggestions from {@code /api/suggest}).
 */
public final class SearchPage {

    /** The parameters a link to another search leaves out ({@link SearchParameters#PAGE_AND_LANGUAGE}). */
    private static final Set<String> FROM_FIRST_PAGE = SearchParameters.PAGE_AND_LANGUAGE;

    private static final List<String> FACET_NAMES = List.of("theme", "pilot", "type", "year", "speaker");
    private static final Map<String, String> FACET_TITLES = Map.of("theme", "facet.theme", "pilot", "facet.pilot", "type", "facet.type",
            "year", "facet.year", "speaker", "facet.speaker");
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
        Messages messages = Messages.of(ctx);
        SearchRequest request = SearchRequest.fromParams(ctx.queryParams());
        String title = request.text().isEmpty() ? messages.get("nav.search") : messages.get("nav.search") + ": " + request.text();
        if (!request.text().isEmpty() && !request.hasText()) {
            // Only operators or punctuation: searching would match everything, which looks like an answer and is not.
            Layout.send(ctx, new Layout.Page(title, "sok", searchForm(ctx, request, messages)
                    + "<p class=\"notice not-a-search\" role=\"status\">" + Html.text(messages.get("search.notASearch", request.text())) + "</p>"));
            return;
        }
        Future.fromCompletionStage(answers.answer(request, Caller.of(ctx), search), vertx.getOrCreateContext())
                .map(JsonObject::new)
                .onSuccess(result -> Layout.send(ctx, new Layout.Page(title, "sok", body(ctx, request, result, messages))))
                .onFailure(ctx::fail);
    }

    /** The heading, the skip link to the hits, the search box, and a word when a pasted query was cut. */
    private static String searchForm(RoutingContext ctx, SearchRequest request, Messages messages) {
        StringBuilder html = new StringBuilder();
        html.append("<h1>").append(Html.text(messages.get("search.heading"))).append("</h1>")
                .append("<a class=\"skip-hits\" href=\"#hits\">").append(Html.text(messages.get("search.skipHits"))).append("</a>")
                .append("<form class=\"search\" role=\"search\" method=\"get\" action=\"/sok\">")
                .append("<label for=\"q\">").append(Html.text(messages.get("search.label"))).append("</label>")
                .append("<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" maxlength=\"").append(SearchRequest.MAX_QUERY_CHARS)
                .append("\" list=\"q-suggestions\" value=\"").append(Html.text(request.text()))
                .append("\" placeholder=\"").append(Html.text(messages.get("search.placeholder"))).append("\">")
                .append("<datalist id=\"q-suggestions\"></datalist>");
        // The filters stay when the words change: a new search within the same pilots and themes.
        for (String facet : List.of("theme", "pilot", "type", "year", "speaker", "sort")) {
            for (String value : ctx.queryParams().getAll(facet)) {
                html.append("<input type=\"hidden\" name=\"").append(facet).append("\" value=\"").append(Html.text(value)).append("\">");
            }
        }
        html.append("<button type=\"submit\">").append(Html.text(messages.get("search.submit"))).append("</button>")
                .append(suggestionsSwitch(request, Caller.of(ctx), messages)).append("</form>");
        String asked = ctx.queryParams().get("q");
        if (asked != null && asked.length() > SearchRequest.MAX_QUERY_CHARS) {
            html.append("<p class=\"notice query-cut\" role=\"status\">")
                    .append(Html.text(messages.get("search.cut", number(asked.length(), messages), number(SearchRequest.MAX_QUERY_CHARS, messages))))
                    .append("</p>");
        }
        return html.toString();
    }

    /**
     * The switch for the annotator's unreviewed suggestions, inside a search form (Sök's, Analys'): unticked sends the
     * hidden false alone, ticked the true after it (the last value decides), so it works without scripts; search.js
     * and analysis.js send the form when it changes.
     */
    static String suggestionsSwitch(SearchRequest request, Caller caller, Messages messages) {
        return "<p class=\"suggestions-switch\"><input type=\"hidden\" name=\"suggestions\" value=\"false\">"
                + "<input type=\"checkbox\" id=\"suggestions\" name=\"suggestions\" value=\"true\"" + (request.includesSuggestions(caller) ? " checked" : "")
                + "> <label for=\"suggestions\">" + Html.text(messages.get("search.suggestions")) + "</label></p>";
    }

    private String body(RoutingContext ctx, SearchRequest request, JsonObject result, Messages messages) {
        StringBuilder html = new StringBuilder(searchForm(ctx, request, messages));
        html.append(activeFilters(ctx, messages));
        long chosen = FACET_NAMES.stream().mapToLong(name -> ctx.queryParams().getAll(name).size()).sum();
        // Open by default, so the facets work without scripts; app.js folds them on narrow screens.
        html.append("<div class=\"results-layout\"><details class=\"filters\" open><summary>")
                .append(Html.text(chosen == 0 ? messages.get("search.filterToggle") : messages.counted("search.filterChosen", chosen)))
                .append("</summary><aside class=\"facets\" aria-label=\"").append(Html.text(messages.get("facet.label"))).append("\">");
        html.append(themeTree(ctx, result.getJsonObject("facets").getJsonArray("theme", new JsonArray()), messages));
        for (String[] facet : FACETS) {
            JsonArray buckets = result.getJsonObject("facets").getJsonArray(facet[0], new JsonArray());
            if (buckets.isEmpty()) {
                continue; // a facet with no values offers nothing to choose
            }
            html.append("<section><h2>").append(Html.text(messages.get(facet[1]))).append("</h2><ul>");
            for (Object bucket : buckets) {
                JsonObject b = (JsonObject) bucket;
                String value = b.getString("value");
                boolean isChosen = ctx.queryParams().getAll(facet[0]).contains(value);
                html.append("<li><a href=\"").append(Html.text(toggle(ctx, facet[0], value))).append("\"")
                        .append(isChosen ? " aria-current=\"true\" class=\"chosen\"" : "").append(">")
                        .append(Html.text(valueLabel(facet[0], value, messages))).append(" <span class=\"count\">").append(b.getLong("count"))
                        .append("</span></a></li>");
            }
            html.append("</ul></section>");
        }
        html.append("</aside></details><section class=\"results\" id=\"hits\" tabindex=\"-1\" aria-labelledby=\"total\">");
        JsonArray hits = result.getJsonArray("hits");
        html.append(total(ctx, result, messages)).append("<ol class=\"hits\">");
        for (List<JsonObject> group : byDocument(hits)) {
            html.append(hitHtml(ctx, group.get(0), messages, "h3"));
            if (group.size() > 1) {
                html.append("<details class=\"more-in-document\"><summary>")
                        .append(Html.text(group.size() == 2 ? messages.get("search.oneMoreInDocument") : messages.get("search.moreInDocument", group.size() - 1)))
                        .append("</summary><ol class=\"hits same-document\">");
                group.stream().skip(1).forEach(hit -> html.append(hitHtml(ctx, hit, messages, null)).append("</li>"));
                html.append("</ol></details>");
            }
            html.append("</li>");
        }
        html.append("</ol>").append(pager(ctx, request, result, hits.size(), messages)).append("</section></div>");
        return html.toString();
    }

    /**
     * The number of hits. For two keywords, which also find the passages with one of them, and count them, also how
     * many hold both, so that the number is not read as those; with a link that keeps only those, or, when they are
     * kept, a link that gives the others back.
     */
    private static String total(RoutingContext ctx, JsonObject result, Messages messages) {
        long total = result.getLong("total");
        long withBoth = result.getLong("withBothKeywords", total);
        String text = messages.counted("search.hits", total);
        BiPredicate<String, String> fromFirstPageWithoutBoth = (key, v) -> FROM_FIRST_PAGE.contains(key) || key.equals("bothKeywords");
        String link = "";
        if (result.getBoolean("onlyBothKeywords", false)) {
            text += " · " + messages.get("search.allWithBothKeywords");
            link = link(searchUrl(ctx, fromFirstPageWithoutBoth, null, null), messages.get("search.alsoOneOfTwoKeywords"));
        } else if (result.getBoolean("alsoOneOfTwoKeywords", false) && withBoth < total) {
            text += " · " + (withBoth == 0 ? messages.get("search.noneWithBothKeywords") : messages.get("search.bothKeywordsFirst", withBoth));
            if (withBoth > 0) {
                link = link(searchUrl(ctx, fromFirstPageWithoutBoth, "bothKeywords", "true"), messages.get("search.onlyBothKeywords"));
            }
        }
        return "<p class=\"total\" id=\"total\" aria-live=\"polite\">" + Html.text(text) + "</p>"
                + (link.isEmpty() ? "" : "<p class=\"both-keywords\">" + link + "</p>");
    }

    /** One hit, its {@code <li>} left open: the title (as {@code heading}, none for further hits in a document), where it is from, the snippet, the theme chips. */
    private String hitHtml(RoutingContext ctx, JsonObject hit, Messages messages, String heading) {
        StringBuilder html = new StringBuilder();
        String link = DocumentPage.passageHref(hit.getString("documentId"), hit.getString("passageId"));
        // The highlight is HTML that Elasticsearch encoded (text escaped, only <mark> added); the text is escaped here.
        String snippet = (hit.getString("highlight") != null ? hit.getString("highlight") : Html.text(abbreviate(hit.getString("text"))))
                .replaceAll("\\n\\s*\\n", "\n"); // lines and list items stay apart (CSS pre-line); blank lines would only take room
        html.append("<li class=\"hit\" data-document=\"").append(Html.text(hit.getString("documentId"))).append("\">");
        if (heading != null) {
            html.append("<").append(heading).append(" class=\"hit-title\"><a href=\"").append(Html.text(link)).append("\">")
                    .append(Html.text(hit.getString("title"))).append("</a></").append(heading).append(">")
                    .append("<p class=\"meta\">").append(Html.text(String.join(" · ", Stream.of(
                            valueLabel("type", hit.getString("type"), messages), nonNull(hit.getString("pilot")), nonNull(hit.getString("date")),
                            hit.getString("speaker") == null ? "" : messages.get("search.speaker", hit.getString("speaker")))
                            .filter(text -> text != null && !text.isEmpty()).toList()))).append("</p>")
                    .append("<p class=\"snippet\">").append(snippet).append("</p>");
        } else {
            html.append("<p class=\"snippet\"><a href=\"").append(Html.text(link)).append("\">").append(snippet).append("</a></p>");
            if (hit.getString("speaker") != null) {
                html.append("<p class=\"meta\">").append(Html.text(messages.get("search.speaker", hit.getString("speaker")))).append("</p>");
            }
        }
        JsonArray alsoIn = hit.getJsonArray("alsoIn", new JsonArray());
        if (!alsoIn.isEmpty()) {
            // A near-duplicate (the same passage in another copy of the text) is one hit: the other copies are named here.
            html.append("<p class=\"also-in\">").append(Html.text(messages.get("search.alsoIn"))).append(" ");
            for (int i = 0; i < alsoIn.size(); i++) {
                JsonObject other = alsoIn.getJsonObject(i);
                html.append(i == 0 ? "" : ", ").append("<a href=\"/dokument/").append(Html.text(Html.url(other.getString("documentId"))))
                        .append("\">").append(Html.text(other.getString("title"))).append("</a>");
            }
            html.append("</p>");
        }
        html.append("<ul class=\"chips\">");
        int chipNumber = 0;
        for (Object item : hit.getJsonArray("themes", new JsonArray())) {
            JsonObject theme = (JsonObject) item;
            String label = label(theme.getString("iri"), theme.getString("label"), messages);
            // A researcher's code is a solid chip; the annotator's unreviewed suggestion a dashed one that says
            // "förslag" in words (not by its look alone) and why it was made.
            boolean reviewed = theme.getBoolean("reviewed", true);
            String why = reviewed ? "" : suggestionReasons(theme, messages);
            String whyId = "why-" + Html.text(hit.getString("passageId")) + "-" + chipNumber++;
            html.append(reviewed ? "<li class=\"chip-reviewed\">" : "<li class=\"chip-suggestion\">");
            if (theme.getString("iri") == null) {
                html.append(Html.text(label)).append(suggestionMark(reviewed, messages)).append(why(reviewed, why, whyId)).append("</li>");
                continue;
            }
            boolean chosen = ctx.queryParams().getAll("theme").contains(theme.getString("iri"));
            // A chip narrows the search to its theme, as the theme facet does; a chosen one is marked, not repeated.
            html.append("<a href=\"").append(Html.text(chosen ? toggle(ctx, "theme", theme.getString("iri"))
                            : searchUrl(ctx, (key, v) -> FROM_FIRST_PAGE.contains(key), "theme", theme.getString("iri"))))
                    .append("\"").append(chosen ? " aria-current=\"true\" class=\"chosen\"" : "")
                    .append(reviewed ? "" : " aria-describedby=\"" + whyId + "\"")
                    .append(" title=\"").append(Html.text(reviewed ? messages.get("search.filterBy", label) : why)).append("\">")
                    .append(Html.text(label)).append(suggestionMark(reviewed, messages)).append("</a>").append(why(reviewed, why, whyId)).append("</li>");
        }
        html.append("</ul>");
        if (Caller.of(ctx).isResearcher()) {
            html.append("<a class=\"add-to-insight\" href=\"/insikter/ny?passage=").append(Html.url(hit.getString("passageId")))
                    .append("\">").append(Html.text(messages.get("search.addToInsight"))).append("</a>");
        }
        return html.toString();
    }

    /** For an unreviewed chip: the word "förslag", part of its name. */
    private static String suggestionMark(boolean reviewed, Messages messages) {
        return reviewed ? "" : " <span class=\"suggestion-mark\">" + Html.text(messages.get("search.suggestionMark")) + "</span>";
    }

    /** For an unreviewed chip: why it was suggested, read out as its description (and shown as its title on hover). */
    private static String why(boolean reviewed, String why, String whyId) {
        return reviewed ? "" : "<span class=\"visually-hidden\" id=\"" + whyId + "\">" + Html.text(why) + "</span>";
    }

    /** Why the annotator gave a hit this theme: each of its suggestions explained ({@link Explanation}), with its concept when narrower. */
    private String suggestionReasons(JsonObject theme, Messages messages) {
        List<String> reasons = new ArrayList<>();
        for (Object item : theme.getJsonArray("suggestions", new JsonArray())) {
            JsonObject suggestion = (JsonObject) item;
            String concept = suggestion.getJsonObject("concept", new JsonObject()).getString("iri");
            String because = Explanation.of(suggestion, messages);
            reasons.add(concept == null || concept.equals(theme.getString("iri")) ? because
                    : label(concept, suggestion.getJsonObject("concept").getString("label"), messages) + ": " + because);
        }
        return reasons.isEmpty() ? messages.get("explain.unreviewed") : String.join("; ", reasons);
    }

    /** The hits of one page grouped by their document, in the order each document first appears. */
    private static List<List<JsonObject>> byDocument(JsonArray hits) {
        Map<String, List<JsonObject>> groups = new LinkedHashMap<>();
        for (Object item : hits) {
            JsonObject hit = (JsonObject) item;
            groups.computeIfAbsent(String.valueOf(hit.getString("documentId")), id -> new ArrayList<>()).add(hit);
        }
        return List.copyOf(groups.values());
    }

    /** Previous and next page (by number within Elasticsearch's window, by cursor beyond it), and a way back to the first. */
    private static String pager(RoutingContext ctx, SearchRequest request, JsonObject result, int shown, Messages messages) {
        StringBuilder links = new StringBuilder();
        boolean numbered = request.after().isEmpty();
        if (numbered && request.page() > 0) {
            links.append("<a rel=\"prev\" class=\"previous\" href=\"")
                    .append(Html.text(withPage(ctx, request.page() - 1))).append("\">").append(Html.text(messages.get("search.previous"))).append("</a>");
        } else if (!numbered) {
            links.append("<a class=\"first\" href=\"").append(Html.text(withPage(ctx, 0))).append("\">")
                    .append(Html.text(messages.get("search.firstPage"))).append("</a>");
        }
        long total = result.getLong("total");
        long first = (long) request.page() * request.size() + 1;
        if (numbered && shown > 0 && (request.page() > 0 || total > shown)) {
            links.append("<span class=\"range\">").append(Html.text(messages.get("search.range", first, first + shown - 1, total))).append("</span>");
        }
        long seen = (long) (request.page() + 1) * request.size();
        if (numbered && seen < total && seen + request.size() <= SearchRequest.MAX_PAGED_HITS) {
            links.append("<a rel=\"next\" class=\"more\" href=\"").append(Html.text(withPage(ctx, request.page() + 1))).append("\">")
                    .append(Html.text(messages.get("search.next"))).append("</a>");
        } else if (result.containsKey("after") && shown > 0 && (!numbered || seen < total)) {
            links.append("<a rel=\"next\" class=\"more\" href=\"").append(Html.text(withParam(ctx, "after", result.getString("after"))))
                    .append("\">").append(Html.text(messages.get("search.next"))).append("</a>");
        }
        return links.isEmpty() ? "" : "<nav class=\"pager\" aria-label=\"" + Html.text(messages.get("search.pages")) + "\">" + links + "</nav>";
    }

    /** The chosen filters as removable chips, "Rensa alla", and a word on how several values of one filter combine. */
    private String activeFilters(RoutingContext ctx, Messages messages) {
        StringBuilder chips = new StringBuilder();
        List<String> combined = new ArrayList<>();
        for (String name : FACET_NAMES) {
            List<String> values = ctx.queryParams().getAll(name);
            for (String value : values) {
                String label = messages.get(FACET_TITLES.get(name)) + ": " + valueLabel(name, value, messages);
                chips.append("<li>").append(Html.text(label)).append(" <a class=\"remove\" href=\"").append(Html.text(toggle(ctx, name, value)))
                        .append("\" aria-label=\"").append(Html.text(messages.get("search.remove", label))).append("\">×</a></li>");
            }
            if (values.size() > 1) {
                combined.add(messages.get(FACET_TITLES.get(name)).toLowerCase(Locale.ROOT));
            }
        }
        if (chips.isEmpty()) {
            return "";
        }
        // The words, the order and the suggestions switch stay: they are not filters.
        String clear = searchUrl(ctx, (key, v) -> !key.equals("q") && !key.equals("sort") && !key.equals("suggestions"), null, null);
        StringBuilder html = new StringBuilder("<div class=\"active-filters\"><h2 class=\"visually-hidden\">").append(Html.text(messages.get("search.active")))
                .append("</h2><ul class=\"chips\">").append(chips).append("</ul><a class=\"clear-all\" href=\"").append(Html.text(clear)).append("\">")
                .append(Html.text(messages.get("search.clearAll"))).append("</a>");
        for (String facet : combined) {
            html.append("<p class=\"hint combine\">").append(Html.text(messages.get("search.orWithin", facet))).append("</p>");
        }
        return html.append("</div>").toString();
    }

    /** A facet value as the reader reads it: a theme's or document type's label from the ontology, others as they are. */
    private String valueLabel(String facet, String value, Messages messages) {
        return switch (facet) {
            case "theme" -> label(value, value, messages);
            case "type" -> Labels.documentType(ontology, messages, value);
            default -> value;
        };
    }

    private static String number(long value, Messages messages) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag(messages.language())).format(value);
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
        concept.narrower().stream().map(ontology::concept).flatMap(Optional::stream)
                .sorted(Comparator.comparingLong((Concept c) -> -counts.getOrDefault(c.iri(), 0L)).thenComparing(messages::label))
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
        return searchUrl(ctx, (key, v) -> FROM_FIRST_PAGE.contains(key) || (key.equals(name) && v.equals(value)), chosen ? null : name, value);
    }

    /** This search at page {@code page} (counted from 0) by number, without a cursor. */
    private static String withPage(RoutingContext ctx, int page) {
        return searchUrl(ctx, (key, v) -> FROM_FIRST_PAGE.contains(key), page == 0 ? null : "page", String.valueOf(page));
    }

    private static String link(String url, String text) {
        return "<a href=\"" + Html.text(url) + "\">" + Html.text(text) + "</a>";
    }

    /** This search with {@code name} set to {@code value}. */
    private static String withParam(RoutingContext ctx, String name, String value) {
        return searchUrl(ctx, (key, v) -> key.equals(name) || key.equals("lang"), name, value);
    }

    /** {@code /sok} with the request's parameters less those {@code drop} names, plus {@code name=value} when a name is given. */
    static String searchUrl(RoutingContext ctx, BiPredicate<String, String> drop, String name, String value) {
        List<String> pairs = new ArrayList<>();
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
