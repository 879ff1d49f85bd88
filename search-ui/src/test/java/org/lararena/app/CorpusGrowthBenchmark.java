package org.lararena.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.backup.DataFormat;
import org.lararena.bench.BenchmarkCorpus;
import org.lararena.ingest.StepTimings;
import org.lararena.ingest.pipeline.DocumentAnnotation;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.OntologyLoader;
import org.lararena.platform.testing.TestServices;

/**
 * How the platform's costs grow with the corpus (issue #14's growth benchmark). One run grows one data directory
 * through the sizes of {@code -Dbench.passages} (10,000 and 100,000 passages) and at each size measures, through the
 * application's API as {@code ./lararena up} serves it (real Elasticsearch and Keycloak): ingest (documents uploaded
 * until indexed, and what storing their suggestions cost per passage), {@code /api/themes}, {@code /api/analysis}, one
 * document's annotations, three typical SPARQL queries as a pilot asks them ({@code /sparql}: passages per theme,
 * passages of one concept, theme co-occurrence), {@code reannotate} and {@code reindex} (each a job, timed by the job's
 * own start and end).
 *
 * <p>The corpus is generated between the sizes while the application is stopped, the way the pipeline leaves a
 * document behind: its original stored ({@link DocumentStore#store}), its passages kept, their suggestions made by the
 * annotator and stored by {@link DocumentAnnotation} as an annotation run stores them, the record marked indexed; the
 * reindex at each size then writes the whole corpus to Elasticsearch. Passage texts are sentences of the shared corpus
 * and the demo documents recombined ({@link BenchmarkCorpus#sentences()}); types, pilots, dates and visibility mixed.
 *
 * <pre>./mvnw -B -Pbench -pl search-ui -am verify -DskipITs -Dtest=CorpusGrowthBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.passages=10000,100000</pre>
 *
 * Also {@code -Dbench.passagesPerDocument} (50), {@code -Dbench.probeDocuments} (20 uploaded at each size),
 * {@code -Dbench.repeats} (3 timed calls of each read, after one to warm).
 */
class CorpusGrowthBenchmark {

