package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lararena.platform.testing.TestServices;

/**
 * {@code ./lararena up} with its own managed Elasticsearch, killed with SIGKILL as the kernel's out-of-memory
 * killer would: the running platform starts it again by itself, {@code /health} and {@code ./lararena status}
 * name it while it is away, the log says how it died, and search answers again, a document uploaded meanwhile
 * included.
 */
class SupervisedElasticsearchIT {

    private static final String MARKER = "övervakningsprov";

    @Test
    void aKilledManagedElasticsearchIsRestartedAndSearchAnswersAgain() throws Exception {
        // A back-off long enough that the test surely sees the node away, however fast the machine.
        try (ManagedUp up = new ManagedUp("supervision-it", Map.of("LARARENA_RESTART_BACKOFF_SECONDS", "15"))) {
            String token = TestServices.get().accessToken("forskare", "forskare");
            up.start();
            up.upload(token, "fore.txt", "Anteckning före om " + MARKER + " av vårdcentralens tjänster.");
            ManagedUp.await("the first document is found", Duration.ofMinutes(2), () -> up.hits(token, MARKER) == 1);

            List<String> firstStartsProbes = launcherProbeFolders(up);
            assertThat(firstStartsProbes).as("the launcher's probe folders in the node's folder after the first start").isNotEmpty();
            long killed = killElasticsearchServer(up);

            ManagedUp.await("/health names Elasticsearch", Duration.ofMinutes(1), () -> {
                HttpResponse<String> health = up.get("/health", null);
                return health.statusCode() == 503 && new JsonObject(health.body()).getJsonObject("checks")
                        .getJsonObject("elasticsearch").getString("detail").contains("restarting");
            });
            JsonObject status = new JsonObject(up.cli("status").out());
            assertThat(status.getJsonObject("elasticsearch").getString("state")).isEqualTo("restarting");
            assertThat(status.getJsonObject("elasticsearch").getString("detail")).contains("died with exit status");
            // Work that needs the node waits for it: an upload meanwhile is kept and indexed when it is back.
            up.upload(token, "under.txt", "Anteckning under avbrottet om " + MARKER + " av vårdcentralens tjänster.");

            ManagedUp.await("search answers again with both documents", Duration.ofMinutes(5), () -> up.hits(token, MARKER) == 2);
            assertThat(up.get("/health", null).statusCode()).isEqualTo(200);
            JsonObject after = new JsonObject(up.cli("status").out());
            assertThat(after.getJsonObject("elasticsearch").getString("state")).isEqualTo("up");
            assertThat(RunState.read(up.dataDir).orElseThrow().getJsonArray("serverPids", new JsonArray()).getList()).doesNotContain(killed);
            assertThat(up.log()).contains("Elasticsearch (process").contains("died with exit status").contains("The last lines of its log")
                    .contains("Elasticsearch is running again");
            // Elasticsearch's launcher leaves folders of its JVM probe at every start: in the node's own folder, and
            // the last start's only (not more in the machine's /tmp at every start).
            assertThat(launcherProbeFolders(up)).as("the launcher's probe folders after the second start").isNotEmpty()
                    .doesNotContainAnyElementsOf(firstStartsProbes);
        }
    }

    /** The folders Elasticsearch's launcher made for its JVM probe ({@code final-flags…}) in the node's temporary folder. */
    private static List<String> launcherProbeFolders(ManagedUp up) throws Exception {
        try (Stream<Path> found = Files.list(up.dataDir.resolve("elasticsearch").resolve("tmp"))) {
            return found.map(f -> f.getFileName().toString()).filter(name -> name.startsWith("final-flags")).toList();
        }
    }

    /** SIGKILL to the node's server JVM (the one its start script launched), as the out-of-memory killer would. */
    private static long killElasticsearchServer(ManagedUp up) throws Exception {
        long launcher = RunState.read(up.dataDir).orElseThrow().getJsonArray("serverPids").getLong(0);
        ProcessHandle root = ProcessHandle.of(launcher).orElseThrow();
        ProcessHandle server = root.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("org.elasticsearch.bootstrap.Elasticsearch"))
                .findFirst().orElse(root);
        server.destroyForcibly();
        server.onExit().get();
        return launcher;
    }
}
