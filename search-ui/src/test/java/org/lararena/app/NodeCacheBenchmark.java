package org.lararena.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.bench.BenchmarkCorpus;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.pipeline.DocumentAnnotation;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.store.rdf.TdbStores;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.testing.FullCollection;
import org.lararena.platform.web.Caller;
import org.lararena.sparql.ReadableGraphs;
import org.lararena.sparql.SparqlService;

/**
 * What the size of TDB2's node caches does to the reads that grew faster than the corpus in
 * {@link CorpusGrowthBenchmark}: the three SPARQL queries as a pilot asks them (through {@link SparqlService}, the
 * caller's view the {@code /sparql} endpoint runs them on), the re-annotation's read of a document's passages
 * ({@link AnnotationStore#annotationsOfPassages}) and the re-annotation of a document on the store alone
 * ({@link DocumentAnnotation#annotate}: annotator and store, no index). One store is grown through the sizes of
 * {@code -Dbench.passages} (as {@link GrowthCorpus} generates it) and at each size opened once per cache setting of
 * {@code -Dbench.nodeCaches}, side by side in one run: {@code default} is Jena's (200,000 nodes to ids, a million ids
 * to nodes), a number gives both caches that many nodes, and {@code split:N} reads the corpus as the embedded platform
 * keeps it: as the suggestions' own dataset (nobody has decided on any), beside a decided dataset holding the ontology,
 * both with caches of N nodes. Each setting starts with empty caches and reads in the
 * growth benchmark's order: the queries, then the re-annotation. Each measure is given on the wall clock and in the
 * thread's CPU time, the steadier of the two on a machine shared with other builds.
 *
 * <pre>./mvnw -B -Pbench -pl search-ui -am verify -DskipITs -Dtest=NodeCacheBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine=-Xmx4g -Dbench.passages=10000,100000 -Dbench.nodeCaches=default,2000000</pre>
 *
 * Also {@code -Dbench.documents} (50: documents read and re-annotated at each size, spread over the corpus),
 * {@code -Dbench.repeats} (3 timed runs of each query after one to warm) and {@code -Dbench.keep} (true: the store
 * in {@code target/node-cache-benchmark} is left for a profile).
 */
class NodeCacheBenchmark {

    private static final Caller PILOT = new Caller("pilot", Set.of(Caller.PILOT), Optional.of(BenchmarkCorpus.PILOTS.get(0)));
    private static final String DEFAULT = "default";
    /** A setting {@code split:N}: the corpus read as the suggestions' own dataset beside a decided one, both caches N nodes. */
    private static final String SPLIT = "split:";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path scratch;

