package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it (a separate JVM on the packaged application): bad starts end with one
 * line naming the cause, a non-zero exit code, and nothing left running.
 */
class LauncherIT {

    @TempDir
    Path dataDir;

    @Test
    void upRefusesATakenPortWithOneLineAndNonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRunner.Run run = lararena(Map.of("LARARENA_HTTP_PORT", String.valueOf(taken.getLocalPort())), "up");

            assertThat(run.exit()).isNotZero();
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains("LARARENA_HTTP_PORT").contains(String.valueOf(taken.getLocalPort()));
            assertThat(RunState.read(dataDir)).as("no run state is left behind").isEmpty();
        }
    }

    @Test
    void upWithABadInstanceCountEndsWithOneLineNamingTheSetting() throws Exception {
        for (String count : List.of("0", "many", "17")) {
            CliRunner.Run run = lararena(Map.of(), "up", "--instances", count);

            assertThat(run.exit()).as(count).isNotZero();
            assertThat(run.err().strip().lines()).as(count).hasSize(1);
            assertThat(run.err()).as(count).contains("LARARENA_INSTANCES");
        }
    }

    @Test
    void upOfSeveralInstancesRefusesATakenPortOfTheSecondBeforeStartingAnything() throws Exception {
        try (ServerSocket taken = secondOfAFreePair()) {
            int first = taken.getLocalPort() - 1;
            CliRunner.Run run = lararena(Map.of("LARARENA_HTTP_PORT", String.valueOf(first)), "up", "--instances", "2");

            assertThat(run.exit()).isNotZero();
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains(String.valueOf(taken.getLocalPort())).contains("LARARENA_HTTP_PORT").contains("instance 2");
            assertThat(RunState.read(dataDir)).as("no run state is left behind").isEmpty();
        }
    }

    @Test
    void aSecondUpOnTheSameDataDirectorySaysOneIsRunning() throws Exception {
        try (RunState first = RunState.acquire(dataDir)) {
            first.write(new JsonObject().put("pid", ProcessHandle.current().pid()).put("url", "http://127.0.0.1:8080"));

            CliRunner.Run run = lararena(Map.of(), "up");

            assertThat(run.exit()).isNotZero();
            assertThat(run.err()).contains("already running").contains("./lararena down");
        }
    }

    @Test
    void malformedConfigurationStopsStartUpNamingTheVariable() throws Exception {
        CliRunner.Run run = lararena(Map.of("LARARENA_ES_URLS", "not a url"), "up");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("LARARENA_ES_URLS");
    }

    @Test
    void statusPrintsJsonWithEveryPartWhenNothingRuns() throws Exception {
        CliRunner.Run run = lararena(Map.of("LARARENA_HTTP_PORT", "1", "LARARENA_ES_PORT", "2", "LARARENA_KEYCLOAK_PORT", "3"), "status");

        assertThat(run.exit()).isZero();
        JsonObject status = new JsonObject(run.out());
        assertThat(status.getString("state")).isEqualTo("stopped");
        for (String part : List.of("app", "elasticsearch", "keycloak")) {
            assertThat(status.getJsonObject(part).getString("state")).as(part).isEqualTo("down");
            assertThat(status.getJsonObject(part).getString("url")).as(part).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() throws Exception {
        CliRunner.Run run = lararena(Map.of(), "upp");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'upp'").contains("usage");
    }

    /** A port held here whose port below is free: the second instance's port is taken, the first's is not. */
    private static ServerSocket secondOfAFreePair() throws IOException {
        while (true) {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
            try (ServerSocket below = new ServerSocket(socket.getLocalPort() - 1, 1, InetAddress.getByName("127.0.0.1"))) {
                return socket;
            } catch (IOException e) {
                socket.close();
            }
        }
    }

    @Test
    void statusSaysStartingWhileUpIsStillStartingItsServers() throws Exception {
        // What up leaves in the data directory from its first moment on (RunState, SupervisedServers): its process, alive
        // (this test's stands in), and that it has not yet started the application.
        Path stateFile = RunState.stateFile(dataDir);
        Files.createDirectories(stateFile.getParent());
        Files.writeString(stateFile, new JsonObject().put("pid", ProcessHandle.current().pid()).put("url", "http://127.0.0.1:1/")
                .put("starting", true).encode());

        CliRunner.Run run = lararena(Map.of("LARARENA_ES_PORT", "2", "LARARENA_KEYCLOAK_PORT", "3"), "status");

        assertThat(run.exit()).isZero();
        assertThat(new JsonObject(run.out()).getString("state")).as("not 'stopped' while up starts").isEqualTo("starting");
    }

    @Test
    void downStopsTheLauncherAndAServerItCouldNotStopButNoProcessThatIsNoneOfItsServers() throws Exception {
        // Stand-ins, started before the state file is written as up's are: a launcher that ends when asked, a server
        // that outlives it (its command line names Elasticsearch), and another program holding an id the file names.
        List<Process> processes = List.of(new ProcessBuilder("sleep", "300").start(),
                new ProcessBuilder("sh", "-c", "sleep 300 # elasticsearch", "elasticsearch").start(),
                new ProcessBuilder("sleep", "301").start());
        try {
            Process launcher = processes.get(0);
            Process server = processes.get(1);
            Process other = processes.get(2);
            Path stateFile = RunState.stateFile(dataDir);
            Files.createDirectories(stateFile.getParent());
            Files.writeString(stateFile, new JsonObject().put("pid", launcher.pid()).put("url", "http://127.0.0.1:1/")
                    .put("serverPids", new JsonArray().add(server.pid()).add(other.pid())).encode());

            CliRunner.Run run = lararena(Map.of(), "down");

            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("Stopped.").contains("Stopping process " + server.pid()).doesNotContain("process " + other.pid() + " (");
            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server it left running ended").isTrue();
            assertThat(other.isAlive()).as("a program that is none of the platform's servers runs on").isTrue();
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private CliRunner.Run lararena(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> withData = new HashMap<>(env);
        withData.put("LARARENA_DATA_DIR", dataDir.toString());
        return CliRunner.run(withData, args);
    }
}
