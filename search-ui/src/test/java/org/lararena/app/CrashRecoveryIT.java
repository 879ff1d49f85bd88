package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.services.Ports;
import org.lararena.platform.testing.TestServices;

/**
 * Killing the application (SIGKILL, no shutdown) in the middle of a 200-document ingest loses no document: after
 * a restart every one of them is indexed, once.
 */
class CrashRecoveryIT {

    private static final int DOCUMENTS = 200;

    @TempDir
    Path dataDir;

    @Test
    void aKilledApplicationResumesEveryUnfinishedDocumentAfterRestart() throws Exception {
        TestServices services = TestServices.get();
        int port = Ports.freePort();
        URI app = URI.create("http://127.0.0.1:" + port);
        Map<String, String> env = new HashMap<>();
        env.put("LARARENA_DATA_DIR", dataDir.toString());
        env.put("LARARENA_HTTP_PORT", String.valueOf(port));
        env.put("LARARENA_ES_URLS", services.elasticsearchUrl().toString());
        env.put("LARARENA_KEYCLOAK_URL", services.keycloakUrl().toString());
        env.put("LARARENA_INDEX_PREFIX", "crash-" + Long.toHexString(System.nanoTime()));
        env.put("LARARENA_DEMO_DATA", "false");
        String token = services.accessToken("forskare", "forskare");

        Process first = CliRunner.start(env, "up");
        List<String> ids = new ArrayList<>();
        try {
            awaitHealthy(app);
            for (int batch = 0; batch < DOCUMENTS / 25; batch++) {
                ids.addAll(upload(app, token, batch));
            }
        } finally {
            first.destroyForcibly().waitFor();
        }
        assertThat(ids).hasSize(DOCUMENTS);

        Process second = CliRunner.start(env, "up");
        try {
            awaitHealthy(app);
            Map<String, Long> statuses = Eventually.until(() -> RunningApplication.statusCounts(app, token), counts -> counts.getOrDefault("indexed", 0L) == DOCUMENTS,
                    Duration.ofMinutes(4), Duration.ofSeconds(1));
            assertThat(statuses).as("statuses after the restart").containsEntry("indexed", (long) DOCUMENTS);
            JsonObject found = new JsonObject(RunningApplication.get(app, "/api/search?q=kraschprov&size=1", token).body());
            assertThat(found.getLong("total")).as("each document's passage indexed exactly once").isEqualTo(DOCUMENTS);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    /** Uploads the batch's 25 small public text files in one request; returns their ids. */
    private static List<String> upload(URI app, String token, int batch) throws Exception {
        List<RunningApplication.Upload> files = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            int n = batch * 25 + i;
            files.add(new RunningApplication.Upload("krasch-" + n + ".txt", "text/plain",
                    ("Dokument nummer " + n + " i kraschprov om vårdcentralens arbete.").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = RunningApplication.postFiles(app, token, files, "public");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new JsonArray(response.body()).stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }

    private static void awaitHealthy(URI app) throws Exception {
        ManagedUp.await("the application at " + app + " is healthy", Duration.ofMinutes(2),
                () -> RunningApplication.get(app, "/health", null).statusCode() == 200);
    }
}
