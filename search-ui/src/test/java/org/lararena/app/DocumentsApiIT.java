package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.testing.TestServices;

/** The documents API as researchers and pilots use it, on the real servers. */
class DocumentsApiIT {

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static String researcher;

    @BeforeAll
    static void start() {
        app = RunningApplication.start(dataDir, Map.of("LARARENA_MAX_UPLOAD_MB", "1",
                "LARARENA_WATCH_DIR", dataDir.resolve("inkorg").toString()));
        researcher = TestServices.get().accessToken("forskare", "forskare");
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void passagesComeInReadingOrderWithOffsetsIntoTheText() throws Exception {
        String second = PlatformFoundationIT.PARAGRAPH_TWO.replace("MARKER", "väntetidsgruppen");
        String text = PlatformFoundationIT.PARAGRAPH_ONE + "\n\n" + second + "\n\n" + PlatformFoundationIT.PARAGRAPH_ONE.replace("Inledningsvis", "Avslutningsvis") + "\n";
        String id = app.upload(researcher, "stycken.txt", text, "pilot");
        app.awaitStatus(id, researcher, "indexed");

        JsonArray passages = new JsonArray(app.get("/api/documents/" + id + "/passages", researcher).body());

        assertThat(passages).isNotEmpty();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            JsonObject passage = passages.getJsonObject(i);
            assertThat(passage.getInteger("ordinal")).isEqualTo(i);
            assertThat(passage.getInteger("end") - passage.getInteger("start")).isEqualTo(passage.getString("text").length());
            all.append(passage.getString("text")).append(' ');
        }
        assertThat(all.toString()).contains("väntetidsgruppen").contains("Inledningsvis").contains("Avslutningsvis");
        assertThat(all.indexOf("Inledningsvis")).isLessThan(all.indexOf("väntetidsgruppen")).isLessThan(all.indexOf("Avslutningsvis"));
    }

