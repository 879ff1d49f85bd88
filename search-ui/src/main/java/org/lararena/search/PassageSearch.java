package org.lararena.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest.Builder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.lararena.documents.PassageRange;
import org.lararena.ingest.index.IndexPages;
import org.lararena.ingest.index.NearDuplicates;
import org.lararena.ingest.index.PassageFacetFields;
import org.lararena.ingest.names.NameSpans;
import org.lararena.ingest.pipeline.SpeakerRoles;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.search.SwedishSynonyms;
import org.lararena.ontology.text.SwedishText;
import org.lararena.platform.FutureFailures;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/**
 * Runs searches for a caller. What the caller may read is part of the query itself (never a post-filter), so
 * hits, highlights and every facet count leave out what the caller may not see. The user's facet choices
 * filter the hits (as a post-filter) and every other facet's counts, but not their own facet's, so choosing
 * "Örebro" still shows how many hits Värmland has. Blocking.
 */
public final class PassageSearch {

    /** The facets of every search; {@code speaker} counts speaker roles (never names: the same for every caller). */
    private static final List<String> FACETS = List.of("theme", "pilot", "type", "year", "speaker");
    /** The aggregation that holds the facets nobody chose when some other facet is chosen. */
    private static final String UNCHOSEN = "unchosen";
    /**
     * The aggregation that counts the passages with both of two keywords ({@link PassageQuery#bothOfTwoKeywords}); the
     * benchmark measures what it costs.
     */
    public static final String BOTH_KEYWORDS = "bothKeywords";

    private final ElasticsearchClient client;
    private final ElasticsearchAsyncClient asyncClient;
    private final String alias;
    private final Function<String, String> themeLabel;
    private final Function<String, Set<String>> themesNamedIn;
    private final boolean requestCache;
    private final Set<RankingPart> leftOut;
    private final DecisionCounts decisionsAbout;
    /** The installed thesaurus, read when the first search object is made (at start, off the event loop): about a megabyte. */
    private final SwedishSynonyms synonyms = SwedishSynonyms.installed();

    /** @param themeLabel the display label of a theme or concept IRI */
    public PassageSearch(ElasticsearchClient client, String alias, Function<String, String> themeLabel) {
        this(client, alias, themeLabel, text -> Set.of(), true);
    }

    /**
     * @param themeLabel    the display label of a theme or concept IRI
     * @param themesNamedIn the concept IRIs a query text names (the ontology's annotator): their passages are found
     *                      too, below those with the words
     * @param requestCache  whether Elasticsearch keeps each search's answer until the index next changes
     *                      ({@code LARARENA_SEARCH_REQUEST_CACHE}): the cache is emptied at every refresh, so an answer
     *                      never outlives what it was computed from
     */
    public PassageSearch(ElasticsearchClient client, String alias, Function<String, String> themeLabel,
                         Function<String, Set<String>> themesNamedIn, boolean requestCache) {
        this(client, alias, themeLabel, themesNamedIn, requestCache, Set.of());
    }

    /**
     * A search that ranks without the query-time parts in {@code leftOut}: the search evaluation's ablation, which
     * shows what each part is worth. The application leaves nothing out.
     */
    public PassageSearch(ElasticsearchClient client, String alias, Function<String, String> themeLabel,
                         Function<String, Set<String>> themesNamedIn, boolean requestCache, Set<RankingPart> leftOut) {
        this(client, alias, themeLabel, themesNamedIn, requestCache, leftOut, (concept, term, creator) -> 0);
    }

    private PassageSearch(ElasticsearchClient client, String alias, Function<String, String> themeLabel,
                          Function<String, Set<String>> themesNamedIn, boolean requestCache, Set<RankingPart> leftOut,
                          DecisionCounts decisionsAbout) {
        this.decisionsAbout = Objects.requireNonNull(decisionsAbout);
        this.leftOut = Set.copyOf(leftOut);
        this.client = Objects.requireNonNull(client);
        this.asyncClient = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
        this.alias = Objects.requireNonNull(alias);
        this.themeLabel = Objects.requireNonNull(themeLabel);
        this.themesNamedIn = Objects.requireNonNull(themesNamedIn);
        this.requestCache = requestCache;
    }

    /** How many researchers' decisions the confidence of an automatic suggestion was learned from. */
    @FunctionalInterface
    public interface DecisionCounts {
        /** For a suggestion of {@code conceptIri} on {@code matchedTerm} made by the annotator {@code creatorIri}. */
        int learnedFrom(String conceptIri, String matchedTerm, String creatorIri);
    }

    /** The same search, whose hits say of each unreviewed suggestion how many researchers' decisions its confidence was learned from. */
    public PassageSearch withDecisionCounts(DecisionCounts decisionsAbout) {
        return new PassageSearch(client, alias, themeLabel, themesNamedIn, requestCache, leftOut, decisionsAbout);
    }

