package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.testing.TestServices;

/**
 * Stopping the application with many files still waiting for extraction does not work through them first: it
 * stops promptly, and after the next start the waiting documents are ingested, each once.
 */
class ShutdownIT {

    /** Enough that working through them all before stopping takes minutes (about three files a second on a busy machine). */
    private static final int DOCUMENTS = 600;

    @TempDir
    Path dataDir;

    @Test
    void stoppingWithManyFilesQueuedIsPromptAndTheyAreIngestedAfterTheNextStart() throws Exception {
        String token = TestServices.get().accessToken("forskare", "forskare");
        Map<String, String> settings = Map.of("LARARENA_EXTRACT_WORKERS", "1",
                "LARARENA_INDEX_PREFIX", "shutdown-" + Long.toHexString(System.nanoTime()));
        RunningApplication first = RunningApplication.start(dataDir, settings);
        List<String> ids;
        try {
            ids = first.uploadMany(token, DOCUMENTS, "avstängningsprovet");
            Map<String, Long> atStop = first.statusCounts(token);
            assertThat(atStop.getOrDefault("queued", 0L)).as("documents still queued when the application stops: %s", atStop).isPositive();
        } finally {
            // A generous bound, not a timing assert: before, the application worked through every queued file first.
            long stopping = System.nanoTime();
            assertThat(first.stopWithin(Duration.ofSeconds(60))).as("the application stopped").isTrue();
            System.out.printf("ShutdownIT: stopped in %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
        }

        try (RunningApplication second = RunningApplication.start(dataDir, settings)) {
            Map<String, Long> statuses = second.awaitAllSettled(token, DOCUMENTS, Duration.ofMinutes(10));
            assertThat(statuses).as("statuses after the restart").isEqualTo(Map.of("indexed", (long) DOCUMENTS));
            JsonObject found = new JsonObject(second.get("/api/search?q=avstängningsprovet+nummer+599&size=100", token).body());
            assertThat(found.getJsonArray("hits").stream().map(hit -> ((JsonObject) hit).getString("documentId")))
                    .as("the last queued document is searchable").contains(ids.get(DOCUMENTS - 1));
        }
    }
}
