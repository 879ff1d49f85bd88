package org.lararena.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tika.parser.AutoDetectParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.extract.MixedCorpus;
import org.lararena.platform.testing.TestServices;

/**
 * End to end (issue #14): ordinary office and PDF files from the start of their upload until every one is searchable
 * (or has failed with its reason), against plain in-process Tika, warm, on the same files in the same run, with each
 * ingest step's share of the work. The platform is warmed first on files of its own (the worker pool, the JIT).
 * It runs twice, each in a data directory of its own: as shipped, where a PDF page without a text layer is read
 * with Tesseract when it is installed, and with OCR turned off, as plain Tika runs here.
 *
 * <pre>./mvnw -B -Pbench -pl search-ui -am verify -DskipITs -Dtest=UploadToSearchableBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.files=DIR</pre>
 *
 * Without {@code -Dbench.files} the files are the generated mixed corpus's PDF, DOCX, ODT, RTF, PPTX and HTML
 * ({@link MixedCorpus}); with it, the first {@code -Dbench.count} (100) files of that folder by name.
 */
class UploadToSearchableBenchmark {

    private static final Set<String> OFFICE_AND_PDF = Set.of("pdf", "docx", "doc", "odt", "rtf", "pptx", "html");

    @TempDir
    Path data;
    @TempDir
    Path generated;

    @Test
    void officeAndPdfFilesUntilSearchableAgainstPlainTika() throws Exception {
        int count = Integer.getInteger("bench.count", 100);
        List<Path> corpus = MixedCorpus.generate(generated);
        AutoDetectParser tika = new AutoDetectParser();
        List<Path> measured = measuredFiles(corpus, count, tika);
        List<Path> warmUp = corpus.stream().filter(f -> !measured.contains(f)).limit(40).toList();
        System.out.printf("%d files (%s), %.1f MB; load average %s%n", measured.size(), extensions(measured),
                measured.stream().mapToLong(UploadToSearchableBenchmark::size).sum() / 1e6, BenchmarkSteps.loadAverage());

        MixedCorpus.plainTika(tika, measured);
        List<Double> plain = new ArrayList<>();
        plain.add(MixedCorpus.plainTika(tika, measured) / 1e9);

        String token = TestServices.get().accessToken("forskare", "forskare");
        Run shipped = run(data.resolve("shipped"), Map.of(), token, warmUp, measured);
        plain.add(MixedCorpus.plainTika(tika, measured) / 1e9);
        Run withoutOcr = run(data.resolve("without-ocr"), Map.of("LARARENA_EXTRACT_OCR", "false"), token, warmUp, measured);
        plain.add(MixedCorpus.plainTika(tika, measured) / 1e9);
        double tikaBest = plain.stream().mapToDouble(Double::doubleValue).min().orElseThrow();

        System.out.println("| | seconds | × plain warm Tika |");
        System.out.println("|---|---|---|");
        System.out.printf("| plain in-process Tika, warm, one thread, no OCR (three rounds: %.1f s, %.1f s, %.1f s) | %.1f | 1 |%n",
                plain.get(0), plain.get(1), plain.get(2), tikaBest);
        shipped.print("as shipped (OCR of pages without a text layer, Tesseract being installed)", tikaBest);
        withoutOcr.print("with `LARARENA_EXTRACT_OCR=false`, like plain Tika", tikaBest);
        System.out.println();
        shipped.details("as shipped");
        withoutOcr.details("without OCR");
    }