    /**
     * The passage field whose themes the caller's search counts, filters and shows: all of them, suggestions included
     * ({@code themes}), or only those a researcher reviewed ({@code reviewedThemes}), as {@link SearchRequest#includesSuggestions}.
     */
    static String themeField(SearchRequest request, Caller caller) {
        return themeField(request.includesSuggestions(caller));
    }

    private static String themeField(boolean withSuggestions) {
        return withSuggestions ? PassageFacetFields.THEMES : PassageFacetFields.REVIEWED_THEMES;
    }

    /** The relevance query of a request: its words, phrases and exclusions, and the themes its text names. */
    private Query relevanceQuery(QueryText text, SearchRequest request, Caller caller) {
        String wanted = text.wanted();
        return PassageQuery.of(text, wanted.isBlank() ? Set.of() : themesNamedIn.apply(wanted), leftOut, themeField(request, caller), synonyms);
    }

    public JsonObject search(SearchRequest request, Caller caller) {
        QueryText text = QueryText.of(request);
        try {
            SearchResponse<Map> response = client.search(elasticsearchRequest(text, request, caller), Map.class);
            Optional<co.elastic.clients.elasticsearch.core.SearchRequest> alike = alikeRequest(response, request, caller);
            return toJson(response, text, request, caller, alike.isEmpty() ? Map.of() : alikeByGroup(client.search(alike.get(), Void.class)));
        } catch (ElasticsearchException | IOException e) {
            return answerToFailure(e);
        }
    }

