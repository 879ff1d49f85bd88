package org.lararena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonpDeserializer;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lararena.app.ApplicationVerticle;
import org.lararena.ingest.index.NearDuplicates;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.testing.TestServices;
import org.lararena.platform.web.Caller;
import org.lararena.search.PassageSearch;
import org.lararena.search.RankingPart;
import org.lararena.search.SearchRequest;

/**
 * p50/p95/p99 latency of {@code GET /api/search} as a pilot, and of the very same Elasticsearch searches (built by
 * {@link PassageSearch#elasticsearchRequest}, then {@link PassageSearch#alikeRequest} for the hits' near-duplicates)
 * sent straight to Elasticsearch, over at least 100,000 generated
 * passages, with 16 concurrent clients. Each client sends every query of its share to both, alternating which goes
 * first, so both see the same machine state. Measured twice in one run: with the caches as deployed (the application's
 * answer cache, and Elasticsearch's request cache for the searches sent straight to it; the 39 queries repeat, so after
 * the warm-up every answer comes from a cache: the figure of searches people repeat) and with neither (every search
 * computed: the figure of searches nobody asked before). A benchmark, not a test: it runs only with the {@code bench}
 * profile (see the README's "Quality figures") and asserts no timing, only that both answer the same totals.
 *
 * <p>System properties: {@code bench.passages} (100000), {@code bench.clients} (16), {@code bench.requests}
 * (measured requests to each side, 4000), {@code bench.warmup} (4000: requests to each side before measuring, until the
 * application's JIT has compiled its hot paths; it was still compiling after 2,000), {@code bench.sequential} (requests
 * to each side from one client alone, 200), {@code bench.jitWarmup} (requests to each side before the first measurement,
 * 20000), {@code bench.rankerRequests} (computed requests to each of the API and the rankers compared, 2000; 0 leaves the
 * comparison out), {@code bench.prefix} (an index prefix to
 * reuse between runs; otherwise a fresh one, deleted afterwards), {@code bench.keep} (keep the index).
 */
class SearchLatencyBenchmark {

    private static final int PASSAGES = Integer.getInteger("bench.passages", 100_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 4000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 4000);
    private static final int SEQUENTIAL = Integer.getInteger("bench.sequential", 200);
    private static final int JIT_WARM_UP = Integer.getInteger("bench.jitWarmup", 20_000);
    private static final int RANKER_REQUESTS = Integer.getInteger("bench.rankerRequests", 2000);
    private static final Caller PILOT = new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland"));

    @Test
    void theApiAddsLittleToElasticsearchsOwnLatency() throws Exception {
        TestServices services = TestServices.get();
        String prefix = System.getProperty("bench.prefix", "bench-" + Long.toHexString(System.nanoTime()));
        boolean keep = Boolean.getBoolean("bench.keep") || System.getProperty("bench.prefix") != null;
        LararenaConfig esConfig = LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", services.elasticsearchUrl().toString()));
        Ontology ontology = OntologyLoader.fromClasspath();
        ElasticsearchClient client = ElasticsearchClients.create(esConfig.elasticsearch());
        PassageIndex index = new PassageIndex(client, prefix);
        try {
            long indexed = new BenchmarkCorpus(client, index, ontology).ensureIndexed(PASSAGES);
            List<String> report = new ArrayList<>();
            // As deployed (Elasticsearch keeps each answer until the index changes), then with every search computed. The
            // first also warms the JIT of this JVM (the application runs in it) before anything is measured.
            boolean first = true;
            for (boolean cached : List.of(true, false)) {
                report.add(measure(services, client, index, ontology, prefix, indexed, cached, first ? JIT_WARM_UP : 0));
                first = false;
            }
            report.forEach(System.out::print);
        } finally {
            if (!keep) {
                // By name: the cluster refuses wildcard deletes.
                List<String> indices = List.copyOf(client.indices().getAlias(a -> a.name(index.alias())).aliases().keySet());
                client.indices().delete(d -> d.index(indices));
            }
            client.close();
        }
    }

