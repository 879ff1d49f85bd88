package org.lararena.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.bench.BenchmarkCorpus;
import org.lararena.ingest.extract.MixedCorpus;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.testing.TestServices;

/**
 * A team at work, measured (issue #14's load benchmark). Three researchers code, each two actions a second (accept,
 * reject, tag, memo, in turn), and eight pilots search, first on an idle platform and then, in the same run, while one
 * researcher uploads a folder of mixed documents and one large text. A small file is uploaded every few seconds during
 * the load and timed until it is searchable. Every request is sent on schedule whatever the previous one is doing
 * (open loop), so a slow answer cannot hide the requests that would have queued behind it.
 *
 * <pre>./mvnw -B -Pbench -pl search-ui -am verify -DskipITs -Dtest=TeamAtWorkBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Sizes: {@code -Dbench.seconds} (60, each phase), {@code -Dbench.documents} (200), {@code -Dbench.largeMb} (15),
 * {@code -Dbench.pilots} (8), {@code -Dbench.actionsPerSecond} (2 per researcher), {@code -Dbench.searchesPerSecond}
 * (1 per pilot), {@code -Dbench.probeSeconds} (10).
 *
 * <p>The large text ({@code -Dbench.largeText}): {@code ordinary} (the default) is made of the sentences of real
 * documents (the shared corpus where present, and the demo documents; {@link BenchmarkCorpus#sentences()}), so it
 * holds the codebook's words about as often as real material does; {@code dense} repeats eight sentences written for
 * this benchmark, each full of the codebook's words, so it gives about twice as many suggestions per character: the
 * annotation store's worst case. Both come in paragraphs of about 1,600 characters, so their passages are as many.
 * The run prints the text's suggestions per 1,000 characters.
 */
class TeamAtWorkBenchmark {

    private static final List<String> RESEARCHERS = List.of("forskare", "forskare2", "forskare3");
    private static final List<String> QUERIES = List.of("samverkan kommun region", "fast läkarkontakt", "hemsjukvård", "digitala vårdmöten",
            "\"gemensamma rutiner\"", "kompetensförsörjning", "äldre i glesbygd", "ledarskap förändring", "utskrivning från sjukhuset",
            "psykisk hälsa unga", "kontinuitet", "invånarnas delaktighet", "vårdcentral tillgänglighet", "nära vård", "uppföljning",
            "undersköterskor", "handlingsplan", "barnfamiljer", "journalsystem", "styrgrupp");
    /** The length of a paragraph of the large text: about that of the dense text's sixteen sentences. */
    private static final int PARAGRAPH_CHARACTERS = 1_600;
    /** Sentences of the dense large text and the coding documents, written for this benchmark. */
    private static final List<String> SENTENCES = List.of(
            "Samverkan mellan kommunen och regionen har blivit bättre sedan vi började träffas varje vecka på vårdcentralen.",
            "De äldre i glesbygden vill ha en fast läkarkontakt och slippa berätta sin historia för en ny person varje gång.",
            "Digitala vårdmöten sparar resor men fungerar sämre för den som inte hör eller ser bra.",
            "Hemsjukvården behöver veta i tid när en patient skrivs ut från sjukhuset, annars blir det återinläggningar.",
            "Kompetensförsörjningen är den största frågan för oss: vi hittar inte sjuksköterskor till kvällarna.",
            "Ledarskapet har betytt mycket, cheferna har gett personalen tid att prova nya arbetssätt.",
            "Psykisk hälsa bland unga kräver att skolan, socialtjänsten och primärvården arbetar tillsammans.",
            "Invånarna vill kunna följa sin egen plan och veta vem de ska ringa när något förändras.");

    @TempDir
    Path data;
    @TempDir
    Path files;