    /**
     * The same search as {@link #search}, without holding a thread while Elasticsearch works (the API's path: no
     * worker thread hand-offs per request). Completes on the Elasticsearch client's I/O thread.
     */
    public CompletableFuture<JsonObject> searchAsync(SearchRequest request, Caller caller) {
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        QueryText text = QueryText.of(request);
        asyncClient.search(elasticsearchRequest(text, request, caller), Map.class).thenCompose(response ->
                alikeRequest(response, request, caller)
                        .map(alike -> asyncClient.search(alike, Void.class).thenApply(PassageSearch::alikeByGroup))
                        .orElse(CompletableFuture.completedFuture(Map.of()))
                        .thenApply(alike -> toJson(response, text, request, caller, alike))
        ).whenComplete((json, failure) -> {
            try {
                if (failure == null) {
                    answer.complete(json);
                    return;
                }
                Throwable cause = FutureFailures.cause(failure);
                if (cause instanceof ElasticsearchException || cause instanceof IOException) {
                    answer.complete(answerToFailure((Exception) cause));
                } else if (cause instanceof LararenaException refused) {
                    // Thrown while the answer was made (its status stands).
                    answer.completeExceptionally(refused);
                } else {
                    answer.completeExceptionally(LararenaException.unavailable("search failed: " + cause.getMessage(), cause));
                }
            } catch (RuntimeException e) {
                // Completed with the exception itself (not wrapped), so the failure handler sees its status.
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** No index yet is an empty answer; anything else from Elasticsearch is a 503. */
    private static JsonObject answerToFailure(Exception e) {
        if (e instanceof ElasticsearchException es && es.status() == 404) {
            return new JsonObject().put("total", 0).put("hits", new JsonArray()).put("facets", emptyFacets());
        }
        if (e instanceof ElasticsearchException) {
            throw LararenaException.unavailable("search failed in Elasticsearch: " + e.getMessage(), e);
        }
        throw LararenaException.unavailable("Elasticsearch is not reachable; try again shortly", e);
    }

    /**
     * The Elasticsearch search {@link #search} sends for this request and caller (the benchmark sends the very same
     * one straight to Elasticsearch to measure what the application adds).
     */
    public co.elastic.clients.elasticsearch.core.SearchRequest elasticsearchRequest(SearchRequest request, Caller caller) {
        return elasticsearchRequest(QueryText.of(request), request, caller);
    }

    private co.elastic.clients.elasticsearch.core.SearchRequest elasticsearchRequest(QueryText text, SearchRequest request, Caller caller) {
        Query readable = visibilityFilter(caller);
        Query match = relevanceQuery(text, request, caller);
        String themeField = themeField(request, caller);
        Map<String, Query> facetFilters = facetFilters(request, themeField);
        Optional<Query> highlightQuery = PassageQuery.highlightQuery(text);
        // Counted beside the hits unless the search keeps only those (PassageQuery's filter), when the total is the count.
        Optional<Query> countOfBoth = text.bothKeywords() ? Optional.empty() : PassageQuery.bothOfTwoKeywords(text, leftOut);
        return co.elastic.clients.elasticsearch.core.SearchRequest.of(s -> {
            s.index(alias)
                    .requestCache(requestCache)
                    .query(q -> q.bool(b -> b.must(match).filter(readable).mustNot(askedForHiddenNames(text, caller))))
                    .source(src -> src.filter(f -> f.includes(hitFields(caller))))
                    .size(request.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .highlight(h -> {
                        h.fields(NamedValue.of("text", HighlightField.of(f -> f.numberOfFragments(2).fragmentSize(220))))
                                .preTags("<mark>").postTags("</mark>").encoder(HighlighterEncoder.Html);
                        highlightQuery.ifPresent(h::highlightQuery);
                        return h;
                    });
            if (!facetFilters.isEmpty()) {
                s.postFilter(q -> q.bool(b -> b.filter(List.copyOf(facetFilters.values()))));
            }
            sortAndPage(s, request);
            if (collapses(request)) {
                // One hit per group of near-duplicates (a report's clean and scanned copies); the others are named beside
                // it, read by alikeRequest. Not by inner hits: Elasticsearch runs the whole query again for each hit's
                // group, which made a search cost three times what it costs without them.
                s.collapse(c -> c.field(NearDuplicates.GROUP));
            }
            s.aggregations(facetAggregations(facetFilters, themeField));
            // Under the facet choices, as the total is (they are a post filter, which aggregations do not see).
            countOfBoth.ifPresent(both -> s.aggregations(BOTH_KEYWORDS,
                    a -> a.filter(f -> f.bool(b -> b.filter(both).filter(List.copyOf(facetFilters.values()))))));
            return s;
        });
    }

    /**
     * How many passages the caller may read carry each theme IRI, for at most {@code size} IRIs, counting themes as
     * {@code request}'s search would (with unreviewed suggestions or only reviewed codes). A passage's themes hold its
     * concepts and every broader one, so a concept's count includes its narrower concepts'. Empty before the first
     * passage is indexed.
     */
    public Map<String, Long> themeCounts(SearchRequest request, Caller caller, int size) {
        String themeField = themeField(request, caller);
        try {
            SearchResponse<Map> response = client.search(s -> s.index(alias).size(0)
                    .query(q -> q.bool(b -> b.filter(visibilityFilter(caller))))
                    .aggregations("themes", a -> a.terms(t -> t.field(themeField).size(size))), Map.class);
            Map<String, Long> counts = new LinkedHashMap<>();
            var themes = response.aggregations().get("themes");
            if (themes.isSterms()) {
                themes.sterms().buckets().array().forEach(bucket -> counts.put(bucket.key().stringValue(), bucket.docCount()));
            }
            return counts;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Map.of();
            }
            throw LararenaException.unavailable("theme counts failed in Elasticsearch: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch is not reachable; try again shortly", e);
        }
    }

    /**
     * The passages around {@code passageId} in its document, in reading order. 404 when the passage does not exist
     * or the caller may not read it (never 403: ids must not be guessable).
     */
    public JsonObject context(String passageId, int before, int after, Caller caller) {
        try {
            SearchResponse<Map> found = client.search(s -> s.index(alias).size(1)
                    .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(passageId))).filter(visibilityFilter(caller)))), Map.class);
            if (found.hits().hits().isEmpty()) {
                throw LararenaException.notFound("no passage with that id");
            }
            JsonObject passage = new JsonObject(found.hits().hits().get(0).source());
            int ordinal = passage.getInteger("ordinal");
            JsonArray passages = readingOrder(passage.getString("documentId"), ordinal - before, ordinal + after, caller);
            return new JsonObject().put("passageId", passageId).put("documentId", passage.getString("documentId"))
                    .put("title", passage.getString("title")).put("passages", passages);
        } catch (ElasticsearchException e) {
            throw LararenaException.unavailable("Elasticsearch could not fetch the passage: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch is not reachable; try again shortly", e);
        }
    }

    /** The passages of {@code range} of a document the caller may read, in reading order; empty when it may not. */
    public JsonArray passagesOf(String documentId, Caller caller, PassageRange range) {
        try {
            return readingOrder(documentId, range.from(), range.last(), caller);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch is not reachable; try again shortly", e);
        }
    }

    /**
     * Counts for the Analys page over the passages of {@code request} the caller may read (every facet choice filters
     * them all): rows of {@code themes} (those that occur, most frequent first) against pilots, against each other
     * (passages that carry both; the diagonal is the theme alone) and against years. Passages without a pilot or a
     * year are left out of that table only. Themes are named by this search's labels.
     */
    public JsonObject analysis(SearchRequest request, Caller caller, List<String> themes) {
        return analysis(request, caller, themes, themeLabel);
    }

