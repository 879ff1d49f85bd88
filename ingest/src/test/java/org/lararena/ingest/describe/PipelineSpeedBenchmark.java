package org.lararena.ingest.describe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.extract.DocumentExtractor;
import org.lararena.ingest.extract.ExtractionSettings;
import org.lararena.ingest.extract.ExtractedDocument;
import org.lararena.ingest.extract.MixedCorpus;
import org.lararena.ingest.extract.TestCorpus;

/**
 * Extraction through the warm worker pool, and the whole text pipeline, timed against plain in-process Tika
 * on the corpus, side by side in one run, printing the ratios. A benchmark, not a test: it runs only with
 * {@code ./mvnw -Pbench -pl ingest test} and asserts no timing.
 */
class PipelineSpeedBenchmark {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 8;

    @Test
    void theWarmWorkerCostsLittleMoreThanPlainInProcessTika() throws Exception {
        List<Path> files = List.of(TestCorpus.file("halsolabb-lagesrapport-2021.pdf"), TestCorpus.file("naravardpodden-ep33-transkript.docx"),
                TestCorpus.file("halsolabb-lagesrapport-2021.txt"), TestCorpus.file("naravardpodden-ep33-transkript.txt"));
        AutoDetectParser tika = new AutoDetectParser();
        TextPipeline pipeline = new TextPipeline();
        try (DocumentExtractor extractor = new DocumentExtractor(ExtractionSettings.withoutOcr().build())) {
            extractor.warmUp();
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                plainTika(tika, files);
                viaWorker(extractor, pipeline, files, false);
                viaWorker(extractor, pipeline, files, true);
            }
            long tikaNanos = 0;
            long workerNanos = 0;
            long pipelineNanos = 0;
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                tikaNanos += plainTika(tika, files);
                workerNanos += viaWorker(extractor, pipeline, files, false);
                pipelineNanos += viaWorker(extractor, pipeline, files, true);
            }
            double perRound = MEASURED_ROUNDS * 1e6;
            System.out.printf(Locale.ROOT, "Corpus (%d files) per round: plain in-process Tika %.0f ms, warm worker extraction %.0f ms (%.2fx), "
                    + "worker extraction + repair + segment + describe %.0f ms (%.2fx)%n", files.size(), tikaNanos / perRound,
                    workerNanos / perRound, (double) workerNanos / tikaNanos, pipelineNanos / perRound, (double) pipelineNanos / tikaNanos);
        }
    }

    /** Parses every file with plain in-process Tika, as a caller without isolation would; returns the nanoseconds. */
    static long plainTika(AutoDetectParser tika, List<Path> files) throws Exception {
        return MixedCorpus.plainTika(tika, files);
    }

    private static long viaWorker(DocumentExtractor extractor, TextPipeline pipeline, List<Path> files, boolean wholePipeline) throws Exception {
        long start = System.nanoTime();
        for (Path file : files) {
            ExtractedDocument extracted = extractor.extract(file, file.getFileName().toString(), null);
            if (wholePipeline) {
                assertThat(pipeline.process(file, new UploadFields(null, null, null, file.getFileName().toString()), extracted).passages()).isNotEmpty();
            }
        }
        return System.nanoTime() - start;
    }
}