    /**
     * One application with both caches (its own answers, Elasticsearch's request cache) or neither, and the same searches
     * sent straight to Elasticsearch with its request cache on or off.
     */
    private static String measure(TestServices services, ElasticsearchClient client, PassageIndex index, Ontology ontology, String prefix,
                                  long indexed, boolean cached, int jitWarmUp) throws Exception {
        Path dataDir = Files.createTempDirectory("lararena-bench");
        Vertx vertx = Vertx.vertx();
        try {
            LararenaConfig config = LararenaConfig.fromMap(services.applicationEnvironment(dataDir, Map.of("LARARENA_INDEX_PREFIX", prefix,
                    "LARARENA_DEMO_DATA", "false", "LARARENA_SEARCH_REQUEST_CACHE", String.valueOf(cached),
                    "LARARENA_SEARCH_ANSWER_CACHE_MB", cached ? "32" : "0")));
            vertx.deployVerticle(new ApplicationVerticle(config)).await(240, TimeUnit.SECONDS);
            URI app = URI.create("http://127.0.0.1:" + config.httpPort());
            // As the application builds it: theme names in the query text are found by the annotator.
            PassageAnnotator annotator = new PassageAnnotator(ontology);
            Function<String, Set<String>> themesNamedIn = text -> annotator.annotate(text).stream().map(Suggestion::conceptIri).collect(Collectors.toSet());
            PassageSearch search = new PassageSearch(client, index.alias(), iri -> iri, themesNamedIn, cached);
            List<Query> queries = BenchmarkQueries.mixed(ontology).stream()
                    .map(params -> Query.of(params, search, client, app, services.elasticsearchUrl())).toList();
            // The requests as sent, to profile or vary them by hand (target/bench-requests/NN.json, with the address in NN.url).
            Path requests = Files.createDirectories(Path.of("target", "bench-requests"));
            for (int i = 0; i < queries.size(); i++) {
                Files.writeString(requests.resolve(String.format(Locale.ROOT, "%02d.json", i)), queries.get(i).elasticsearchBody());
                Files.writeString(requests.resolve(String.format(Locale.ROOT, "%02d.url", i)), queries.get(i).elasticsearch() + "\n# " + queries.get(i).label() + "\n");
            }

            AtomicReference<String> token = new AtomicReference<>(services.accessToken("pilot", "pilot"));
            var refresher = Executors.newSingleThreadScheduledExecutor();
            refresher.scheduleAtFixedRate(() -> token.set(services.accessToken("pilot", "pilot")), 60, 60, TimeUnit.SECONDS);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            try {
                for (Query query : queries) {
                    JsonObject viaApi = new JsonObject(query.sendToApi(http, token.get()));
                    JsonObject direct = new JsonObject(query.sendToElasticsearch(http));
                    assertThat(viaApi.getLong("total")).as("total of %s", query.label)
                            .isEqualTo(direct.getJsonObject("hits").getJsonObject("total").getLong("value"));
                }
                warmUp(http, queries, token, jitWarmUp);
                run(http, queries, token, WARM_UP, CLIENTS);
                // One client first: what the application adds when nothing queues.
                Latencies alone = run(http, queries, token, SEQUENTIAL, 1);
                String loadBefore = loadAverage();
                long start = System.nanoTime();
                Latencies measured = run(http, queries, token, REQUESTS, CLIENTS);
                double seconds = (System.nanoTime() - start) / 1e9;
                String loadAfter = loadAverage();
                StringBuilder out = new StringBuilder();
                out.append(String.format(Locale.ROOT, "%nSearch latency, request cache %s: %d passages, %d queries (words, phrases, exclusion, OR, facets,"
                                + " theme names), %d clients, %d requests to each side in %.0f s (%.0f requests/s in all)%n",
                        cached ? "on (as deployed), and the application's answer cache" : "off and no answer cache (every search computed)", indexed, queries.size(), CLIENTS, REQUESTS, seconds,
                        2 * REQUESTS / seconds));
                out.append(String.format(Locale.ROOT, "  /api/search      p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n",
                        measured.api.percentile(50), measured.api.percentile(95), measured.api.percentile(99)));
                out.append(String.format(Locale.ROOT, "  Elasticsearch    p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n",
                        measured.direct.percentile(50), measured.direct.percentile(95), measured.direct.percentile(99)));
                out.append(String.format(Locale.ROOT, "  API p99 / Elasticsearch p99 = %.2f (bar 1.20); API p50 / Elasticsearch p50 = %.2f; API p99 %s 50 ms%n",
                        measured.api.percentile(99) / measured.direct.percentile(99), measured.api.percentile(50) / measured.direct.percentile(50),
                        measured.api.percentile(99) <= 50 ? "≤" : ">"));
                out.append(String.format(Locale.ROOT, "  one client alone (%d requests to each side): /api/search p50 %.1f ms p99 %.1f ms, Elasticsearch p50 %.1f ms p99 %.1f ms%n",
                        SEQUENTIAL, alone.api.percentile(50), alone.api.percentile(99), alone.direct.percentile(50), alone.direct.percentile(99)));
                out.append(String.format(Locale.ROOT, "  load average before %s, after %s (%d cores)%n", loadBefore, loadAfter,
                        Runtime.getRuntime().availableProcessors()));
                if (!cached && RANKER_REQUESTS > 0) {
                    out.append(rankerCost(http, client, index.alias(), themesNamedIn, ontology, app, services.elasticsearchUrl(), token));
                }
                System.out.print(out);
                return out.toString();
            } finally {
                refresher.shutdownNow();
            }
        } finally {
            vertx.close().await(60, TimeUnit.SECONDS);
        }
    }