    @Test
    void codingAndSearchWhileAFolderAndALargeTextAreIngested() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 60);
        int documents = Integer.getInteger("bench.documents", 200);
        int largeMb = Integer.getInteger("bench.largeMb", 15);
        String largeKind = System.getProperty("bench.largeText", "ordinary");
        int pilots = Integer.getInteger("bench.pilots", 8);
        double actionsPerSecond = Double.parseDouble(System.getProperty("bench.actionsPerSecond", "2"));
        double searchesPerSecond = Double.parseDouble(System.getProperty("bench.searchesPerSecond", "1"));
        int probeSeconds = Integer.getInteger("bench.probeSeconds", 10);

        ListAppender<ILoggingEvent> steps = BenchmarkSteps.capture();
        TestServices services = TestServices.get();
        Map<String, AtomicReference<String>> tokens = new ConcurrentHashMap<>();
        for (String user : concat(RESEARCHERS, List.of("pilot"))) {
            tokens.put(user, new AtomicReference<>(services.accessToken(user, user)));
        }
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
        refresher.scheduleAtFixedRate(() -> tokens.forEach((user, token) -> token.set(services.accessToken(user, user))), 60, 60, TimeUnit.SECONDS);
        Map<String, String> asked = BenchmarkSteps.settings();
        Map<String, String> settings = new LinkedHashMap<>(asked);
        settings.put("LARARENA_DEMO_DATA", "false");
        try (RunningApplication app = RunningApplication.start(data, settings)) {
            List<Coder> coders = new ArrayList<>();
            for (String researcher : RESEARCHERS) {
                coders.add(Coder.prepare(app, researcher, tokens.get(researcher)));
            }
            System.out.printf("%d researchers coding at %.1f actions/s each, %d pilots searching at %.1f searches/s each; settings %s; load average %s%n",
                    RESEARCHERS.size(), actionsPerSecond, pilots, searchesPerSecond, asked, BenchmarkSteps.loadAverage());

            // Warm-up, then the idle platform.
            drive(app, coders, tokens.get("pilot"), pilots, actionsPerSecond, searchesPerSecond, Duration.ofSeconds(Math.min(20, seconds)), () -> false);
            Latencies idle = drive(app, coders, tokens.get("pilot"), pilots, actionsPerSecond, searchesPerSecond, Duration.ofSeconds(seconds), () -> false);
            System.out.printf("idle done; load average %s%n", BenchmarkSteps.loadAverage());

            // The same team while a folder and a large text are ingested, until both are searchable.
            List<RunningApplication.Upload> folder = mixedDocuments(documents);
            String largeText = largeText(largeMb, largeKind);
            System.out.printf("the large text (%s): %s%n", largeKind, suggestionDensity(largeText));
            String uploader = "forskare";
            steps.list.clear();
            long loadStarted = System.nanoTime();
            List<Double> probes = new CopyOnWriteArrayList<>();
            AtomicReference<Double> largeIndexedSeconds = new AtomicReference<>();
            Thread ingest = Thread.ofPlatform().name("bench-uploader").start(() -> {
                try {
                    long started = System.nanoTime();
                    String large = id(app.postFile(tokens.get(uploader).get(), "stor-utskrift.txt", largeText, "pilot"));
                    for (int from = 0; from < folder.size(); from += 100) {
                        app.postFiles(tokens.get(uploader).get(), folder.subList(from, Math.min(folder.size(), from + 100)), "pilot");
                    }
                    awaitSettled(app, tokens.get(uploader), large, Duration.ofMinutes(30));
                    largeIndexedSeconds.set((System.nanoTime() - started) / 1e9);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread prober = Thread.ofPlatform().name("bench-prober").start(() -> {
                int n = 0;
                while (ingest.isAlive()) {
                    try {
                        long started = System.nanoTime();
                        String id = id(app.postFile(tokens.get("forskare2").get(), "liten-anteckning-" + n + ".txt",
                                "Kort anteckning nummer " + n + " från arbetsplatsträffen om hemsjukvården.", "pilot"));
                        if ("indexed".equals(awaitSettled(app, tokens.get("forskare2"), id, Duration.ofMinutes(10)))) {
                            probes.add((System.nanoTime() - started) / 1e9);
                        }
                        n++;
                        sleepUntil(started + TimeUnit.SECONDS.toNanos(probeSeconds));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            Latencies load = drive(app, coders, tokens.get("pilot"), pilots, actionsPerSecond, searchesPerSecond, Duration.ofMinutes(30),
                    () -> !ingest.isAlive());
            prober.join();
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            Map<String, Long> settled = app.statusCounts(tokens.get(uploader).get());

            System.out.printf("%nunder load for %.0f s (the large text of %d MB indexed after %.1f s); documents by status %s; load average %s%n",
                    loadSeconds, largeMb, largeIndexedSeconds.get(), settled, BenchmarkSteps.loadAverage());
            System.out.println("| | idle p50 / p95 / p99 ms | under load p50 / p95 / p99 ms | load p99 / idle p99 | answers | 503 busy | other errors |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (String kind : List.of("accept", "reject", "tag", "memo", "coding (all four)", "search")) {
                System.out.printf("| %s | %s | %s | %.1f | %d / %d | %d | %d |%n", kind, idle.percentiles(kind), load.percentiles(kind),
                        load.percentile(kind, 99) / idle.percentile(kind, 99), idle.count(kind), load.count(kind), load.busy(kind), load.errors(kind));
            }
            System.out.printf("%nsmall file uploaded during the load, until searchable: %d files, median %.1f s, longest %.1f s%n",
                    probes.size(), percentile(probes, 50), probes.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
            BenchmarkSteps.shares(steps.list, Map.of());
        } finally {
            refresher.shutdownNow();
        }
    }

    /** One researcher's coding: their own document's suggestions and passages, and the actions in turn. */
    private record Coder(String username, AtomicReference<String> token, String documentId, List<String> suggestions, List<String> passages,
                         AtomicInteger next) {

        static Coder prepare(RunningApplication app, String username, AtomicReference<String> token) throws Exception {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                text.append(SENTENCES.get(i % SENTENCES.size())).append(' ').append(SENTENCES.get((i * 5 + 3) % SENTENCES.size()))
                        .append(" (").append(username).append(' ').append(i).append(")\n\n");
            }
            String id = id(app.postFile(token.get(), username + "-arbetsmaterial.txt", text.toString(), "pilot"));
            app.awaitStatus(id, token.get(), "indexed");
            JsonArray annotations = new JsonArray(app.get("/api/documents/" + id + "/annotations", token.get()).body());
            List<String> suggestions = new ArrayList<>();
            List<String> passages = new ArrayList<>();
            for (Object item : annotations) {
                JsonObject annotation = (JsonObject) item;
                suggestions.add(annotation.getString("id"));
                if (!passages.contains(annotation.getString("passageId"))) {
                    passages.add(annotation.getString("passageId"));
                }
            }
            return new Coder(username, token, id, suggestions, passages, new AtomicInteger());
        }

        /** The next action: accept, reject, tag and memo in turn, over the document's suggestions and passages. */
        HttpRequest nextAction(RunningApplication app, String[] kind) {
            int n = next.getAndIncrement();
            String passage = passages.get(n % passages.size());
            HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token.get())
                    .header("Content-Type", "application/json");
            switch (n % 4) {
                case 0, 1 -> {
                    kind[0] = n % 4 == 0 ? "accept" : "reject";
                    String state = n % 4 == 0 ? "accepted" : "rejected";
                    return request.uri(app.url.resolve("/api/annotations/" + suggestions.get((n / 2) % suggestions.size())))
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}")).build();
                }
                case 2 -> {
                    kind[0] = "tag";
                    JsonObject tag = new JsonObject().put("passageId", passage).put("start", n % 7).put("end", 12 + n % 11)
                            .put("concept", LAR.BASE + "tema/digitalisering");
                    return request.uri(app.url.resolve("/api/documents/" + documentId + "/annotations"))
                            .POST(HttpRequest.BodyPublishers.ofString(tag.encode())).build();
                }
                default -> {
                    kind[0] = "memo";
                    return request.uri(app.url.resolve("/api/passages/" + passage + "/memos"))
                            .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("text", "Minnesanteckning " + n + " om samverkan.").encode()))
                            .build();
                }
            }
        }
    }

    /** Latencies by kind of request, with their status codes. */
    private static final class Latencies {
        private final Map<String, List<Double>> millis = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> busy = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

        void add(String kind, double ms, int status) {
            for (String k : kind.equals("search") ? List.of(kind) : List.of(kind, "coding (all four)")) {
                millis.computeIfAbsent(k, x -> Collections.synchronizedList(new ArrayList<>())).add(ms);
                if (status == 503) {
                    busy.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
                } else if (status >= 400 || status == 0) {
                    errors.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
                }
            }
        }

        double percentile(String kind, double p) {
            return TeamAtWorkBenchmark.percentile(millis.getOrDefault(kind, List.of()), p);
        }

        String percentiles(String kind) {
            return String.format("%.0f / %.0f / %.0f", percentile(kind, 50), percentile(kind, 95), percentile(kind, 99));
        }

        int count(String kind) {
            return millis.getOrDefault(kind, List.of()).size();
        }

        int busy(String kind) {
            return busy.getOrDefault(kind, new AtomicInteger()).get();
        }

        int errors(String kind) {
            return errors.getOrDefault(kind, new AtomicInteger()).get();
        }
    }

    /** Runs the team for {@code limit}, or until {@code over} holds; every request on schedule (open loop). */
    private static Latencies drive(RunningApplication app, List<Coder> coders, AtomicReference<String> pilotToken, int pilots,
                                   double actionsPerSecond, double searchesPerSecond, Duration limit, RunningApplication.Condition over)
            throws Exception {
        Latencies latencies = new Latencies();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        long actionPeriod = (long) (1e6 / actionsPerSecond);
        for (int c = 0; c < coders.size(); c++) {
            Coder coder = coders.get(c);
            clock.scheduleAtFixedRate(() -> {
                String[] kind = new String[1];
                send(coder.nextAction(app, kind), kind[0], latencies);
            }, c * actionPeriod / coders.size(), actionPeriod, TimeUnit.MICROSECONDS);
        }
        long searchPeriod = (long) (1e6 / searchesPerSecond);
        AtomicInteger query = new AtomicInteger();
        for (int p = 0; p < pilots; p++) {
            clock.scheduleAtFixedRate(() -> {
                String q = QUERIES.get(query.getAndIncrement() % QUERIES.size());
                send(HttpRequest.newBuilder(app.url.resolve("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + pilotToken.get()).build(), "search", latencies);
            }, p * searchPeriod / pilots, searchPeriod, TimeUnit.MICROSECONDS);
        }
        RunningApplication.awaitCondition(limit, over);
        clock.shutdownNow();
        return latencies;
    }

    private static void send(HttpRequest request, String kind, Latencies latencies) {
        long sent = System.nanoTime();
        RunningApplication.HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> latencies.add(kind, (System.nanoTime() - sent) / 1e6, failure == null ? response.statusCode() : 0));
    }

    private List<RunningApplication.Upload> mixedDocuments(int count) throws Exception {
        List<RunningApplication.Upload> uploads = new ArrayList<>();
        for (Path file : MixedCorpus.generate(files)) {
            if (uploads.size() < count) {
                uploads.add(new RunningApplication.Upload(file.getFileName().toString(), "application/octet-stream", Files.readAllBytes(file)));
            }
        }
        return uploads;
    }

    /**
     * A transcript-like text of about {@code megabytes} MB in paragraphs of about 1,600 characters, as a long report or
     * minutes: of real documents' sentences ({@code ordinary}) or of the benchmark's eight dense ones ({@code dense}).
     */
    static String largeText(int megabytes, String kind) throws IOException {
        List<String> sentences = switch (kind) {
            case "ordinary" -> BenchmarkCorpus.sentences();
            case "dense" -> SENTENCES;
            default -> throw new IllegalArgumentException("-Dbench.largeText is 'ordinary' or 'dense', not '" + kind + "'");
        };
        StringBuilder text = new StringBuilder(megabytes * 1_100_000);
        int paragraph = 0;
        int next = 0;
        while (text.length() < megabytes * 1_000_000) {
            paragraph++;
            int paragraphStart = text.length();
            text.append("Punkt ").append(paragraph).append(". ");
            if (kind.equals("dense")) {
                for (int s = 0; s < 16; s++) {
                    text.append(sentences.get((paragraph * 7 + s * 3) % sentences.size())).append(' ');
                }
            } else {
                while (text.length() - paragraphStart < PARAGRAPH_CHARACTERS) {
                    text.append(sentences.get(next++ % sentences.size())).append(' ');
                }
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    /** How often the annotator (the dictionary alone) suggests a theme in {@code text}, read paragraph by paragraph. */
    private static String suggestionDensity(String text) {
        PassageAnnotator annotator = new PassageAnnotator(OntologyLoader.fromClasspath());
        String[] paragraphs = text.split("\n\n");
        long suggestions = Arrays.stream(paragraphs).mapToLong(p -> annotator.annotate(p).size()).sum();
        return "%,d characters, %,d paragraphs, %.1f suggestions per 1,000 characters (%.1f a paragraph)".formatted(text.length(),
                paragraphs.length, suggestions * 1000.0 / text.length(), (double) suggestions / paragraphs.length);
    }

    private static String awaitSettled(RunningApplication app, AtomicReference<String> token, String id, Duration limit) throws Exception {
        AtomicReference<String> status = new AtomicReference<>();
        RunningApplication.awaitCondition(limit, () -> {
            status.set(new JsonObject(app.get("/api/documents/" + id, token.get()).body()).getString("status"));
            return "indexed".equals(status.get()) || "failed".equals(status.get());
        });
        return status.get();
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static String id(HttpResponse<String> upload) {
        if (upload.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + upload.statusCode() + " " + upload.body());
        }
        return new JsonArray(upload.body()).getJsonObject(0).getString("id");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
