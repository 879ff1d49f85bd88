package org.lararena.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessDirectoryTest {

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    /** A process whose command line holds {@code words}, as a server's does. */
    private Process running(String words) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "sleep 300 # " + words).start();
        processes.add(process);
        return process;
    }

    @Test
    void theServersAKilledHarnessLeftRunningFromItsDirectoryAreStoppedByTheNextAndOtherProgramsAreLeftAlone() throws Exception {
        // What a harness killed outright leaves: its servers running from the directory, and no lock held.
        Process elasticsearch = running("-Des.path.home=" + dir.resolve("elasticsearch/elasticsearch-9") + " org.elasticsearch.server");
        Process keycloak = running("-Dkc.home.dir=" + dir.resolve("keycloak/keycloak-26/bin/..") + " io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        Process elsewhere = running("-Des.path.home=" + dir.resolveSibling(dir.getFileName() + "-other").resolve("elasticsearch"));
        Process readingALog = running("tail -f " + dir.resolve("elasticsearch/logs/console.log"));

        try (HarnessDirectory next = HarnessDirectory.take(dir)) {
            assertThat(next.stopLeftBehind()).containsExactlyInAnyOrder(elasticsearch.pid(), keycloak.pid());
        }
        assertThat(elasticsearch.waitFor(20, TimeUnit.SECONDS)).as("the left-behind Elasticsearch ended").isTrue();
        assertThat(keycloak.waitFor(20, TimeUnit.SECONDS)).as("the left-behind Keycloak ended").isTrue();
        assertThat(elsewhere.isAlive()).as("a server of another directory runs on").isTrue();
        assertThat(readingALog.isAlive()).as("a program that only names a file in the directory runs on").isTrue();
    }

    @Test
    void aSecondHarnessOnADirectoryInUseIsRefusedWithAReasonAndStopsNothing() throws Exception {
        Process server = running("-Des.path.home=" + dir.resolve("elasticsearch/elasticsearch-9"));
        try (HarnessDirectory running = HarnessDirectory.take(dir)) {
            assertThatThrownBy(() -> HarnessDirectory.take(dir))
                    .hasMessageContaining("another test run uses the services' directory").hasMessageContaining("-Dlararena.it.dir");
            assertThat(server.isAlive()).isTrue();
        }
    }
}
