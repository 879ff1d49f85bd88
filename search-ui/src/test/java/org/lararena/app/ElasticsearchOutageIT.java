package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.services.ManagedElasticsearch;
import org.lararena.platform.services.ManagedProcess;
import org.lararena.platform.services.Ports;
import org.lararena.platform.services.ServerDistributions;
import org.lararena.platform.testing.ProjectSources;
import org.lararena.platform.testing.TestServices;

/**
 * Elasticsearch killed (SIGKILL) in the middle of a 200-document ingest: the application keeps serving, says
 * what is down, keeps the waiting work, and when the node is back every document is indexed, each passage once.
 * The test runs a node of its own (the harness's is shared), on a free port with its own data folder.
 */
class ElasticsearchOutageIT {

    private static final int DOCUMENTS = 200;
    private static final int BATCH = 25;
    private static final String MARKER = "avbrottsprov";

    @TempDir
    Path dataDir;

    @Test
    void documentsIngestedWhileElasticsearchIsDownAreIndexedOnceEachWhenItReturns() throws Exception {
        // The harness first: its start stops every server running from its folder that no live run started (what a
        // killed run left), and this test's own nodes run from there too. Started after them, it stopped them.
        String token = TestServices.get().accessToken("forskare", "forskare");
        Path projectDir = ProjectSources.projectDirectory();
        Path nodeDir = projectDir.resolve("target/it-services/outage-elasticsearch");
        ServerDistributions.deleteTree(nodeDir.resolve("data"));
        ManagedElasticsearch node = new ManagedElasticsearch(ServerDistributions.locate(projectDir), nodeDir, Ports.freePort(), 512,
                Path.of(System.getProperty("java.home")));
        ManagedProcess elasticsearch = node.start(Duration.ofMinutes(5));
        try (RunningApplication app = RunningApplication.start(dataDir, Map.of("LARARENA_ES_URLS", node.url().toString()))) {
            List<String> ids = new ArrayList<>();
            for (int batch = 0; batch < DOCUMENTS / BATCH; batch++) {
                if (batch == 3) {
                    // Mid-ingest: some documents are in the index, the rest are on their way.
                    awaitStatuses(app, token, counts -> counts.getOrDefault("indexed", 0L) >= 10, Duration.ofMinutes(3));
                    Sigkill.kill(elasticsearch);
                }
                ids.addAll(upload(app, token, batch));
            }
            assertThat(ids).as("every upload got an id while Elasticsearch was down").hasSize(DOCUMENTS).doesNotHaveDuplicates();

            // While the node is down: the documents API answers, search and /health say what is missing.
            HttpResponse<String> documents = app.get("/api/documents?size=1", token);
            assertThat(documents.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(documents.body()).getLong("total")).isEqualTo(DOCUMENTS);
            HttpResponse<String> search = app.get("/api/search?q=" + MARKER, token);
            assertThat(search.statusCode()).as(search.body()).isEqualTo(503);
            assertThat(new JsonObject(search.body()).getString("detail")).containsIgnoringCase("Elasticsearch");
            HttpResponse<String> health = app.get("/health", null);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(new JsonObject(health.body()).getString("detail")).contains("elasticsearch");

            // Nothing is lost or failed while it waits: every document is indexed already or waits to be.
            Map<String, Long> waiting = awaitStatuses(app, token, counts -> counts.getOrDefault("indexed", 0L)
                    + counts.getOrDefault("indexing", 0L) == DOCUMENTS, Duration.ofMinutes(3));
            assertThat(waiting.keySet()).as("statuses while Elasticsearch is down").isSubsetOf("indexed", "indexing");
            assertThat(waiting.get("indexed")).as("documents indexed before the kill").isGreaterThanOrEqualTo(10);
            assertThat(waiting.get("indexing")).as("documents waiting for Elasticsearch").isPositive();

            // The node comes back on the same data: the waiting documents follow, none twice.
            elasticsearch = node.start(Duration.ofMinutes(5));
            Map<String, Long> after = awaitStatuses(app, token, counts -> counts.getOrDefault("indexed", 0L) == DOCUMENTS, Duration.ofMinutes(4));
            assertThat(after).containsExactly(Map.entry("indexed", (long) DOCUMENTS));
            assertThat(app.get("/health", null).statusCode()).isEqualTo(200);
            JsonObject found = new JsonObject(app.get("/api/search?q=" + MARKER + "&size=1", token).body());
            assertThat(found.getLong("total")).as("each document's one passage indexed exactly once").isEqualTo(DOCUMENTS);
            for (String id : List.of(ids.get(0), ids.get(DOCUMENTS / 2), ids.get(DOCUMENTS - 1))) {
                JsonObject document = new JsonObject(app.get("/api/documents/" + id, token).body());
                assertThat(document.getInteger("passages")).isEqualTo(1);
            }
            assertThat(app.config().dataPath("documents").resolve("pending-indexing").toFile().list()).as("the pending-indexing queue").isEmpty();
        } finally {
            elasticsearch.stop();
        }
    }

    private static List<String> upload(RunningApplication app, String token, int batch) throws Exception {
        List<RunningApplication.Upload> files = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            int n = batch * BATCH + i;
            String text = "Anteckning " + n + " från " + MARKER + "et. Vårdcentralen i område " + n
                    + " prövade ett nytt arbetssätt för uppföljning av patienter med kroniska sjukdomar.";
            files.add(new RunningApplication.Upload("avbrott-" + n + ".txt", "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = app.postFiles(token, files, "public");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new JsonArray(response.body()).stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }

    private static Map<String, Long> awaitStatuses(RunningApplication app, String token, Predicate<Map<String, Long>> done,
            Duration timeout) throws Exception {
        return Eventually.until(() -> app.statusCounts(token), done, timeout, Duration.ofSeconds(1));
    }
}
