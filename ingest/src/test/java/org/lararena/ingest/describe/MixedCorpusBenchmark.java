package org.lararena.ingest.describe;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.extract.DocumentExtractor;
import org.lararena.ingest.extract.ExtractedDocument;
import org.lararena.ingest.extract.ExtractionSettings;
import org.lararena.ingest.extract.MixedCorpus;
import org.lararena.ingest.repair.RepairedText;
import org.lararena.ingest.segment.Passage;
import org.lararena.platform.testing.FullCollection;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;

/**
 * The ingest pipeline on a corpus of mixed documents in every supported format ({@link MixedCorpus}), timed
 * against plain in-process Tika on the same files in the same run, rounds interleaved. Plain Tika runs one file
 * at a time on one thread. The pipeline runs twice: with one extraction worker and one file at a time (the ratio
 * compares work, not parallelism), and with {@value #CONCURRENT} workers and as many files at a time, as the
 * application runs with {@code LARARENA_EXTRACT_WORKERS=2} (that ratio includes the parallelism; plain Tika
 * stays on one thread). Indexing is not included (it needs Elasticsearch and waits for its refresh).
 * A benchmark, not a test: {@code ./mvnw -Pbench -pl ingest test -Dtest=MixedCorpusBenchmark}.
 */
class MixedCorpusBenchmark {

    private static final int MEASURED_ROUNDS = 3;
    private static final int CONCURRENT = 2;

    @TempDir
    Path dir;

