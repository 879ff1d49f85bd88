package org.lararena.ingest.extract;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
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
 * With {@code -Dbench.files=DIR} the files of that folder that plain Tika finds text in, with {@code -Dbench.ocr=true}
 * OCR on in the worker and the same code (plain Tika never OCRs); the slowest files of each are printed.
 * A benchmark, not a test: {@code ./mvnw -Pbench -pl ingest test -Dtest=ExtractionCostBenchmark}.
 */
class ExtractionCostBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    @TempDir
    Path dir;

    @Test
    void whereTheTimeOfAnIsolatedExtractionGoes() throws Exception {
        AutoDetectParser tika = new AutoDetectParser();
        List<Path> files = files(tika);
        LararenaConfig.Extraction config = ExtractionSettings.withoutOcr().ocr(Boolean.getBoolean("bench.ocr")).workers(1)
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
                Map<String, Long> inProcessPerFile = new HashMap<>();
                for (Path file : files) {
                    timed(inProcessPerFile, file, () -> inProcess.extract(file, file.getFileName().toString(), null));
                }
                long t2 = System.nanoTime();
                Map<String, Long> workerPerFile = new HashMap<>();
                for (Path file : files) {
                    timed(workerPerFile, file, () -> extractor.extract(file, file.getFileName().toString(), null));
                }
                long t3 = System.nanoTime();
                System.out.println("slowest in this JVM: " + slowest(inProcessPerFile));
                System.out.println("slowest in the worker: " + slowest(workerPerFile));
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

    private interface Extraction {
        ExtractedDocument run() throws ExtractionException;
    }

    /** Runs one extraction, noting its time under the file's name; a file that fails is timed all the same. */
    private static void timed(Map<String, Long> times, Path file, Extraction extraction) {
        long start = System.nanoTime();
        try {
            extraction.run();
        } catch (ExtractionException e) {
            System.out.printf("%s failed: %s%n", file.getFileName(), e.getMessage());
        }
        times.put(file.getFileName().toString(), System.nanoTime() - start);
    }

    private static String slowest(Map<String, Long> times) {
        return times.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 1e9))
                .collect(Collectors.joining(", "));
    }

    /** The files of {@code -Dbench.files} that plain Tika finds text in, else the generated mixed corpus. */
    private List<Path> files(AutoDetectParser tika) throws Exception {
        String folder = System.getProperty("bench.files");
        if (folder == null) {
            return MixedCorpus.generate(dir);
        }
        return MixedCorpus.withText(tika, Path.of(folder), Integer.MAX_VALUE);
    }
}