    /** One platform's end-to-end time, in a data directory of its own (else the second would find every file a duplicate). */
    private static Run run(Path directory, Map<String, String> settings, String token, List<Path> warmUp, List<Path> measured)
            throws Exception {
        ListAppender<ILoggingEvent> steps = BenchmarkSteps.capture();
        Map<String, String> names = new HashMap<>();
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("LARARENA_DEMO_DATA", "false");
        try (RunningApplication app = RunningApplication.start(Files.createDirectories(directory), environment)) {
            awaitSettled(app, token, uploadAll(app, token, warmUp, names), Duration.ofMinutes(10));
            steps.list.clear();
            long started = System.nanoTime();
            Set<String> ids = uploadAll(app, token, measured, names);
            double upload = (System.nanoTime() - started) / 1e9;
            Map<String, Long> statuses = awaitSettled(app, token, ids, Duration.ofMinutes(30));
            double endToEnd = (System.nanoTime() - started) / 1e9;
            return new Run(endToEnd, upload, statuses, BenchmarkSteps.loadAverage(), List.copyOf(steps.list), names);
        } finally {
            BenchmarkSteps.release(steps);
        }
    }

    private record Run(double endToEnd, double upload, Map<String, Long> statuses, String loadAverage, List<ILoggingEvent> steps,
            Map<String, String> names) {

        void print(String what, double tikaBest) {
            System.out.printf("| Lärarena %s, from the start of the upload until every file is searchable or failed | %.1f | **%.2f** |%n",
                    what, endToEnd, endToEnd / tikaBest);
        }

        void details(String what) {
            System.out.printf("%s: the upload request itself %.1f s; documents by status: %s; load average %s%n", what, upload,
                    statuses, loadAverage);
            BenchmarkSteps.shares(steps, names);
            System.out.println();
        }
    }

    /**
     * The generated corpus's office and PDF files, or the first {@code count} files of {@code -Dbench.files} that plain
     * Tika finds text in: a file without text (an empty test page, an image-only PDF) would time nothing on either side.
     */
    private static List<Path> measuredFiles(List<Path> corpus, int count, AutoDetectParser tika) throws Exception {
        String folder = System.getProperty("bench.files");
        if (folder == null) {
            return corpus.stream().filter(f -> OFFICE_AND_PDF.contains(extension(f))).limit(count).toList();
        }
        return MixedCorpus.withText(tika, Path.of(folder), count);
    }

    /** Uploads the files, 100 to a request; their ids, each named in {@code names} by its file. */
    private static Set<String> uploadAll(RunningApplication app, String token, List<Path> files, Map<String, String> names) throws Exception {
        Set<String> ids = new HashSet<>();
        List<RunningApplication.Upload> uploads = new ArrayList<>();
        for (Path file : files) {
            uploads.add(new RunningApplication.Upload(file.getFileName().toString(), "application/octet-stream", Files.readAllBytes(file)));
        }
        for (int from = 0; from < uploads.size(); from += 100) {
            HttpResponse<String> response = app.postFiles(token, uploads.subList(from, Math.min(uploads.size(), from + 100)), "pilot");
            if (response.statusCode() != 202) {
                throw new IllegalStateException("upload refused: " + response.statusCode() + " " + response.body());
            }
            for (Object item : new JsonArray(response.body())) {
                ids.add(((JsonObject) item).getString("id"));
                names.put(((JsonObject) item).getString("id"), ((JsonObject) item).getString("filename"));
            }
        }
        return ids;
    }

    /** Waits until each of {@code ids} is indexed, failed or a duplicate; the statuses it came to. */
    private static Map<String, Long> awaitSettled(RunningApplication app, String token, Set<String> ids, Duration limit) throws Exception {
        Map<String, Long> statuses = new TreeMap<>();
        RunningApplication.awaitCondition(limit, () -> {
            statuses.clear();
            for (JsonObject document : app.documents(token)) {
                if (ids.contains(document.getString("id"))) {
                    statuses.merge(document.getString("status"), 1L, Long::sum);
                }
            }
            return statuses.getOrDefault("indexed", 0L) + statuses.getOrDefault("failed", 0L) + statuses.getOrDefault("duplicate", 0L) == ids.size();
        });
        return statuses;
    }

    private static String extensions(List<Path> files) {
        Map<String, Long> byExtension = new TreeMap<>();
        files.forEach(f -> byExtension.merge(extension(f), 1L, Long::sum));
        return byExtension.toString();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