    @Test
    void thePipelineOnAMixedCorpusAgainstPlainTika() throws Exception {
        List<Path> files = MixedCorpus.generate(dir);
        assertThat(files).hasSizeGreaterThanOrEqualTo(200);

        AutoDetectParser tika = new AutoDetectParser();
        TextPipeline pipeline = new TextPipeline();
        Ontology ontology = OntologyLoader.fromClasspath();
        PassageAnnotator annotator = new PassageAnnotator(ontology);
        int workerHeapMegabytes = ExtractionSettings.withoutOcr().build().workerHeapMegabytes();
        try (DocumentExtractor oneWorker = new DocumentExtractor(ExtractionSettings.withoutOcr().workers(1).build());
                DocumentExtractor workers = new DocumentExtractor(ExtractionSettings.withoutOcr().workers(CONCURRENT).build())) {
            oneWorker.warmUp();
            workers.warmUp();
            // One warm-up round of each, so that every side runs with loaded classes and a compiled hot path.
            PipelineSpeedBenchmark.plainTika(tika, files);
            pipeline(oneWorker, pipeline, ontology, annotator, files, new long[Step.values().length]);
            concurrently(workers, pipeline, ontology, annotator, files);

            long tikaNanos = 0;
            long pipelineNanos = 0;
            long concurrentNanos = 0;
            long[] steps = new long[Step.values().length];
            long passages = 0;
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            FullCollection.run();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            String loadBefore = loadAverage();
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                tikaNanos += PipelineSpeedBenchmark.plainTika(tika, files);
                long start = System.nanoTime();
                passages += pipeline(oneWorker, pipeline, ontology, annotator, files, steps);
                pipelineNanos += System.nanoTime() - start;
                start = System.nanoTime();
                concurrently(workers, pipeline, ontology, annotator, files);
                concurrentNanos += System.nanoTime() - start;
            }
            long peakHeap = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            long stepTotal = Arrays.stream(steps).sum();
            int documents = files.size() * MEASURED_ROUNDS;
            System.out.printf(Locale.ROOT, "%nMixed corpus: %d documents (%d per format: %s), %d passages, %d measured rounds,"
                    + " load average %s before and %s after%n", files.size(), MixedCorpus.PER_FORMAT, String.join(" ", MixedCorpus.FORMATS),
                    passages / MEASURED_ROUNDS, MEASURED_ROUNDS, loadBefore, loadAverage());
            System.out.printf(Locale.ROOT, "  plain in-process Tika, one thread:       %5.1f s per round, %5.1f documents/s%n",
                    tikaNanos / 1e9 / MEASURED_ROUNDS, documents / (tikaNanos / 1e9));
            System.out.printf(Locale.ROOT, "  pipeline, one worker, one file at once:  %5.1f s per round, %5.1f documents/s, %.2fx plain Tika%n",
                    pipelineNanos / 1e9 / MEASURED_ROUNDS, documents / (pipelineNanos / 1e9), (double) pipelineNanos / tikaNanos);
            System.out.printf(Locale.ROOT, "  pipeline, %d workers, %d files at once:   %5.1f s per round, %5.1f documents/s, %.2fx plain Tika (one thread)%n",
                    CONCURRENT, CONCURRENT, concurrentNanos / 1e9 / MEASURED_ROUNDS, documents / (concurrentNanos / 1e9),
                    (double) concurrentNanos / tikaNanos);
            System.out.printf(Locale.ROOT, "  peak heap of this JVM: %d MB (all rounds; each worker JVM has its own -Xmx%dm)%n",
                    peakHeap >> 20, workerHeapMegabytes);
            System.out.println("  share of the one-worker pipeline's time:");
            for (Step step : Step.values()) {
                System.out.printf(Locale.ROOT, "    %-9s %5.1f%%%n", step.name().toLowerCase(Locale.ROOT), 100.0 * steps[step.ordinal()] / stepTotal);
            }
        }
    }

    /** The whole pipeline over the files, {@value #CONCURRENT} files at a time. */
    private static void concurrently(DocumentExtractor extractor, TextPipeline pipeline, Ontology ontology, PassageAnnotator annotator,
            List<Path> files) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT)) {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                done.add(threads.submit(() -> {
                    long passages = 0;
                    long[] ignored = new long[Step.values().length];
                    for (int n = next.getAndIncrement(); n < files.size(); n = next.getAndIncrement()) {
                        passages += pipeline(extractor, pipeline, ontology, annotator, List.of(files.get(n)), ignored);
                    }
                    return passages;
                }));
            }
            for (Future<Long> thread : done) {
                thread.get();
            }
        }
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private enum Step { EXTRACT, REPAIR, SEGMENT, DESCRIBE, ANNOTATE }

    /** Every step of the pipeline up to indexing, each timed; returns the number of passages. */
    private static long pipeline(DocumentExtractor extractor, TextPipeline pipeline, Ontology ontology, PassageAnnotator annotator,
            List<Path> files, long[] steps) throws Exception {
        long passages = 0;
        for (Path file : files) {
            long t0 = System.nanoTime();
            ExtractedDocument extracted = extractor.extract(file, file.getFileName().toString(), null);
            long t1 = System.nanoTime();
            RepairedText repaired = pipeline.repair(extracted);
            long t2 = System.nanoTime();
            List<Passage> segmented = pipeline.segment(extracted, repaired);
            long t3 = System.nanoTime();
            pipeline.describe(file, new UploadFields(null, null, null, file.getFileName().toString()), extracted, repaired, segmented);
            long t4 = System.nanoTime();
            Set<String> themes = new LinkedHashSet<>();
            for (Passage passage : segmented) {
                for (Suggestion suggestion : annotator.annotate(passage.text())) {
                    themes.addAll(ontology.broaderClosure(suggestion.conceptIri()));
                }
            }
            long t5 = System.nanoTime();
            assertThat(segmented).as(file.getFileName().toString()).isNotEmpty();
            passages += segmented.size();
            steps[Step.EXTRACT.ordinal()] += t1 - t0;
            steps[Step.REPAIR.ordinal()] += t2 - t1;
            steps[Step.SEGMENT.ordinal()] += t3 - t2;
            steps[Step.DESCRIBE.ordinal()] += t4 - t3;
            steps[Step.ANNOTATE.ordinal()] += t5 - t4;
        }
        return passages;
    }

}
