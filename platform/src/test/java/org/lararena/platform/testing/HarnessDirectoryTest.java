package org.lararena.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessDirectoryTest {

    @TempDir
    Path dir;

    private Process server;
    private Process other;

    @AfterEach
    void stopProcesses() {
        for (Process process : new Process[] {server, other}) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    /** A process whose command line names Elasticsearch, as the harness's server's does. */
    private static Process aServer() throws Exception {
        return new ProcessBuilder("sh", "-c", "sleep 300 # elasticsearch", "elasticsearch").start();
    }

    @Test
    void theServersAKilledHarnessWroteDownAreStoppedByTheNextAndOtherProgramsAreLeftAlone() throws Exception {
        server = aServer();
        other = new ProcessBuilder("sleep", "300").start();
        // What a harness killed outright leaves: its list of servers, and no lock held.
        Files.writeString(dir.resolve(HarnessDirectory.SERVERS_FILE), server.pid() + "\n" + other.pid() + "\n");

        try (HarnessDirectory next = HarnessDirectory.take(dir)) {
            assertThat(next.stopLeftBehind()).containsExactly(server.pid());
        }
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("the left-behind server ended").isTrue();
        assertThat(other.isAlive()).as("a process that is none of the platform's servers runs on").isTrue();
    }

    @Test
    void aHarnessThatEndsNormallyLeavesNothingToStopAndTheDirectoryFree() throws Exception {
        server = aServer();
        try (HarnessDirectory harness = HarnessDirectory.take(dir)) {
            harness.record(List.of(server.pid()));
        }
        try (HarnessDirectory next = HarnessDirectory.take(dir)) {
            assertThat(next.stopLeftBehind()).isEmpty();
        }
        assertThat(server.isAlive()).isTrue();
    }

    @Test
    void aSecondHarnessOnADirectoryInUseIsRefusedWithAReasonAndStopsNothing() throws Exception {
        server = aServer();
        try (HarnessDirectory running = HarnessDirectory.take(dir)) {
            running.record(List.of(server.pid()));
            assertThatThrownBy(() -> HarnessDirectory.take(dir))
                    .hasMessageContaining("another test run uses the services' directory").hasMessageContaining("-Dlararena.it.dir");
            assertThat(server.isAlive()).isTrue();
        }
    }
}
