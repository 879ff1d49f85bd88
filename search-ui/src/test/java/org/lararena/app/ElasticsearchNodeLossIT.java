package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.services.ManagedElasticsearch;
import org.lararena.platform.services.ManagedProcess;
import org.lararena.platform.services.Ports;
import org.lararena.platform.services.ServerDistributions;
import org.lararena.platform.testing.ProjectSources;
import org.lararena.platform.testing.TestServices;

/**
 * A cluster of two managed Elasticsearch nodes, one of them killed (SIGKILL) in the middle of an ingest: searches
 * keep answering, the documents uploaded before and after the loss are all indexed, each passage once, and nothing
 * waits for the lost node to come back. The node killed is the one that is not the elected master: of two nodes, the
 * master's loss stops every write until it is back (the durable queue keeps them; {@link ElasticsearchOutageIT}).
 */
class ElasticsearchNodeLossIT {

    private static final int DOCUMENTS = 100;
    /** Words of the documents uploaded before and after the loss (unrelated, so neither search finds the other's). */
    private static final String BEFORE = "lokomotiv";
    private static final String AFTER = "pingvin";

    @TempDir
    Path dataDir;

    @Test
    void losingOneNodeOfTwoLeavesSearchAndIngestWorkingAndEveryDocumentIndexedOnce() throws Exception {
        // The harness first: its start stops every server running from its folder that no live run started (what a
        // killed run left), and this test's own nodes run from there too. Started after them, it stopped them.
        String token = TestServices.get().accessToken("forskare", "forskare");
        List<ManagedElasticsearch> nodes = clusterOf(2);
        List<ManagedProcess> running = startTogether(nodes);
        String urls = String.join(",", nodes.stream().map(node -> node.url().toString()).toList());
        try (RunningApplication app = RunningApplication.start(dataDir, Map.of("LARARENA_ES_URLS", urls))) {
            List<String> ids = new ArrayList<>(app.uploadMany(token, DOCUMENTS / 2, BEFORE));
            RunningApplication.awaitCondition(Duration.ofMinutes(3), () -> app.statusCounts(token).getOrDefault("indexed", 0L) >= 10);
            // Every shard has its copy on the other node before one goes.
            assertThat(get(nodes.get(0).url().resolve("/_cluster/health?wait_for_status=green&timeout=120s")).getString("status")).isEqualTo("green");

            int master = electedMaster(nodes.get(0).url());
            int lost = 1 - master;
            Sigkill.kill(running.get(lost));

            ids.addAll(app.uploadMany(token, DOCUMENTS / 2, AFTER));
            HttpResponse<String> during = app.get("/api/search?q=" + BEFORE + "&size=1", token);
            assertThat(during.statusCode()).as("a search while a node is lost: " + during.body()).isEqualTo(200);

            Map<String, Long> settled = app.awaitAllSettled(token, DOCUMENTS, Duration.ofMinutes(4));
            assertThat(settled).as("every document indexed, none failed or waiting").containsExactly(Map.entry("indexed", (long) DOCUMENTS));
            assertThat(ids).doesNotHaveDuplicates().hasSize(DOCUMENTS);
            JsonObject before = new JsonObject(app.get("/api/search?q=" + BEFORE + "&size=1", token).body());
            JsonObject after = new JsonObject(app.get("/api/search?q=" + AFTER + "&size=1", token).body());
            int passagesEach = new JsonObject(app.get("/api/documents/" + ids.get(0), token).body()).getInteger("passages");
            assertThat(passagesEach).isPositive();
            assertThat(before.getLong("total") + after.getLong("total"))
                    .as("each document's passages indexed exactly once, read from the one node left").isEqualTo((long) passagesEach * DOCUMENTS);
            HttpResponse<String> health = app.get("/health", null);
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(get(nodes.get(master).url().resolve("/_cluster/health")).getInteger("number_of_nodes")).isEqualTo(1);
        } finally {
            running.forEach(ManagedProcess::stop);
        }
    }

    /** A cluster of its own (the harness's node is shared): {@code count} nodes on free ports, on fresh data. */
    private static List<ManagedElasticsearch> clusterOf(int count) throws IOException {
        Path projectDir = ProjectSources.projectDirectory();
        ServerDistributions distributions = ServerDistributions.locate(projectDir);
        List<Integer> transportPorts = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            transportPorts.add(Ports.freePort());
        }
        Path snapshots = projectDir.resolve("target/it-services/node-loss-snapshots");
        List<ManagedElasticsearch> nodes = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            Path nodeDir = projectDir.resolve("target/it-services/node-loss-elasticsearch-" + (index + 1));
            ServerDistributions.deleteTree(nodeDir.resolve("data"));
            nodes.add(new ManagedElasticsearch(distributions, nodeDir, Ports.freePort(), 512, Path.of(System.getProperty("java.home")),
                    new ManagedElasticsearch.Member(index, transportPorts, snapshots)));
        }
        return nodes;
    }

    /** The nodes of a cluster are ready only together (none elects a master alone), so they start side by side. */
    private static List<ManagedProcess> startTogether(List<ManagedElasticsearch> nodes) {
        try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<ManagedProcess>> starting = nodes.stream()
                    .map(node -> CompletableFuture.supplyAsync(() -> node.start(Duration.ofMinutes(5)), starters)).toList();
            return starting.stream().map(CompletableFuture::join).toList();
        }
    }

    /** Which node (0 or 1) is the elected master. */
    private static int electedMaster(URI anyNode) throws Exception {
        String name = new JsonArray(getText(anyNode.resolve("/_cat/master?format=json"))).getJsonObject(0).getString("node");
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    private static JsonObject get(URI uri) throws Exception {
        return new JsonObject(getText(uri));
    }

    private static String getText(URI uri) throws Exception {
        HttpResponse<String> response = RunningApplication.HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