    /** A read this long is measured once. */
    private static final Duration LONG_READ = Duration.ofSeconds(30);
    private static final String PREFIXES = "PREFIX oa: <http://www.w3.org/ns/oa#> ";
    /** The three typical queries: passages per theme, passages of one concept, theme co-occurrence (two annotations of a passage). */
    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("SPARQL per theme", PREFIXES + "SELECT ?concept (COUNT(DISTINCT ?passage) AS ?passages) "
                + "{ ?a oa:hasBody ?concept ; oa:hasTarget/oa:hasSource ?passage } GROUP BY ?concept");
        QUERIES.put("SPARQL one concept", PREFIXES + "SELECT DISTINCT ?passage { ?a oa:hasBody <https://w3id.org/lararena/tema/samverkan> ; "
                + "oa:hasTarget/oa:hasSource ?passage ; <https://w3id.org/lararena/vocab#documentId> ?doc } LIMIT 10000");
        QUERIES.put("SPARQL co-occurrence", PREFIXES + "SELECT ?x ?y (COUNT(*) AS ?n) { ?a oa:hasBody ?x ; oa:hasTarget/oa:hasSource ?p . "
                + "?b oa:hasBody ?y ; oa:hasTarget/oa:hasSource ?p FILTER(STR(?x) < STR(?y)) } GROUP BY ?x ?y");
    }

    /** The measures, in the table's order; "per unit" ones should stay flat as the corpus grows, the others grow at most with it. */
    private static final List<String> PER_UNIT = List.of("ingest s/document", "store ms/passage", "one document's annotations ms");

    @TempDir
    Path data;
    @TempDir
    Path scratch;

    @Test
    void costsGrowWithTheCorpus() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.passages", "10000,100000").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int perDocument = Integer.getInteger("bench.passagesPerDocument", 50);
        int probeDocuments = Integer.getInteger("bench.probeDocuments", 20);
        int repeats = Integer.getInteger("bench.repeats", 3);
        Map<String, String> settings = Map.of("LARARENA_DEMO_DATA", "false",
                "LARARENA_INDEX_PREFIX", "growth-" + Long.toHexString(System.nanoTime()),
                // Every read computed (no answer kept by Elasticsearch), and no SPARQL query cut short at a large size.
                "LARARENA_SEARCH_REQUEST_CACHE", "false", "LARARENA_SPARQL_TIMEOUT_SECONDS", "300",
                // No compaction among the measured reads (it would copy the whole store).
                "LARARENA_JENA_COMPACT_GROWTH_MB", "10000000");
        ListAppender<ILoggingEvent> steps = BenchmarkSteps.capture();
        TestServices services = TestServices.get();
        DataFormat.prepare(data);
        GrowthCorpus generator = new GrowthCorpus(BenchmarkCorpus.sentences(), OntologyLoader.fromClasspath());
        List<Map<String, Double>> rows = new ArrayList<>();
        List<Long> passagesAtSize = new ArrayList<>();
        List<Long> annotationsAtSize = new ArrayList<>();
        String oneDocument = null;
        for (int size : sizes) {
            // Grown while the application is stopped; the documents uploaded at this size bring it to the size.
            int target = size - probeDocuments * perDocument;
            GrowthCorpus.Filled filled = generator.fill(data, target, perDocument, scratch);
            oneDocument = oneDocument == null ? filled.firstId() : oneDocument;
            Map<String, Double> row = new LinkedHashMap<>();
            System.out.printf("%ngenerated %d passages (%d new) in %.0f s; load average %s%n", generator.passages(), filled.added(),
                    filled.seconds(), BenchmarkSteps.loadAverage());

            try (RunningApplication app = RunningApplication.start(data, settings)) {
                // A token for each request (an access token lives minutes, a job at a large size longer).
                Supplier<String> researcher = () -> services.accessToken("forskare", "forskare");
                Supplier<String> pilot = () -> services.accessToken("pilot", "pilot");
                Supplier<String> admin = () -> services.accessToken("admin", "admin");
                // Ingest: documents uploaded in one request, until every one is indexed.
                steps.list.clear();
                List<RunningApplication.Upload> uploads = generator.uploads(probeDocuments, perDocument);
                String uploader = researcher.get();
                long started = System.nanoTime();
                HttpResponse<String> accepted = app.postFiles(uploader, uploads, "pilot");
                if (accepted.statusCode() != 202) {
                    throw new IllegalStateException("upload refused: " + accepted.statusCode() + " " + accepted.body());
                }
                Set<String> ids = new HashSet<>();
                new JsonArray(accepted.body()).forEach(item -> ids.add(((JsonObject) item).getString("id")));
                Set<String> waiting = new HashSet<>(ids);
                // Polled twice a second, so the polling does not load the application it measures.
                Eventually.until(() -> {
                    for (String id : List.copyOf(waiting)) {
                        String status = new JsonObject(app.get("/api/documents/" + id, uploader).body()).getString("status");
                        if ("indexed".equals(status) || "failed".equals(status)) {
                            waiting.remove(id);
                        }
                    }
                    return waiting.isEmpty();
                }, Boolean::booleanValue, Duration.ofMinutes(30), Duration.ofMillis(500));
                if (!waiting.isEmpty()) {
                    throw new IllegalStateException("not indexed after 30 minutes: " + waiting);
                }
                double ingestSeconds = (System.nanoTime() - started) / 1e9;
                long probePassages = 0;
                for (String id : ids) {
                    probePassages += new JsonObject(app.get("/api/documents/" + id, uploader).body()).getLong("passages", 0L);
                }
                generator.uploaded(probePassages);
                measured(row, "ingest s/document", ingestSeconds / ids.size());
                measured(row, "store ms/passage", storageMicros(steps.list) / 1e3 / Math.max(1, probePassages));
                System.out.printf("ingest: %d documents (%d passages) indexed in %.1f s, %.2f documents/s; load average %s%n", ids.size(),
                        probePassages, ingestSeconds, ids.size() / ingestSeconds, BenchmarkSteps.loadAverage());

                measured(row, "reindex s", jobSeconds(app, "/api/admin/reindex", admin));
                measured(row, "/api/themes ms", meanMillis(app, "/api/themes", researcher, repeats));
                measured(row, "/api/analysis ms", meanMillis(app, "/api/analysis", researcher, repeats));
                measured(row, "one document's annotations ms", meanMillis(app, "/api/documents/" + oneDocument + "/annotations", researcher, repeats));
                for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                    measured(row, query.getKey() + " ms", meanMillis(app, "/sparql?query=" + URLEncoder.encode(query.getValue(), StandardCharsets.UTF_8),
                            pilot, repeats));
                }
                measured(row, "reannotate s", jobSeconds(app, "/api/admin/reannotate", admin));
                System.out.printf("measured at %d passages; load average %s%n", generator.passages(), BenchmarkSteps.loadAverage());
            }
            rows.add(row);
            passagesAtSize.add(generator.passages());
            annotationsAtSize.add(generator.annotations(data));
            print(rows, passagesAtSize, annotationsAtSize);
        }
    }

    /** Keeps a measure in the row and prints it at once, so a run cut short still shows what it measured. */
    private static void measured(Map<String, Double> row, String measure, double value) {
        row.put(measure, value);
        System.out.printf("  %s: %.2f (load average %s)%n", measure, value, BenchmarkSteps.loadAverage());
    }

    /**
     * The mean of {@code repeats} GETs after one to warm, in ms; a read whose warm-up alone took longer than
     * {@link #LONG_READ} is given by that one call (a JIT's warmth is nothing beside it). NaN, said why, when the
     * application does not answer 200 (a SPARQL query past its time limit), so the other measures still come.
     */
    private static double meanMillis(RunningApplication app, String path, Supplier<String> token, int repeats) throws Exception {
        String first = token.get();
        long warm = System.nanoTime();
        if (!get(app, path, first)) {
            return Double.NaN;
        }
        if (System.nanoTime() - warm > LONG_READ.toNanos()) {
            return (System.nanoTime() - warm) / 1e6;
        }
        long total = 0;
        for (int r = 0; r < repeats; r++) {
            String fresh = token.get();
            long started = System.nanoTime();
            get(app, path, fresh);
            total += System.nanoTime() - started;
        }
        return total / 1e6 / repeats;
    }

    private static boolean get(RunningApplication app, String path, String token) throws Exception {
        HttpResponse<String> answer = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve(path)).timeout(Duration.ofMinutes(15))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json, application/sparql-results+json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            System.out.printf("%s answered %d: %s%n", path.length() > 80 ? path.substring(0, 80) + "…" : path, answer.statusCode(), answer.body());
        }
        return answer.statusCode() == 200;
    }

    /**
     * Starts the job at {@code path} and returns how long it ran, by its own start and end; a failed job ends the
     * benchmark. Followed every few seconds with a fresh token; a busy or slow answer is asked again.
     */
    private static double jobSeconds(RunningApplication app, String path, Supplier<String> adminToken) throws Exception {
        HttpResponse<String> accepted = app.send("POST", path, null, adminToken.get());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(path + " answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String href = new JsonObject(accepted.body()).getString("href");
        JsonObject job = Eventually.until(() -> {
            try {
                HttpResponse<String> answer = app.get(href, adminToken.get());
                return answer.statusCode() == 200 ? new JsonObject(answer.body()) : null;
            } catch (HttpTimeoutException slow) {
                return null;
            }
        }, j -> j != null && !"running".equals(j.getString("state")), Duration.ofHours(2), Duration.ofSeconds(3));
        if (job == null || !"done".equals(job.getString("state"))) {
            throw new IllegalStateException(path + " did not finish: " + job);
        }
        System.out.printf("%s: %s%n", path, job.getJsonObject("result"));
        return Duration.between(Instant.parse(job.getString("startedAt")), Instant.parse(job.getString("finishedAt"))).toMillis() / 1e3;
    }

    private static long storageMicros(List<ILoggingEvent> events) {
        return List.copyOf(events).stream().filter(e -> e.getArgumentArray()[0] == StepTimings.Step.STORAGE)
                .mapToLong(e -> ((Number) e.getArgumentArray()[2]).longValue()).sum();
    }

    /** The table so far: each measure per size, and per growth step its ratio beside the size's. */
    private static void print(List<Map<String, Double>> rows, List<Long> passages, List<Long> annotations) {
        StringBuilder header = new StringBuilder("| measure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int i = 0; i < rows.size(); i++) {
            header.append(String.format(" %,d passages (%,d annotations) |", passages.get(i), annotations.get(i)));
            rule.append("---|");
            if (i > 0) {
                header.append(String.format(" × (size ×%.1f) |", (double) passages.get(i) / passages.get(i - 1)));
                rule.append("---|");
            }
        }
        System.out.printf("%n%s%n%s%n", header, rule);
        for (String measure : rows.get(0).keySet()) {
            StringBuilder line = new StringBuilder("| " + measure + (PER_UNIT.contains(measure) ? " (flat is linear)" : "") + " |");
            for (int i = 0; i < rows.size(); i++) {
                line.append(String.format(" %.2f |", rows.get(i).get(measure)));
                if (i > 0) {
                    line.append(String.format(" ×%.2f |", rows.get(i).get(measure) / rows.get(i - 1).get(measure)));
                }
            }
            System.out.println(line);
        }
    }
}