    @Test
    void aBearerCallToTheApiStartsNoSessionWhileABrowserPageStillDoes() throws Exception {
        HttpResponse<String> api = app.get("/api/documents", researcher);
        HttpResponse<String> page = app.get("/", null);

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().allValues("set-cookie")).as("no session stored for a bearer call").isEmpty();
        assertThat(page.headers().allValues("set-cookie")).anyMatch(cookie -> cookie.startsWith("lararena.session="));
    }

    @Test
    void theOriginalComesBackByteForByteUnderAFileNameThatCannotBreakTheHeader() throws Exception {
        String id = app.upload(researcher, "../../etc/Årsrapport (utkast).txt", "original bytes å ä ö", "public");

        HttpResponse<String> original = app.get("/api/documents/" + id + "/original", researcher);

        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo("original bytes å ä ö");
        String disposition = original.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).isEqualTo("attachment; filename=\"Arsrapport _utkast_.txt\"; filename*=UTF-8''%C3%85rsrapport%20%28utkast%29.txt");
        assertThat(new JsonObject(app.get("/api/documents/" + id, researcher).body()).getString("filename")).isEqualTo("Årsrapport (utkast).txt");
    }

    @Test
    void theSameBytesTwiceMakeADuplicateNamingTheFirst() throws Exception {
        String first = app.upload(researcher, "a.txt", "samma innehåll två gånger", "public");
        HttpResponse<String> second = app.postFile(researcher, "b.txt", "samma innehåll två gånger", "public");

        JsonObject answer = new JsonArray(second.body()).getJsonObject(0);
        assertThat(answer.getString("status")).isEqualTo("duplicate");
        assertThat(answer.getString("duplicateOf")).isEqualTo(first);
    }

    @Test
    void aDuplicateNamesTheFirstDocumentByItsTitle() throws Exception {
        String first = app.postFile(researcher, "c.txt", "ett innehåll med titel", Map.of("visibility", "public", "title", "Lägesbild mars"))
                .body().transform(body -> new JsonArray(body).getJsonObject(0).getString("id"));

        JsonObject answer = new JsonArray(app.postFile(researcher, "d.txt", "ett innehåll med titel", "public").body()).getJsonObject(0);

        assertThat(answer.getString("duplicateOf")).isEqualTo(first);
        assertThat(answer.getString("duplicateOfTitle")).isEqualTo("Lägesbild mars");
    }

    @Test
    void aFailedFileUploadedAgainIsANewAttemptAndAFailedDocumentCanBeRetried() throws Exception {
        String blank = "   \n\n\t  \n";
        String failed = app.upload(researcher, "blank.txt", blank, "public");
        app.awaitStatus(failed, researcher, "failed");

        String attempt = app.upload(researcher, "blank.txt", blank, "public");

        assertThat(new JsonObject(app.get("/api/documents/" + failed, researcher).body()).getString("retriedAs")).isEqualTo(attempt);
        app.awaitStatus(attempt, researcher, "failed");
        HttpResponse<String> retryOld = app.send("POST", "/api/documents/" + failed + "/retry", null, researcher);
        assertThat(retryOld.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(retryOld.body()).getString("detail")).contains("/dokument/" + attempt);
        assertThat(app.send("POST", "/api/documents/" + attempt + "/retry", null, TestServices.get().accessToken("pilot", "pilot")).statusCode())
                .isEqualTo(403);

        HttpResponse<String> retry = app.send("POST", "/api/documents/" + attempt + "/retry", null, researcher);

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(app.awaitStatus(attempt, researcher, "failed").getString("error")).isEqualTo("Filen innehåller ingen text som kunde läsas ut.");
    }

    @Test
    void aFileAboveTheSizeLimitIsRefusedWith413() throws Exception {
        HttpResponse<String> response = app.postFile(researcher, "stor.txt", "x".repeat(1_200_000), "public");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("payload_too_large");
    }

    @Test
    void theProgressStreamShowsEachStatusToResearchersOnly() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(app.url.resolve("/api/ingest/events"))
                .header("Authorization", "Bearer " + researcher).build();
        HttpResponse<InputStream> stream = RunningApplication.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    events.add(line);
                }
            } catch (Exception e) {
                // the stream ends with the test
            }
        });
        reader.setDaemon(true);
        reader.start();

        String id = app.upload(researcher, "strom.txt", "Ett stycke för händelseströmmen.", "public");

        List<String> statuses = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!statuses.contains("indexed") && System.nanoTime() < deadline) {
            String line = events.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("data: ") && line.contains(id)) {
                statuses.add(new JsonObject(line.substring(6)).getString("status"));
            }
        }
        assertThat(statuses).containsSubsequence("extracting", "indexing", "indexed");
        HttpResponse<String> asPilot = app.get("/api/ingest/events", TestServices.get().accessToken("pilot", "pilot"));
        assertThat(asPilot.statusCode()).isEqualTo(403);
    }

    @Test
    void invalidUploadFieldsAreA400NamingTheField() throws Exception {
        HttpResponse<String> response = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/api/documents"))
                .header("Authorization", "Bearer " + researcher)
                .header("Content-Type", "multipart/form-data; boundary=XX")
                .POST(HttpRequest.BodyPublishers.ofString("--XX\r\nContent-Disposition: form-data; name=\"date\"\r\n\r\nigår\r\n"
                        + "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\ntext\r\n--XX--\r\n"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getString("detail")).contains("date");
    }

    @Test
    void aReindexByAnAdminKeepsEverySearchResultAndMovesTheAlias() throws Exception {
        String id = app.upload(researcher, "omindex.txt", "Ett stycke om omindexering av kompetensförsörjning.", "public");
        app.awaitStatus(id, researcher, "indexed");
        String before = app.get("/api/search?q=omindexering", researcher).body();
        String admin = TestServices.get().accessToken("admin", "admin");

        HttpResponse<String> refused = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/api/admin/reindex"))
                .header("Authorization", "Bearer " + researcher).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> done = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/api/admin/reindex"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonObject job = app.finishedJob(done, admin);
        assertThat(job.getString("state")).as(job.encode()).isEqualTo("done");
        assertThat(job.getString("kind")).isEqualTo("reindex");
        JsonObject result = job.getJsonObject("result");
        assertThat(result.getString("to")).endsWith("-000002");
        assertThat(result.getLong("passages")).isPositive();
        JsonObject after = new JsonObject(app.get("/api/search?q=omindexering", researcher).body());
        assertThat(after.getLong("total")).isEqualTo(new JsonObject(before).getLong("total")).isEqualTo(1);
    }

    @Test
    void aFileDroppedInTheWatchedFolderIsIngestedAndMovedAside() throws Exception {
        Path inbox = dataDir.resolve("inkorg");
        Files.createDirectories(inbox.resolve("värmland"));
        Path dropped = Files.writeString(inbox.resolve("värmland/inkorgsanteckning.txt"), "Ett stycke om sjöfartsverket och vårdcentralen.");

        JsonObject document = Eventually.until(() -> new JsonObject(app.get("/api/documents?size=200", researcher).body()).getJsonArray("documents")
                .stream().map(JsonObject.class::cast).filter(item -> "inkorgsanteckning.txt".equals(item.getString("filename")))
                .findFirst().orElse(null), Objects::nonNull, Duration.ofSeconds(30));
        assertThat(document).as("the dropped file became a document").isNotNull();
        app.awaitStatus(document.getString("id"), researcher, "indexed");
        assertThat(dropped).doesNotExist();
        try (var imported = Files.list(inbox.resolve(".imported"))) {
            assertThat(imported.map(p -> p.getFileName().toString())).anySatisfy(name -> assertThat(name).endsWith("inkorgsanteckning.txt"));
        }
        assertThat(new JsonObject(app.get("/api/search?q=sjöfartsverket", researcher).body()).getLong("total")).isEqualTo(1);
    }

    @Test
    void markupInsideDocumentsIsShownAsTextOnTheDocumentPageNeverRun() throws Exception {
        String text = "Ett stycke med <script>alert('lurad')</script> och <img src=x onerror=alert(2)> i själva texten, "
                + "som en forskare klistrat in från ett mejl om samverkan mellan kommun och region och fast vårdkontakt.";
        String id = app.upload(researcher, "markup.txt", text, "public");
        app.awaitStatus(id, researcher, "indexed");

        String page = app.get("/dokument/" + id, researcher).body();
        String search = app.get("/sok?q=lurad", researcher).body();

        for (String html : List.of(page, search)) {
            assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;");
        }
    }

    @Test
    void passagesAreAnnotatedWithThemesThatSearchFiltersAndCounts() throws Exception {
        String text = "Patienterna i glesbygden saknar fast läkarkontakt och möter nya hyrläkare vid varje besök på vårdcentralen, "
                + "så de får berätta sin historia om och om igen för personal som inte känner dem sedan tidigare.";
        String id = app.upload(researcher, "tema.txt", text, "public");
        app.awaitStatus(id, researcher, "indexed");
        String kontinuitet = "https://w3id.org/lararena/tema/kontinuitet";

        JsonObject result = new JsonObject(app.get("/api/search?q=glesbygden&theme=" + URLEncoder.encode(kontinuitet, "UTF-8"), researcher).body());

        assertThat(result.getLong("total")).isEqualTo(1);
        JsonObject hit = result.getJsonArray("hits").getJsonObject(0);
        assertThat(hit.getJsonArray("themes").stream().map(t -> ((JsonObject) t).getString("label"))).contains("Kontinuitet");
        assertThat(result.getJsonObject("facets").getJsonArray("theme").stream().map(t -> (JsonObject) t))
                .anySatisfy(t -> assertThat(t.getString("label")).isEqualTo("Kontinuitet"));
    }

}
