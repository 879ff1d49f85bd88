package org.lararena.ontology.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationStore.PassageSuggestions;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.rdf.StoreCompaction;

/**
 * What storing a document's suggestions costs per passage, the way an annotation run stores them (one write
 * transaction per batch of passages, then the run's finish), at several batch sizes, beside the floor: TDB2 inserting
 * the very same quads in transactions of the same size with no logic of ours. Also the longest write transaction,
 * which is how long a researcher's action can wait for the writer lock. Each side runs on a fresh store on disk, the
 * sides interleaved over the rounds.
 *
 * <pre>./mvnw -Pbench -pl ontology -am verify -DskipITs -Dtest=AnnotationStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine="-Dbench.passages=8000 -Dbench.batches=25,100,400 -Dbench.rounds=2"</pre>
 */
class AnnotationStoreBenchmark {

    private record Measure(double millisPerPassage, double longestTransactionMillis, double grownKbPerPassage, double liveKbPerPassage,
                           double endMillis) {
        Measure(double millisPerPassage, double longestTransactionMillis, double endMillis) {
            this(millisPerPassage, longestTransactionMillis, Double.NaN, Double.NaN, endMillis);
        }
    }

    @Test
    void storeSuggestions() throws Exception {
        int n = Integer.getInteger("bench.passages", Integer.getInteger("passages", 8000));
        int rounds = Integer.getInteger("bench.rounds", 2);
        int[] batches = Arrays.stream(System.getProperty("bench.batches", "25,100,400").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Ontology ontology = OntologyLoader.fromClasspath();
        PassageAnnotator annotator = new PassageAnnotator(ontology);
        String[] texts = BenchmarkPassages.TEXTS;
        List<PassageSuggestions> passages = new ArrayList<>();
        long t0 = System.nanoTime();
        int suggestions = 0;
        for (int i = 0; i < n; i++) {
            String text = texts[i % texts.length] + " (" + i + ")";
            var s = annotator.annotate(text);
            suggestions += s.size();
            passages.add(new PassageSuggestions(new PassageText("doc-p" + i, text), s));
        }
        double annotateMillis = (System.nanoTime() - t0) / 1e6 / n;
        System.out.printf("%d passages, %d suggestions; annotating them took %.3f ms per passage%n", n, suggestions, annotateMillis);

        // The quads one run writes, for the floor: written once by the store, then read back.
        List<Quad> quads = quadsOfOneRun(passages);
        double quadsPerPassage = quads.size() / (double) n;
        System.out.printf("one run writes %d quads, %.1f per passage%n%n", quads.size(), quadsPerPassage);

        System.out.println("| passages per transaction | store ms/passage | longest transaction ms | the same run again ms/passage | "
                + "TDB2 alone, same quads, ms/passage | longest ms | store / TDB2 alone | files grew kB/passage | × live data | "
                + "end of the first run ms | end of the run again ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int batch : batches) {
            Measure store = null;
            Measure again = null;
            Measure floor = null;
            for (int round = 0; round < rounds; round++) {
                Measure[] run = runStore(passages, batch);
                Measure raw = runRaw(quads, (int) Math.max(1, Math.round(batch * quadsPerPassage)), n);
                store = best(store, run[0]);
                again = best(again, run[1]);
                floor = best(floor, raw);
            }
            System.out.printf("| %d | %.2f | %.0f | %.2f | %.2f | %.0f | %.1f | %.1f | %.1f | %.0f | %.0f |%n", batch, store.millisPerPassage(),
                    store.longestTransactionMillis(), again.millisPerPassage(), floor.millisPerPassage(), floor.longestTransactionMillis(),
                    store.millisPerPassage() / floor.millisPerPassage(), store.grownKbPerPassage(), store.grownKbPerPassage() / store.liveKbPerPassage(),
                    store.endMillis(), again.endMillis());
        }
    }

    private static Measure best(Measure so, Measure next) {
        return so == null || next.millisPerPassage() < so.millisPerPassage() ? next : so;
    }

    /**
     * A first run and the same run again, each as the annotation verticle stores them; the first also with how much
     * the store's files grew (TDB2 copies every page a transaction touches) against the live data after compaction.
     */
    private static Measure[] runStore(List<PassageSuggestions> passages, int batch) throws Exception {
        Path dir = Files.createTempDirectory("tdb-bench");
        Dataset dataset = TDB2Factory.connectDataset(dir.toString());
        try {
            RdfAnnotationStore store = new RdfAnnotationStore(dataset);
            StoreCompaction files = new StoreCompaction(dataset, dir, 0);
            long empty = files.sizeOnDisk();
            // The first run ends as the pipeline ends a run over a document that held no suggestions; the run again
            // must read them all to find those it no longer makes.
            Measure first = oneRun(store, passages, batch, true);
            double grown = (files.sizeOnDisk() - empty) / 1024.0 / passages.size();
            Measure again = oneRun(store, passages, batch, false);
            files.compact();
            double live = (files.sizeOnDisk() - empty) / 1024.0 / passages.size();
            return new Measure[] {new Measure(first.millisPerPassage(), first.longestTransactionMillis(), grown, live, first.endMillis()), again};
        } finally {
            dataset.close();
        }
    }

    private static Measure oneRun(RdfAnnotationStore store, List<PassageSuggestions> passages, int batch, boolean fresh) {
        long longest = 0;
        long started = System.nanoTime();
        Set<String> made = new HashSet<>();
        for (int from = 0; from < passages.size(); from += batch) {
            long t = System.nanoTime();
            made.addAll(store.storeSuggestions("doc", "v1", passages.subList(from, Math.min(passages.size(), from + batch))).made());
            longest = Math.max(longest, System.nanoTime() - t);
        }
        long ending = System.nanoTime();
        if (fresh) {
            store.finishFreshAutomatic("doc", "v1", made);
        } else {
            store.finishAutomatic("doc", "v1", made);
        }
        long ended = System.nanoTime();
        return new Measure((ended - started) / 1e6 / passages.size(), longest / 1e6, (ended - ending) / 1e6);
    }

    private static Measure runRaw(List<Quad> quads, int quadsPerTransaction, int passages) throws Exception {
        Path dir = Files.createTempDirectory("tdb-bench-raw");
        Dataset dataset = TDB2Factory.connectDataset(dir.toString());
        try {
            DatasetGraph graph = dataset.asDatasetGraph();
            long longest = 0;
            long started = System.nanoTime();
            for (int from = 0; from < quads.size(); from += quadsPerTransaction) {
                List<Quad> slice = quads.subList(from, Math.min(quads.size(), from + quadsPerTransaction));
                long t = System.nanoTime();
                dataset.executeWrite(() -> slice.forEach(graph::add));
                longest = Math.max(longest, System.nanoTime() - t);
            }
            return new Measure((System.nanoTime() - started) / 1e6 / passages, longest / 1e6, Double.NaN);
        } finally {
            dataset.close();
        }
    }

    private static List<Quad> quadsOfOneRun(List<PassageSuggestions> passages) throws Exception {
        Path dir = Files.createTempDirectory("tdb-bench-quads");
        Dataset dataset = TDB2Factory.connectDataset(dir.toString());
        try {
            oneRun(new RdfAnnotationStore(dataset), passages, 100, true);
            return dataset.calculateRead(() -> {
                List<Quad> all = new ArrayList<>();
                dataset.asDatasetGraph().find().forEachRemaining(all::add);
                return all;
            });
        } finally {
            dataset.close();
        }
    }
}