    /** As {@link #analysis(SearchRequest, Caller, List)}, with themes named by {@code label} (a theme IRI to its label). */
    public JsonObject analysis(SearchRequest request, Caller caller, List<String> themes, Function<String, String> label) {
        String themeField = themeField(request, caller);
        List<Query> filters = new ArrayList<>(facetFilters(request, themeField).values());
        filters.add(visibilityFilter(caller));
        // The words read as a search reads them, synonyms included, so Analys counts the passages Sök finds (themes
        // the text names are not added: the table's rows are themes already). Counted, not ranked: in a filter, which
        // scores nothing and which Elasticsearch may cache.
        QueryText text = QueryText.of(request);
        Query match = PassageQuery.of(text, Set.of(), leftOut, themeField, synonyms);
        List<String> included = List.copyOf(themes);
        Function<String, Aggregation> themeTerms = name -> Aggregation.of(a -> a.terms(t -> t.field(themeField)
                .include(i -> i.terms(included)).size(Math.max(1, included.size()))));
        try {
            SearchResponse<Map> response = client.search(s -> s.index(alias).size(0).trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> b.filter(match).filter(filters).mustNot(askedForHiddenNames(text, caller))))
                    .aggregations("pilots", a -> a.terms(t -> t.field("pilot").size(50)))
                    .aggregations("years", a -> a.terms(t -> t.field("year").size(200).order(NamedValue.of("_key", SortOrder.Asc)))
                            .aggregations("themes", themeTerms.apply("themes")))
                    .aggregations("themes", a -> a.terms(t -> t.field(themeField).include(i -> i.terms(included)).size(Math.max(1, included.size())))
                            .aggregations("pilots", p -> p.terms(t -> t.field("pilot").size(50)))
                            .aggregations("themes", themeTerms.apply("themes"))), Map.class);
            // Opened from a search that keeps only the passages with both of two keywords (the words' query keeps them too): said.
            return analysisJson(response, label).put("onlyBothKeywords", PassageQuery.onlyBothKeywords(text, leftOut).isPresent());
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return analysisJson(null, label);
            }
            throw LararenaException.unavailable("the analysis failed in Elasticsearch: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch is not reachable; try again shortly", e);
        }
    }

    private static JsonObject analysisJson(SearchResponse<Map> response, Function<String, String> label) {
        List<StringTermsBucket> themeBuckets = response == null ? List.of() : response.aggregations().get("themes").sterms().buckets().array();
        List<String> rows = themeBuckets.stream().map(b -> b.key().stringValue()).toList();
        List<String> pilots = response == null ? List.of()
                : response.aggregations().get("pilots").sterms().buckets().array().stream().map(b -> b.key().stringValue()).toList();
        JsonArray matrix = new JsonArray();
        JsonArray cooccurrence = new JsonArray();
        for (StringTermsBucket row : themeBuckets) {
            Map<String, Long> byPilot = counts(row.aggregations().get("pilots").sterms().buckets().array());
            Map<String, Long> byTheme = counts(row.aggregations().get("themes").sterms().buckets().array());
            matrix.add(new JsonArray(pilots.stream().map(p -> byPilot.getOrDefault(p, 0L)).toList()));
            cooccurrence.add(new JsonArray(rows.stream().map(t -> byTheme.getOrDefault(t, 0L)).toList()));
        }
        List<LongTermsBucket> yearBuckets = response == null ? List.of() : response.aggregations().get("years").lterms().buckets().array();
        JsonArray overTime = new JsonArray();
        for (String theme : rows) {
            overTime.add(new JsonArray(yearBuckets.stream()
                    .map(y -> counts(y.aggregations().get("themes").sterms().buckets().array()).getOrDefault(theme, 0L)).toList()));
        }
        JsonArray themes = new JsonArray(rows.stream().map(iri -> new JsonObject().put("iri", iri).put("label", label.apply(iri))).toList());
        long total = response == null || response.hits().total() == null ? 0 : response.hits().total().value();
        return new JsonObject().put("total", total)
                .put("matrix", new JsonObject().put("themes", themes).put("pilots", new JsonArray(pilots)).put("counts", matrix))
                .put("cooccurrence", new JsonObject().put("themes", themes.copy()).put("counts", cooccurrence))
                .put("overTime", new JsonObject().put("themes", themes.copy())
                        .put("years", new JsonArray(yearBuckets.stream().map(LongTermsBucket::key).toList())).put("counts", overTime));
    }

    private static Map<String, Long> counts(List<StringTermsBucket> buckets) {
        Map<String, Long> counts = new LinkedHashMap<>();
        buckets.forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
        return counts;
    }

    /**
     * The passages with these ids that the caller may read, by id (an id the caller may not read is simply
     * absent, as one that does not exist). Each with its document, title, text and the speaker as the caller may
     * see it, its document's visibility, and its themes (IRIs) as the caller's searches count them by default
     * ({@link SearchRequest#suggestionsByDefault}): with unreviewed suggestions for researchers, reviewed codes only
     * for everyone else.
     */
    public Map<String, JsonObject> passagesById(List<String> ids, Caller caller) {
        Map<String, JsonObject> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String themeField = themeField(SearchRequest.suggestionsByDefault(caller));
        try {
            SearchResponse<Map> response = client.search(s -> s.index(alias).size(ids.size())
                    .query(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(ids))).filter(visibilityFilter(caller)))), Map.class);
            for (Hit<Map> hit : response.hits().hits()) {
                JsonObject source = new JsonObject(hit.source());
                found.put(source.getString("passageId"), new JsonObject().put("passageId", source.getString("passageId"))
                        .put("documentId", source.getString("documentId")).put("title", source.getString("title"))
                        .put("text", textFor(source, caller)).put("page", source.getInteger("page"))
                        .put("speaker", speakerFor(source, caller)).put("pilot", source.getString("pilot")).put("date", source.getString("date"))
                        .put("visibility", source.getString("visibility")).put("themes", source.getJsonArray(themeField, new JsonArray())));
            }
            return found;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return found;
            }
            throw LararenaException.unavailable("Elasticsearch could not fetch the passages: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch is not reachable; try again shortly", e);
        }
    }

    private JsonArray readingOrder(String documentId, int fromOrdinal, int toOrdinal, Caller caller) throws IOException {
        JsonArray passages = new JsonArray();
        Query range = Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("documentId").value(documentId)))
                .filter(f -> f.range(r -> r.number(n -> n.field("ordinal").gte((double) fromOrdinal).lte((double) toOrdinal))))
                .filter(visibilityFilter(caller))));
        IndexPages.forEach(client, alias, range, "ordinal", null, Map.class, hits -> {
            for (Hit<Map> hit : hits) {
                JsonObject source = new JsonObject(hit.source());
                passages.add(new JsonObject().put("id", source.getString("passageId")).put("ordinal", source.getInteger("ordinal"))
                        .put("page", source.getInteger("page")).put("speaker", speakerFor(source, caller))
                        .put("text", textFor(source, caller)).put("start", source.getInteger("start")).put("end", source.getInteger("end")));
            }
        });
        return passages;
    }

    /** The aggregation that names the hits' near-duplicates, and how many of each hit's it names at most. */
    private static final String ALIKE = "alike";
    private static final int MAX_ALIKE = 6;

    /**
     * The search that {@link #search} sends after the hits' own ({@code response}), for the near-duplicates of a page of
     * collapsed hits (the benchmark sends the same): the passages of the hits' groups that the caller may read and the
     * facet choices keep, the hits left out, at most {@value #MAX_ALIKE} of each group. One search for the whole page,
     * of filters on stored terms only. Not the search's words again: a copy says what its hit says (a scanned copy
     * maybe in garbled words, which is worth naming all the more), and reading the words again cost as much as the
     * search itself. So what it names does not depend on the words asked, and the passages a search of a name leaves
     * out ({@link #askedForHiddenNames}) need no leaving out here. Empty when nothing is collapsed, or no hit of the
     * page may have a copy ({@link NearDuplicates#mayHaveCopies}): a page without copies costs one search.
     */
    public Optional<co.elastic.clients.elasticsearch.core.SearchRequest> alikeRequest(SearchResponse<Map> response, SearchRequest request,
                                                                                     Caller caller) {
        List<String> groups = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            if (hit.source() != null && hit.source().get(NearDuplicates.GROUP) instanceof String group) {
                shown.add(hit.id());
                if (NearDuplicates.mayHaveCopies(hit.source())) {
                    groups.add(group);
                }
            }
        }
        if (!collapses(request) || groups.isEmpty()) {
            return Optional.empty();
        }
        List<Query> filters = new ArrayList<>(List.of(visibilityFilter(caller),
                Query.of(q -> q.terms(t -> t.field(NearDuplicates.GROUP).terms(v -> v.value(groups.stream().map(FieldValue::of).toList()))))));
        filters.addAll(facetFilters(request, themeField(request, caller)).values());
        return Optional.of(co.elastic.clients.elasticsearch.core.SearchRequest.of(s -> s.index(alias).size(0).requestCache(requestCache)
                .query(q -> q.bool(b -> b.filter(filters).mustNot(m -> m.ids(i -> i.values(shown)))))
                .aggregations(ALIKE, a -> a.terms(t -> t.field(NearDuplicates.GROUP).size(groups.size()))
                        .aggregations(ALIKE, top -> top.topHits(h -> h.size(MAX_ALIKE).source(src -> src.filter(f -> f.includes("documentId", "title"))))))));
    }

    /** The near-duplicates {@link #alikeRequest} found, by group: each a passage's document id and title. */
    private static Map<String, List<JsonObject>> alikeByGroup(SearchResponse<Void> response) {
        Map<String, List<JsonObject>> byGroup = new HashMap<>();
        var groups = response.aggregations().get(ALIKE);
        if (groups == null || !groups.isSterms()) {
            return byGroup;
        }
        for (StringTermsBucket bucket : groups.sterms().buckets().array()) {
            List<JsonObject> passages = new ArrayList<>();
            bucket.aggregations().get(ALIKE).topHits().hits().hits().forEach(hit ->
                    passages.add(hit.source() == null ? new JsonObject() : new JsonObject(hit.source().toJson().toString())));
            byGroup.put(bucket.key().stringValue(), passages);
        }
        return byGroup;
    }

    /**
     * Whether near-duplicates are collapsed into one hit: in relevance order on numbered pages (Elasticsearch does not
     * collapse a search that continues after a cursor, the way past the first 10,000 hits).
     */
    static boolean collapses(SearchRequest request) {
        return request.sort() == SearchRequest.Sort.RELEVANCE && request.after().isEmpty();
    }

    private static void sortAndPage(Builder s, SearchRequest request) {
        switch (request.sort()) {
            case RELEVANCE -> s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            case NEWEST -> s.sort(o -> o.field(f -> f.field("date").order(SortOrder.Desc).missing("_last")));
            case OLDEST -> s.sort(o -> o.field(f -> f.field("date").order(SortOrder.Asc).missing("_last")));
        }
        // A unique tie-breaker makes the order total, so the cursor never skips or repeats a hit.
        s.sort(o -> o.field(f -> f.field("passageId").order(SortOrder.Asc)));
        if (request.after().isPresent()) {
            s.searchAfter(SearchRequest.decodeCursor(request.after().get()).stream().map(PassageSearch::fieldValue).toList());
        } else {
            s.from(request.page() * request.size());
        }
    }

    private static Map<String, Query> facetFilters(SearchRequest request, String themeField) {
        Map<String, Query> filters = new LinkedHashMap<>();
        if (!request.themes().isEmpty()) {
            filters.put("theme", terms(themeField, request.themes()));
        }
        if (!request.pilots().isEmpty()) {
            filters.put("pilot", terms("pilot", request.pilots()));
        }
        if (!request.types().isEmpty()) {
            filters.put("type", terms("type", request.types()));
        }
        if (!request.years().isEmpty()) {
            filters.put("year", Query.of(q -> q.terms(t -> t.field("year")
                    .terms(v -> v.value(request.years().stream().map(y -> FieldValue.of(y.longValue())).toList())))));
        }
        if (!request.speakerRoles().isEmpty()) {
            filters.put("speaker", terms(SpeakerRoles.FIELD, request.speakerRoles()));
        }
        return filters;
    }

    /**
     * Every facet's counts under every filter but its own. A facet nobody chose counts under all the choices: those
     * share one filter ({@value #UNCHOSEN}), so it runs once over the matches, not once per facet. A chosen facet
     * counts under the other choices (the terms alone when there are none).
     */
    private static Map<String, Aggregation> facetAggregations(Map<String, Query> facetFilters, String themeField) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        Map<String, Aggregation> unchosen = new LinkedHashMap<>();
        for (String facet : FACETS) {
            if (!facetFilters.containsKey(facet)) {
                unchosen.put(facet, facetTerms(facet, themeField));
                continue;
            }
            List<Query> others = facetFilters.entrySet().stream().filter(e -> !e.getKey().equals(facet)).map(Map.Entry::getValue).toList();
            aggregations.put(facet, others.isEmpty() ? facetTerms(facet, themeField)
                    : Aggregation.of(a -> a.filter(f -> f.bool(b -> b.filter(others))).aggregations("values", facetTerms(facet, themeField))));
        }
        if (facetFilters.isEmpty()) {
            aggregations.putAll(unchosen);
        } else if (!unchosen.isEmpty()) {
            aggregations.put(UNCHOSEN, Aggregation.of(a -> a.filter(f -> f.bool(b -> b.filter(List.copyOf(facetFilters.values()))))
                    .aggregations(unchosen)));
        }
        return aggregations;
    }

    private static Aggregation facetTerms(String facet, String themeField) {
        String field = switch (facet) {
            case "theme" -> themeField;
            case "speaker" -> SpeakerRoles.FIELD;
            default -> facet;
        };
        int size = facet.equals("theme") ? 200 : 50;
        return Aggregation.of(v -> v.terms(t -> t.field(field).size(size)));
    }

    /**
     * The stored fields a hit shows, and no more (the text is most of a passage's bytes; the rest need not travel):
     * the speaker's name only for researchers, so it never leaves Elasticsearch for anyone else.
     */
    private static List<String> hitFields(Caller caller) {
        return caller.isResearcher()
                ? List.of("passageId", "documentId", "title", "text", "page", "speaker", "type", "pilot", "date", "themes", "reviewedThemes", "suggestions",
                        NearDuplicates.GROUP, NearDuplicates.HAS_COPIES)
                : List.of("passageId", "documentId", "title", "text", "page", "speakerPseudonym", "spokenNames", "type", "pilot", "date", "themes",
                        "reviewedThemes", "suggestions", NearDuplicates.GROUP, NearDuplicates.HAS_COPIES);
    }

    private JsonObject toJson(SearchResponse<Map> response, QueryText text, SearchRequest request, Caller caller,
                              Map<String, List<JsonObject>> alikeByGroup) {
        JsonArray hits = new JsonArray();
        List<Hit<Map>> found = response.hits().hits();
        for (Hit<Map> hit : found) {
            JsonObject source = new JsonObject(hit.source());
            List<String> fragments = hit.highlight().getOrDefault("text", List.of()).stream().map(f -> fragmentFor(f, source, caller)).toList();
            JsonArray themes = themeChips(source, request.includesSuggestions(caller));
            hits.add(new JsonObject()
                    .put("passageId", source.getString("passageId"))
                    .put("documentId", source.getString("documentId"))
                    .put("title", source.getString("title"))
                    .put("text", textFor(source, caller))
                    .put("highlight", fragments.isEmpty() ? null : String.join(" … ", fragments))
                    .put("page", source.getInteger("page"))
                    .put("speaker", speakerFor(source, caller))
                    .put("type", source.getString("type"))
                    .put("pilot", source.getString("pilot"))
                    .put("date", source.getString("date"))
                    .put("themes", themes)
                    .put("alsoIn", alsoIn(source, alikeByGroup))
                    .put("score", hit.score()));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        // total and the facet counts count passages, near-duplicates included; the hits show one of each group.
        JsonObject result = new JsonObject().put("total", total).put("hits", hits).put("facets", facets(response))
                .put("duplicatesCollapsed", collapses(request)).put("countsIncludeDuplicates", true)
                .put("alsoOneOfTwoKeywords", response.aggregations().containsKey(BOTH_KEYWORDS));
        if (response.aggregations().containsKey(BOTH_KEYWORDS)) {
            result.put("withBothKeywords", response.aggregations().get(BOTH_KEYWORDS).filter().docCount());
        }
        result.put("onlyBothKeywords", PassageQuery.onlyBothKeywords(text, leftOut).isPresent());
        if (found.size() == request.size()) {
            List<Object> sortValues = new ArrayList<>();
            found.get(found.size() - 1).sort().forEach(v -> sortValues.add(v.isNull() ? null : v._get()));
            result.put("after", SearchRequest.encodeCursor(sortValues));
        }
        return result;
    }

    /**
     * A hit's theme chips: each theme with {@code reviewed} (a researcher accepted or tagged a concept of it) and, for
     * one that only the annotator's suggestions give, those suggestions with why they were made (the words found, the
     * term matched, the confidence, how many decisions it was learned from). Without suggestions, the reviewed themes
     * alone.
     */
    private JsonArray themeChips(JsonObject source, boolean withSuggestions) {
        JsonArray reviewed = source.getJsonArray(PassageFacetFields.REVIEWED_THEMES, new JsonArray());
        JsonArray chips = new JsonArray();
        for (Object item : withSuggestions ? source.getJsonArray(PassageFacetFields.THEMES, new JsonArray()) : reviewed) {
            String iri = (String) item;
            boolean isReviewed = reviewed.contains(iri);
            JsonObject chip = new JsonObject().put("iri", iri).put("label", themeLabel.apply(iri)).put("reviewed", isReviewed);
            chips.add(isReviewed ? chip : chip.put("suggestions", suggestionsOf(source, iri)));
        }
        return chips;
    }

    /** The unreviewed suggestions behind {@code themeIri} on a passage, each as the annotations API writes an annotation. */
    private JsonArray suggestionsOf(JsonObject source, String themeIri) {
        return new JsonArray(source.getJsonArray(PassageFacetFields.SUGGESTIONS, new JsonArray()).stream().map(JsonObject.class::cast)
                .filter(suggestion -> suggestion.getJsonArray("themes", new JsonArray()).contains(themeIri))
                .map(this::asAnnotation).toList());
    }

    private JsonObject asAnnotation(JsonObject suggestion) {
        String concept = suggestion.getString("concept");
        String matched = suggestion.getString("matched");
        return new JsonObject().put("concept", new JsonObject().put("iri", concept).put("label", themeLabel.apply(concept)))
                .put("origin", "auto").put("state", "suggested").put("exact", suggestion.getString("exact"))
                .put("matched", matched).put("confidence", suggestion.getValue("confidence"))
                .put("learnedFrom", matched == null ? 0 : decisionsAbout.learnedFrom(concept, matched, suggestion.getString("creator")));
    }

    /** The other documents a hit's near-duplicates are in (that the caller may read, within the facet choices). */
    private static JsonArray alsoIn(JsonObject source, Map<String, List<JsonObject>> alikeByGroup) {
        JsonArray documents = new JsonArray();
        Set<String> seen = new HashSet<>(List.of(source.getString("documentId")));
        for (JsonObject other : alikeByGroup.getOrDefault(source.getString(NearDuplicates.GROUP, ""), List.of())) {
            if (other.getString("documentId") != null && seen.add(other.getString("documentId"))) {
                documents.add(new JsonObject().put("documentId", other.getString("documentId")).put("title", other.getString("title")));
            }
        }
        return documents;
    }

    private JsonObject facets(SearchResponse<Map> response) {
        JsonObject facets = emptyFacets();
        for (String facet : FACETS) {
            var aggregation = response.aggregations().containsKey(facet) ? response.aggregations().get(facet)
                    : response.aggregations().get(UNCHOSEN).filter().aggregations().get(facet);
            var values = aggregation.isFilter() ? aggregation.filter().aggregations().get("values") : aggregation;
            JsonArray buckets = facets.getJsonArray(facet);
            if (values.isSterms()) {
                for (StringTermsBucket bucket : values.sterms().buckets().array()) {
                    String key = bucket.key().stringValue();
                    buckets.add(facet.equals("theme")
                            ? new JsonObject().put("iri", key).put("label", themeLabel.apply(key)).put("count", bucket.docCount())
                            : new JsonObject().put("value", key).put("count", bucket.docCount()));
                }
            } else if (values.isLterms()) {
                for (LongTermsBucket bucket : values.lterms().buckets().array()) {
                    buckets.add(new JsonObject().put("value", String.valueOf(bucket.key())).put("count", bucket.docCount()));
                }
            }
        }
        return facets;
    }

    /**
     * For everyone but researchers, the passages whose hidden names ({@code spokenNameWords}) the query asks for, as
     * typed, folded, with a typo, as a prefix ({@code kaj*}) or fuzzily ({@code kajsa~}): left out, so the name cannot be found
     * through them, whatever else the query asks for. Nothing for researchers.
     */
    private static List<Query> askedForHiddenNames(QueryText text, Caller caller) {
        List<Query> asked = new ArrayList<>();
        if (caller.isResearcher() || !text.hasText()) {
            return asked;
        }
        for (String item : text.positive()) {
            for (String word : item.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d*~-]+")) {
                String bare = word.replaceAll("~\\d*|\\*", "");
                if (bare.isEmpty()) {
                    continue;
                }
                String folded = SwedishText.fold(bare);
                if (word.endsWith("*")) {
                    asked.add(Query.of(q -> q.prefix(p -> p.field("spokenNameWords").value(folded))));
                    asked.add(Query.of(q -> q.prefix(p -> p.field("spokenNameWords").value(bare))));
                } else {
                    // As typed, and as loosely as the search itself matches: every word is also matched with typos
                    // (PassageQuery.FUZZINESS), and "~" asks for two edits.
                    asked.add(terms("spokenNameWords", List.of(bare, folded)));
                    asked.add(Query.of(q -> q.fuzzy(f -> f.field("spokenNameWords").value(folded)
                            .fuzziness(word.contains("~") ? "2" : PassageQuery.FUZZINESS))));
                }
            }
        }
        return asked;
    }

    /** Researchers read the passage as spoken; everyone else with the names spoken in it replaced ({@link NameSpans}). */
    private static String textFor(JsonObject source, Caller caller) {
        return caller.isResearcher() ? source.getString("text")
                : NameSpans.apply(source.getString("text"), NameSpans.fromJson(source.getJsonArray("spokenNames")));
    }

    /** A highlighted fragment as {@link #textFor} would show its passage. */
    private static String fragmentFor(String fragment, JsonObject source, Caller caller) {
        return caller.isResearcher() ? fragment
                : NameSpans.applyToFragment(fragment, source.getString("text"), NameSpans.fromJson(source.getJsonArray("spokenNames")));
    }

    /** Researchers see who spoke; everyone else the document's stable pseudonym ("Respondent 2", "Intervjuare"). */
    private static String speakerFor(JsonObject source, Caller caller) {
        return caller.isResearcher() ? source.getString("speaker") : source.getString("speakerPseudonym");
    }

    private static FieldValue fieldValue(Object value) {
        return switch (value) {
            case null -> FieldValue.NULL;
            case Double d -> FieldValue.of(d);
            case Float f -> FieldValue.of(f.doubleValue());
            case Number n -> FieldValue.of(n.longValue());
            case Boolean b -> FieldValue.of(b);
            default -> FieldValue.of(String.valueOf(value));
        };
    }

    private static JsonObject emptyFacets() {
        JsonObject facets = new JsonObject();
        FACETS.forEach(f -> facets.put(f, new JsonArray()));
        return facets;
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    /** Only what the caller may read ({@link Visibility#readableBy}): goes into every query's filter. */
    static Query visibilityFilter(Caller caller) {
        List<FieldValue> allowed = Visibility.readableBy(caller).stream().map(v -> FieldValue.of(v.wireName())).toList();
        return Query.of(q -> q.terms(t -> t.field("visibility").terms(v -> v.value(allowed))));
    }
}
