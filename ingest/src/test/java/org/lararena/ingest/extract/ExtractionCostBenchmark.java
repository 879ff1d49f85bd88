package org.lararena.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaConfig;

/**
 * Where the time of an isolated extraction goes, on the mixed corpus: plain Tika in this JVM, the same
 * extraction code as the worker's (detection, zip-bomb check, page handler, nesting limit) in this JVM, and the
 * worker process (the same code plus the round trip and the worker JVM), interleaved round by round.
 * A benchmark, not a test: {@code ./mvnw -Pbench -pl ingest test -Dtest=ExtractionCostBenchmark}.
 */
class ExtractionCostBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    @TempDir
    Path dir;

    @Test
    void whereTheTimeOfAnIsolatedExtractionGoes() throws Exception {
        List<Path> files = MixedCorpus.generate(dir);
        AutoDetectParser tika = new AutoDetectParser();
        LararenaConfig.Extraction config = ExtractionSettings.withoutOcr().workers(1)
                .filesPerWorker(Integer.getInteger("bench.filesPerWorker", LararenaConfig.Extraction.defaults().filesPerWorker())).build();
        InProcessExtraction inProcess = new InProcessExtraction(config);
        Detector detector = TikaConfig.getDefaultConfig().getDetector();
        try (DocumentExtractor extractor = new DocumentExtractor(config)) {
            extractor.warmUp();
            long[] plain = new long[ROUNDS + 1];
            long[] same = new long[ROUNDS + 1];
            long[] worker = new long[ROUNDS + 1];
            long[] detection = new long[ROUNDS + 1];
            long[] zipCheck = new long[ROUNDS + 1];
            for (int round = 0; round <= ROUNDS; round++) {
                long t0 = System.nanoTime();
                MixedCorpus.plainTika(tika, files);
                long t1 = System.nanoTime();
                for (Path file : files) {
                    assertThat(inProcess.extract(file, file.getFileName().toString(), null).text()).isNotBlank();
                }
                long t2 = System.nanoTime();
                for (Path file : files) {
                    assertThat(extractor.extract(file, file.getFileName().toString(), null).text()).isNotBlank();
                }
                long t3 = System.nanoTime();
                for (Path file : files) {
                    Metadata metadata = new Metadata();
                    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
                    try (TikaInputStream in = TikaInputStream.get(file)) {
                        detector.detect(in, metadata);
                    }
                }
                long t4 = System.nanoTime();
                for (Path file : files) {
                    if (file.toString().endsWith("x") || file.toString().endsWith(".odt")) {
                        ZipBombCheck.suspicion(file, 100);
                    }
                }
                long t5 = System.nanoTime();
                plain[round] = t1 - t0;
                same[round] = t2 - t1;
                worker[round] = t3 - t2;
                detection[round] = t4 - t3;
                zipCheck[round] = t5 - t4;
                System.out.printf(Locale.ROOT, "round %d: plain %.2f s, same code in-process %.2f s, worker %.2f s,"
                        + " detection alone %.2f s, zip check alone %.2f s%n", round, plain[round] / 1e9, same[round] / 1e9,
                        worker[round] / 1e9, detection[round] / 1e9, zipCheck[round] / 1e9);
            }
        }
    }
}
