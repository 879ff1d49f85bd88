package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
            Map<String, Long> statuses = Eventually.until(() -> statusCounts(app, token), counts -> counts.getOrDefault("indexed", 0L) == DOCUMENTS,
                    Duration.ofMinutes(4), Duration.ofSeconds(1));
            assertThat(statuses).as("statuses after the restart").containsEntry("indexed", (long) DOCUMENTS);
            JsonObject found = new JsonObject(RunningApplication.get(app, "/api/search?q=kraschprov&size=1", token).body());
            assertThat(found.getLong("total")).as("each document's passage indexed exactly once").isEqualTo(DOCUMENTS);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static List<String> upload(URI app, String token, int batch) throws Exception {
        String boundary = "crash" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\npublic\r\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 25; i++) {
            int n = batch * 25 + i;
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"krasch-" + n
                    + ".txt\"\r\nContent-Type: text/plain\r\n\r\nDokument nummer " + n + " i kraschprov om vårdcentralens arbete.\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.resolve("/api/documents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new JsonArray(response.body()).stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }

    private static Map<String, Long> statusCounts(URI app, String token) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (JsonObject document : RunningApplication.documents(app, token)) {
            counts.merge(document.getString("status"), 1L, Long::sum);
        }
        return counts;
    }

    private static void awaitHealthy(URI app) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (RunningApplication.get(app, "/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not become healthy at " + app);
    }
}
