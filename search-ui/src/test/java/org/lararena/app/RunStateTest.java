package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.services.RecordedServers;

class RunStateTest {

    @TempDir
    Path dataDir;

    private Process server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    /** An earlier run's state file, as up writes it, naming {@code pids} as its servers, last written at {@code written}. */
    private void earlierRun(Instant written, long... pids) throws Exception {
        Path file = RunState.stateFile(dataDir);
        Files.createDirectories(file.getParent());
        JsonArray serverPids = new JsonArray();
        for (long pid : pids) {
            serverPids.add(pid);
        }
        Files.writeString(file, new JsonObject().put("pid", 1).put("serverPids", serverPids).encode());
        Files.setLastModifiedTime(file, FileTime.from(written));
    }

    @Test
    void aServerAnEarlierRunRecordedAndLeftRunningIsFoundAndAProcessWithoutItsWordsIsNot() throws Exception {
        server = new ProcessBuilder("sleep", "300").start();
        earlierRun(Instant.now().plus(1, ChronoUnit.MINUTES), server.pid());

        assertThat(RunState.recordedServers(dataDir, process -> true)).extracting(ProcessHandle::pid).containsExactly(server.pid());
        assertThat(RunState.recordedServers(dataDir, RecordedServers::isPlatformServer)).as("a 'sleep' is none of the platform's servers").isEmpty();
    }

    @Test
    void aProcessThatStartedAfterTheFileWasWrittenIsAnotherProgramWithAReusedIdAndIsLeftAlone() throws Exception {
        server = new ProcessBuilder("sleep", "300").start();
        earlierRun(Instant.now().minus(1, ChronoUnit.HOURS), server.pid());

        assertThat(RunState.recordedServers(dataDir, process -> true)).isEmpty();
    }

    @Test
    void withoutAnEarlierRunsFileOrWithItsServersGoneNothingIsLeftBehind() throws Exception {
        assertThat(RunState.recordedServers(dataDir, process -> true)).isEmpty();

        server = new ProcessBuilder("sleep", "300").start();
        long pid = server.pid();
        server.destroyForcibly().waitFor();
        earlierRun(Instant.now().plus(1, ChronoUnit.MINUTES), pid);
        assertThat(RunState.recordedServers(dataDir, process -> true)).isEmpty();
    }
}
