package org.lararena.app;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.testing.TestServices;

/**
 * A very long document as a researcher reads and codes it (issue #14's bad input: a document of 50,000 paragraphs):
 * what Dokument and Kodning ask for, a part at a time, against the whole document the way they asked before, side by
 * side in one run on one platform. Each read is timed {@code -Dbench.rounds} (3) times after one untimed read; the
 * median is printed.
 *
 * <pre>./mvnw -B -Pbench -pl search-ui -am verify -DskipITs -Dtest=LongDocumentBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * {@code -Dbench.paragraphs} (50,000) short paragraphs of words of the field in a seeded random order, each numbered:
 * our own writing, no sentence of it real.
 */
class LongDocumentBenchmark {

    private static final List<String> WORDS = List.of("vårdcentralen", "kommunen", "regionen", "samverkan", "patienten",
            "sjuksköterskan", "hemtjänsten", "läkaren", "uppföljning", "kontinuitet", "tillgänglighet", "ledningen", "personalen",
            "arbetssätt", "mötet", "planeringen", "journalen", "telefonen", "väntetiden", "besöket", "digitala", "verktyg",
            "kompetens", "utbildning", "hälsa", "förebyggande", "insatser", "äldre", "barn", "familjen", "anhöriga", "boendet",
            "vården", "omsorgen");
    private static final Duration PATIENT = Duration.ofMinutes(10);

    @TempDir
    Path data;

    @Test
    void aPartOfAVeryLongDocumentAgainstTheWholeOfIt() throws Exception {
        int paragraphs = Integer.getInteger("bench.paragraphs", 50_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        String token = TestServices.get().accessToken("forskare", "forskare");
        try (RunningApplication app = RunningApplication.start(data, Map.of("LARARENA_DEMO_DATA", "false"))) {
            long start = System.nanoTime();
            String id = app.upload(token, "femtiotusen-stycken.txt", text(paragraphs), "public");
            app.awaitAllSettled(token, 1, PATIENT);
            double ingest = (System.nanoTime() - start) / 1e9;
            String fresh = TestServices.get().accessToken("forskare", "forskare");
            JsonObject document = new JsonObject(app.get("/api/documents/" + id, fresh).body());
            int passages = document.getInteger("passages");
            int part = 500;
            int middle = passages / 2 / part * part;
            System.out.printf("%,d paragraphs, %,d passages, %s after %.0f s; load average %s%n", paragraphs, passages,
                    document.getString("status"), ingest, BenchmarkSteps.loadAverage());

            String api = "/api/documents/" + id;
            List<Row> rows = List.of(
                    new Row("annotations, the whole document (as the pages asked before)", time(app, api + "/annotations", fresh, rounds)),
                    new Row("annotations of a part of 500 passages, the first", time(app, api + "/annotations?from=0&count=" + part, fresh, rounds)),
                    new Row("annotations of a part of 500 passages, in the middle",
                            time(app, api + "/annotations?from=" + middle + "&count=" + part, fresh, rounds)),
                    new Row("review log, every entry (as Kodning asked before)", time(app, api + "/review-log", fresh, rounds)),
                    new Row("review log, people's reviews (`?annotator=false`)", time(app, api + "/review-log?annotator=false", fresh, rounds)),
                    new Row("passages, the whole document", time(app, api + "/passages", fresh, rounds)),
                    new Row("passages of a part of 500, in the middle", time(app, api + "/passages?from=" + middle + "&count=" + part, fresh, rounds)));
            double whole = rows.get(0).timing().seconds();
            System.out.println("| read | median | bytes | × the whole document's annotations |");
            System.out.println("|---|---|---|---|");
            rows.forEach(row -> System.out.printf("| %s | %.2f s | %,d | %.3f |%n", row.what(), row.timing().seconds(),
                    row.timing().bytes(), row.timing().seconds() / whole));
        }
    }

    private record Timing(double seconds, long bytes) {
    }

    private record Row(String what, Timing timing) {
    }

    /** The median of {@code rounds} reads of {@code path}, after one untimed. */
    private static Timing time(RunningApplication app, String path, String token, int rounds) throws Exception {
        List<Double> seconds = new ArrayList<>();
        long bytes = 0;
        for (int round = 0; round <= rounds; round++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve(path)).timeout(PATIENT)
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + new String(response.body()));
            }
            bytes = response.body().length;
            if (round > 0) {
                seconds.add(elapsed);
            }
        }
        seconds.sort(Double::compare);
        return new Timing(seconds.get(seconds.size() / 2), bytes);
    }

    private static String text(int paragraphs) {
        Random random = new Random(7);
        return IntStream.range(0, paragraphs).mapToObj(i -> "Punkt " + (i + 1) + ": "
                + IntStream.range(0, 8 + random.nextInt(9)).mapToObj(w -> WORDS.get(random.nextInt(WORDS.size()))).collect(Collectors.joining(" ")) + ".")
                .collect(Collectors.joining("\n\n"));
    }
}