    @Test
    void nodeCachesAtSize() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.passages", "10000,100000").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        List<String> settings = Arrays.stream(System.getProperty("bench.nodeCaches", DEFAULT + ",2000000").split(",")).map(String::trim).toList();
        // A setting given twice (default,2000000,default: is the second run of one favoured by the first's reads?) is told apart.
        List<String> caches = new ArrayList<>();
        for (String setting : settings) {
            caches.add(caches.contains(setting) ? setting + " again" : setting);
        }
        int sampled = Integer.getInteger("bench.documents", 50);
        int repeats = Integer.getInteger("bench.repeats", 3);
        Path data = Path.of("target", "node-cache-benchmark").toAbsolutePath();
        deleteTree(data);
        Files.createDirectories(data);
        Ontology ontology = OntologyLoader.fromClasspath();
        GrowthCorpus corpus = new GrowthCorpus(BenchmarkCorpus.sentences(), ontology);
        // measure -> size -> cache setting -> value
        Map<String, Map<Long, Map<String, Double>>> table = new LinkedHashMap<>();
        List<Long> sizesDone = new ArrayList<>();
        try {
            for (int size : sizes) {
                GrowthCorpus.Filled filled = corpus.fill(data, size, 50, scratch);
                System.out.printf("%ngenerated %d passages (%d new) in %.0f s; load average %s%n", corpus.passages(), filled.added(),
                        filled.seconds(), BenchmarkSteps.loadAverage());
                Dataset generated = TDB2Factory.connectDataset(data.resolve("jena").toString());
                SparqlService.publishOntology(StoreTransactions.local(generated), ontology);
                long annotations = corpus.annotations(data);
                // The generator's connection is let go, so each setting connects anew with its own (empty) caches.
                TDBInternal.expel(generated.asDatasetGraph());
                sizesDone.add(corpus.passages());
                // Opened after the generator wrote, since a document store reads its records when it is opened.
                DocumentStore documents = new DocumentStore(data.resolve("documents"));
                List<DocumentRecord> spread = spread(documents.all(), sampled);
                int spreadPassages = spread.stream().mapToInt(r -> documents.passages(r.id()).orElseThrow().getJsonArray("passages").size()).sum();
                System.out.printf("%,d passages, %,d annotations; %d documents (%,d passages) read and re-annotated%n", corpus.passages(),
                        annotations, spread.size(), spreadPassages);
                for (String cache : caches) {
                    String setting = cache.replace(" again", "");
                    if (setting.startsWith(SPLIT)) {
                        // As the embedded platform keeps them: the generated suggestions, which nobody has decided on,
                        // in a dataset of their own, and the ontology in a decided store that holds nothing else.
                        int nodes = Integer.parseInt(setting.substring(SPLIT.length()));
                        Path decidedDir = data.resolve("jena-decided-" + cache.replace(' ', '-'));
                        Dataset decided = TdbStores.connect(decidedDir, nodes);
                        Dataset suggestions = TdbStores.connect(data.resolve("jena"), nodes);
                        try {
                            SparqlService.publishOntology(StoreTransactions.local(decided), ontology);
                            measureAll(table, corpus.passages(), cache, decided, Optional.of(suggestions), documents, ontology, spread, repeats);
                        } finally {
                            TDBInternal.expel(decided.asDatasetGraph());
                            TDBInternal.expel(suggestions.asDatasetGraph());
                            deleteTree(decidedDir);
                        }
                        continue;
                    }
                    Dataset dataset = DEFAULT.equals(setting) ? TDB2Factory.connectDataset(data.resolve("jena").toString())
                            : TdbStores.connect(data.resolve("jena"), Integer.parseInt(setting));
                    try {
                        measureAll(table, corpus.passages(), cache, dataset, Optional.empty(), documents, ontology, spread, repeats);
                    } finally {
                        TDBInternal.expel(dataset.asDatasetGraph());
                    }
                }
                print(table, sizesDone, caches);
            }
        } finally {
            if (!Boolean.getBoolean("bench.keep")) {
                deleteTree(data);
            }
        }
    }

    private static void measureAll(Map<String, Map<Long, Map<String, Double>>> table, long size, String cache, Dataset dataset,
                                   Optional<Dataset> suggestionDataset, DocumentStore documents, Ontology ontology, List<DocumentRecord> spread,
                                   int repeats) {
        System.out.printf("%n%,d passages, node caches %s; load average %s%n", size, cache, BenchmarkSteps.loadAverage());
        StoreTransactions store = StoreTransactions.local(dataset);
        Optional<StoreTransactions> suggestions = suggestionDataset.map(StoreTransactions::local);
        SparqlService one = new SparqlService(store, ReadableGraphs.of(documents), new LararenaConfig.Sparql(Duration.ofMinutes(10), 100_000));
        SparqlService sparql = suggestions.map(one::withSuggestions).orElse(one);
        for (Map.Entry<String, String> query : CorpusGrowthBenchmark.QUERIES.entrySet()) {
            put(table, query.getKey(), size, cache, query(() -> sparql.query(query.getValue(), PILOT, SparqlService.RESULTS_JSON), repeats));
        }
        AnnotationStore annotations = Wiring.annotationStore(store, suggestions, () -> 0);
        put(table, "re-annotation read, per document", size, cache, Spent.of(() -> spread.forEach(record ->
                annotations.annotationsOfPassages(record.id(), passageIds(record.id(), documents)))).per(spread.size()));
        DocumentAnnotation annotation = new DocumentAnnotation(annotations, ontology, new PassageAnnotator(ontology), 100, Duration.ofMillis(100));
        put(table, "re-annotation, per document", size, cache, Spent.of(() -> spread.forEach(record ->
                annotation.annotate(record.id(), documents.passages(record.id()).orElseThrow().getJsonArray("passages")))).per(spread.size()));
        double heap = heapUsedAfterGc() / 1e6;
        table.computeIfAbsent("heap used MB", m -> new LinkedHashMap<>()).computeIfAbsent(size, s -> new LinkedHashMap<>()).put(cache, heap);
        System.out.printf("  heap used after GC: %.0f MB%n", heap);
    }

    /**
     * Wall-clock and CPU time of this thread (the query and the store's reads run on the calling thread): on a machine
     * shared with other builds the wall clock mostly measures the wait for a core, the thread's CPU time what the work
     * costs. In ms.
     */
    private record Spent(double wallMillis, double cpuMillis) {

        static Spent of(Runnable work) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            work.run();
            return new Spent((System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
        }

        Spent per(int count) {
            return new Spent(wallMillis / count, cpuMillis / count);
        }
    }

    /**
     * The mean of {@code repeats} runs after one that fills the caches (however long it takes: a cache can only help
     * the runs after the one that filled it).
     */
    private static Spent query(Runnable query, int repeats) {
        query.run();
        double wall = 0;
        double cpu = 0;
        for (int r = 0; r < repeats; r++) {
            Spent run = Spent.of(query);
            wall += run.wallMillis();
            cpu += run.cpuMillis();
        }
        return new Spent(wall / repeats, cpu / repeats);
    }

    private static List<String> passageIds(String documentId, DocumentStore documents) {
        JsonArray passages = documents.passages(documentId).orElseThrow().getJsonArray("passages");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            ids.add(PassageIndexer.passageId(documentId, ((JsonObject) passages.getValue(i)).getInteger("ordinal")));
        }
        return ids;
    }

    /** {@code count} documents, every n-th by id (ids are unrelated to when a document was made), so spread over the corpus. */
    private static List<DocumentRecord> spread(List<DocumentRecord> all, int count) {
        List<DocumentRecord> sorted = all.stream().sorted(Comparator.comparing(DocumentRecord::id)).toList();
        List<DocumentRecord> spread = new ArrayList<>();
        int step = Math.max(1, sorted.size() / count);
        for (int i = 0; i < sorted.size() && spread.size() < count; i += step) {
            spread.add(sorted.get(i));
        }
        return spread;
    }

    private static long heapUsedAfterGc() {
        FullCollection.run();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void put(Map<String, Map<Long, Map<String, Double>>> table, String measure, long size, String cache, Spent spent) {
        table.computeIfAbsent(measure + ", ms", m -> new LinkedHashMap<>()).computeIfAbsent(size, s -> new LinkedHashMap<>()).put(cache, spent.wallMillis());
        table.computeIfAbsent(measure + ", CPU ms", m -> new LinkedHashMap<>()).computeIfAbsent(size, s -> new LinkedHashMap<>()).put(cache, spent.cpuMillis());
        System.out.printf("  %s: %.1f ms, CPU %.1f ms (load average %s)%n", measure, spent.wallMillis(), spent.cpuMillis(), BenchmarkSteps.loadAverage());
    }

    /** Per measure and cache setting: the figure at each size and the ratio to the previous size; per size, each setting against the first. */
    private static void print(Map<String, Map<Long, Map<String, Double>>> table, List<Long> sizes, List<String> caches) {
        StringBuilder header = new StringBuilder("| measure | node caches |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int i = 0; i < sizes.size(); i++) {
            header.append(String.format(" %,d passages |", sizes.get(i)));
            rule.append("---|");
            if (i > 0) {
                header.append(String.format(" × (size ×%.1f) |", (double) sizes.get(i) / sizes.get(i - 1)));
                rule.append("---|");
            }
        }
        System.out.printf("%n%s%n%s%n", header, rule);
        for (Map.Entry<String, Map<Long, Map<String, Double>>> measure : table.entrySet()) {
            for (String cache : caches) {
                StringBuilder line = new StringBuilder("| " + measure.getKey() + " | " + cache + " |");
                for (int i = 0; i < sizes.size(); i++) {
                    double value = measure.getValue().getOrDefault(sizes.get(i), Map.of()).getOrDefault(cache, Double.NaN);
                    line.append(String.format(" %.1f", value));
                    double first = measure.getValue().getOrDefault(sizes.get(i), Map.of()).getOrDefault(caches.get(0), Double.NaN);
                    line.append(cache.equals(caches.get(0)) ? " |" : String.format(" (×%.2f of %s) |", value / first, caches.get(0)));
                    if (i > 0) {
                        double before = measure.getValue().getOrDefault(sizes.get(i - 1), Map.of()).getOrDefault(cache, Double.NaN);
                        line.append(String.format(" ×%.2f |", value / before));
                    }
                }
                System.out.println(line);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