    /**
     * What each query-time part of the ranking costs Elasticsearch, for computed searches: the mixed queries and
     * {@link BenchmarkQueries#questions} sent, from {@link #CLIENTS} clients, to {@code /api/search} and straight to
     * Elasticsearch as the ranker as shipped builds them, and as the rankers of the search evaluation's ablation build them
     * ({@link PassageSearch} without a {@link RankingPart}), each request of a round in turn first.
     */
    private static String rankerCost(HttpClient http, ElasticsearchClient client, String alias, Function<String, Set<String>> themesNamedIn,
                                     Ontology ontology, URI app, URI es, AtomicReference<String> token) throws Exception {
        List<List<Map.Entry<String, String>>> params = new ArrayList<>(BenchmarkQueries.mixed(ontology));
        params.addAll(BenchmarkQueries.questions());
        Map<String, PassageSearch> rankers = new LinkedHashMap<>();
        rankers.put("as shipped", new PassageSearch(client, alias, iri -> iri, themesNamedIn, false, Set.of()));
        for (RankingPart part : List.of(RankingPart.QUESTION_SUBJECT, RankingPart.PARTS_NEAR, RankingPart.VERB_READING,
                RankingPart.SYNONYMS, RankingPart.ASKING_TURNS_BELOW_ANSWERS, RankingPart.DOCUMENT_CONTEXT, RankingPart.ONE_OF_TWO_KEYWORDS,
                RankingPart.LOOSER_READINGS)) {
            rankers.put("- " + part.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    new PassageSearch(client, alias, iri -> iri, themesNamedIn, false, Set.of(part)));
        }
        List<List<Query>> byRanker = new ArrayList<>(rankers.values().stream()
                .map(search -> params.stream().map(p -> Query.of(p, search, client, app, es)).toList()).toList());
        // The near-duplicates of the hits named as they were first: by inner hits of the collapse, which Elasticsearch
        // answers by running the query again for each hit's group, in place of the application's second search.
        List<String> sideNames = new ArrayList<>(rankers.keySet());
        sideNames.add("with inner hits");
        byRanker.add(byRanker.get(0).stream().map(Query::withInnerHits).toList());
        // The count of the passages that hold both of two keywords, which only two-keyword searches have: their cost
        // with and without it is printed apart too, as on the whole mix it is a handful of queries among many.
        // The near-duplicates asked for on every page, whether or not a hit may have any, as before passages were flagged.
        sideNames.add("copies of every hit");
        byRanker.add(byRanker.get(0).stream().map(Query::askingForEveryHitsCopies).toList());
        int askingCopies = 0;
        for (Query query : byRanker.get(0)) {
            askingCopies += query.asksForCopies(http) ? 1 : 0;
        }
        sideNames.add("without both count");
        byRanker.add(byRanker.get(0).stream().map(Query::withoutCountOfBothKeywords).toList());
        int withoutCountSide = sideNames.size();
        Set<Integer> countingBoth = new HashSet<>();
        for (int q = 0; q < params.size(); q++) {
            if (byRanker.get(0).get(q).countsBothKeywords()) {
                countingBoth.add(q);
            }
        }
        int sides = byRanker.size() + 1;
        List<Sample> samples = new ArrayList<>();
        for (int side = 0; side < sides; side++) {
            samples.add(new Sample(RANKER_REQUESTS));
        }
        // Warm-up: the new question queries and the other rankers' requests have not been seen by either JIT.
        onClients(CLIENTS, RANKER_REQUESTS, i -> {
            byRanker.get(0).get(i % params.size()).sendToApi(http, token.get());
            for (List<Query> queries : byRanker) {
                queries.get(i % params.size()).sendToElasticsearch(http);
            }
        });
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        onClients(CLIENTS, RANKER_REQUESTS, i -> {
            for (int k = 0; k < sides; k++) {
                int side = (i + k) % sides;
                Query query = byRanker.get(Math.max(0, side - 1)).get(i % params.size());
                if (side == 0) {
                    samples.get(0).record(i, () -> query.sendToApi(http, token.get()));
                } else {
                    samples.get(side).record(i, () -> query.sendToElasticsearch(http));
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        String loadAfter = loadAverage();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nComputed searches by ranker: %d queries (%d questions), %d clients, %d requests"
                        + " to each of %d sides in %.0f s%n", params.size(), BenchmarkQueries.questions().size(), CLIENTS, RANKER_REQUESTS, sides, seconds));
        Sample api = samples.get(0);
        Sample asShipped = samples.get(1);
        out.append(String.format(Locale.ROOT, "  /api/search (as shipped)          p50 %6.1f ms  p99 %6.1f ms  API p99 / ES p99 as shipped = %.2f (bar 1.20)%n",
                api.percentile(50), api.percentile(99), api.percentile(99) / asShipped.percentile(99)));
        int side = 1;
        for (String name : sideNames) {
            Sample sample = samples.get(side++);
            out.append(String.format(Locale.ROOT, "  Elasticsearch, %-19s p50 %6.1f ms  p99 %6.1f ms  as shipped / this: p50 %.2f, p99 %.2f%n", name,
                    sample.percentile(50), sample.percentile(99), asShipped.percentile(50) / sample.percentile(50),
                    asShipped.percentile(99) / sample.percentile(99)));
        }
        IntPredicate twoKeywords = i -> countingBoth.contains(i % params.size());
        Sample withoutCount = samples.get(withoutCountSide);
        if (countingBoth.isEmpty()) {
            out.append("  no search of two keywords among them\n");
        } else {
            out.append(String.format(Locale.ROOT, "  the %d searches of two keywords alone: Elasticsearch as shipped p50 %.1f ms p99 %.1f ms,"
                            + " without the count of both p50 %.1f ms p99 %.1f ms; as shipped / without: p50 %.2f, p99 %.2f%n", countingBoth.size(),
                    asShipped.percentile(50, twoKeywords), asShipped.percentile(99, twoKeywords), withoutCount.percentile(50, twoKeywords),
                    withoutCount.percentile(99, twoKeywords), asShipped.percentile(50, twoKeywords) / withoutCount.percentile(50, twoKeywords),
                    asShipped.percentile(99, twoKeywords) / withoutCount.percentile(99, twoKeywords)));
        }
        out.append(String.format(Locale.ROOT, "  %d of the %d queries' pages ask for their hits' near-duplicates%n", askingCopies, params.size()));
        out.append(String.format(Locale.ROOT, "  load average before %s, after %s%n", loadBefore, loadAfter));
        return out.toString();
    }

    /**
     * {@code count} requests to each side, from {@link #CLIENTS} threads, until both JITs have compiled what a search
     * runs through: the Elasticsearch client is a large body of code, and on two busy cores the compiler was still taking
     * half of the application's CPU after 8,000 searches, and 5 % after 25,000. Elasticsearch gets as many: with the
     * answer cache on, the application's searches seldom reach it, and it would be measured cold.
     */
    private static void warmUp(HttpClient http, List<Query> queries, AtomicReference<String> token, int count) throws Exception {
        onClients(CLIENTS, count, i -> {
            Query query = queries.get(i % queries.size());
            query.sendToApi(http, token.get());
            query.sendToElasticsearch(http);
        });
    }

    /** {@code count} requests to each side, from {@code clientCount} threads; each query goes to both, in alternating order. */
    private static Latencies run(HttpClient http, List<Query> queries, AtomicReference<String> token, int count, int clientCount) throws Exception {
        Latencies latencies = new Latencies(new Sample(count), new Sample(count));
        onClients(clientCount, count, i -> {
            Query query = queries.get(i % queries.size());
            if (i % 2 == 0) {
                latencies.api.record(i, () -> query.sendToApi(http, token.get()));
                latencies.direct.record(i, () -> query.sendToElasticsearch(http));
            } else {
                latencies.direct.record(i, () -> query.sendToElasticsearch(http));
                latencies.api.record(i, () -> query.sendToApi(http, token.get()));
            }
        });
        return latencies;
    }

    /** What one client does for request number {@code i}. */
    private interface Step {
        void run(int i) throws Exception;
    }

    /** Requests 0 to {@code count - 1}, each taken by whichever of {@code clientCount} threads is free next. */
    private static void onClients(int clientCount, int count, Step step) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(clientCount);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < clientCount; c++) {
                done.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        step.run(i);
                    }
                    return null;
                }));
            }
            for (Future<Void> client : done) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private record Latencies(Sample api, Sample direct) {
    }

    /** Latencies in nanoseconds, one slot per request. */
    private static final class Sample {

        private final long[] nanos;

        Sample(int count) {
            nanos = new long[count];
        }

        interface Call {
            String send() throws Exception;
        }

        void record(int slot, Call call) throws Exception {
            long start = System.nanoTime();
            call.send();
            nanos[slot] = System.nanoTime() - start;
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentile(int p) {
            return percentile(p, slot -> true);
        }

        /** Nearest-rank percentile of the requests in {@code slots}, in milliseconds. */
        double percentile(int p, IntPredicate slots) {
            long[] sorted = IntStream.range(0, nanos.length).filter(slots).mapToLong(slot -> nanos[slot]).toArray();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    /**
     * One search, as the API's query string and as the Elasticsearch requests the application makes from it: the hits'
     * search, then ({@code followUp}, from its answer) the search for their near-duplicates.
     */
    private record Query(String label, URI api, URI elasticsearch, String elasticsearchBody, Function<String, Optional<HttpRequest>> followUp,
                         Function<String, Optional<HttpRequest>> followUpForEveryHit) {

        static Query of(List<Map.Entry<String, String>> params, PassageSearch search, ElasticsearchClient client, URI app, URI es) {
            MultiMap multiMap = MultiMap.caseInsensitiveMultiMap();
            StringBuilder queryString = new StringBuilder();
            for (Map.Entry<String, String> param : params) {
                multiMap.add(param.getKey(), param.getValue());
                queryString.append(queryString.isEmpty() ? "" : "&").append(param.getKey()).append('=')
                        .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            }
            SearchRequest searchRequest = SearchRequest.fromParams(multiMap);
            co.elastic.clients.elasticsearch.core.SearchRequest request = search.elasticsearchRequest(searchRequest, PILOT);
            JsonpMapper mapper = client._jsonpMapper();
            return new Query(queryString.toString(), app.resolve("/api/search?" + queryString), address(es, request),
                    JsonpUtils.toJsonString(request, client._jsonpMapper()), followUp(search, searchRequest, mapper, es, client, false),
                    followUp(search, searchRequest, mapper, es, client, true));
        }

        /**
         * The search for the near-duplicates of an answer's hits, as the application builds it: for the hits that may
         * have copies, or ({@code everyHit}) for every hit, as every page asked before indexing flagged them.
         */
        private static Function<String, Optional<HttpRequest>> followUp(PassageSearch search, SearchRequest searchRequest, JsonpMapper mapper,
                                                                       URI es, ElasticsearchClient client, boolean everyHit) {
            return answer -> {
                // The answer read as the application's client reads it, so the second search is built from it the same way.
                try (JsonParser parser = mapper.jsonProvider().createParser(new StringReader(answer))) {
                    SearchResponse<Map> response = SearchResponse.<Map>createSearchResponseDeserializer(JsonpDeserializer.of(Map.class))
                            .deserialize(parser, mapper);
                    if (everyHit) {
                        response.hits().hits().forEach(hit -> hit.source().put(NearDuplicates.HAS_COPIES, true));
                    }
                    return search.alikeRequest(response, searchRequest, PILOT).map(alike -> post(es, alike, client));
                }
            };
        }

        /** The address with the query parameters the Java client sends (typed_keys, and whatever the request sets). */
        private static URI address(URI es, co.elastic.clients.elasticsearch.core.SearchRequest request) {
            var endpoint = co.elastic.clients.elasticsearch.core.SearchRequest._ENDPOINT;
            String parameters = endpoint.queryParameters(request).entrySet().stream()
                    .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return es.resolve(endpoint.requestUrl(request) + (parameters.isEmpty() ? "" : "?" + parameters));
        }

        private static HttpRequest post(URI es, co.elastic.clients.elasticsearch.core.SearchRequest request, ElasticsearchClient client) {
            return HttpRequest.newBuilder(address(es, request)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JsonpUtils.toJsonString(request, client._jsonpMapper()))).build();
        }

        /** The same search with its hits' near-duplicates asked for as inner hits of the collapse. */
        Query withInnerHits() {
            JsonObject body = new JsonObject(elasticsearchBody);
            JsonObject collapse = body.getJsonObject("collapse");
            if (collapse != null) {
                collapse.put("inner_hits", new JsonArray().add(new JsonObject().put("name", "alike").put("size", 6)
                        .put("_source", new JsonObject().put("includes", new JsonArray().add("documentId").add("title")))));
            }
            return new Query(label, api, elasticsearch, body.encode(), answer -> Optional.empty(), answer -> Optional.empty());
        }

        /** The same search, then the search for the near-duplicates of every hit, whether or not it may have any. */
        Query askingForEveryHitsCopies() {
            return new Query(label, api, elasticsearch, elasticsearchBody, followUpForEveryHit, followUpForEveryHit);
        }

        /** Whether the answer's page asks for near-duplicates. */
        boolean asksForCopies(HttpClient http) throws Exception {
            return followUp.apply(hits(http)).isPresent();
        }

        /** The same search without the count of the passages that hold both of two keywords. */
        Query withoutCountOfBothKeywords() {
            JsonObject body = new JsonObject(elasticsearchBody);
            JsonObject aggregations = body.getJsonObject("aggregations");
            if (aggregations != null) {
                aggregations.remove(PassageSearch.BOTH_KEYWORDS);
            }
            return new Query(label, api, elasticsearch, body.encode(), followUp, followUpForEveryHit);
        }

        /** Whether the search counts the passages that hold both of two keywords. */
        boolean countsBothKeywords() {
            JsonObject aggregations = new JsonObject(elasticsearchBody).getJsonObject("aggregations");
            return aggregations != null && aggregations.containsKey(PassageSearch.BOTH_KEYWORDS);
        }

        String sendToApi(HttpClient http, String token) throws Exception {
            return check(http.send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        /** The hits' search, then the search for their near-duplicates as the application sends it; the hits' answer. */
        String sendToElasticsearch(HttpClient http) throws Exception {
            String answer = hits(http);
            Optional<HttpRequest> alike = followUp.apply(answer);
            if (alike.isPresent()) {
                check(http.send(alike.get(), HttpResponse.BodyHandlers.ofString()));
            }
            return answer;
        }

        /** The hits' search alone, straight to Elasticsearch; its answer. */
        private String hits(HttpClient http) throws Exception {
            return check(http.send(HttpRequest.newBuilder(elasticsearch).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(elasticsearchBody)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        private String check(HttpResponse<String> response) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.uri() + " (" + label + ") answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
