package org.lararena.platform.services;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    /** Nothing listens on port 1: the probe is refused at once, and only the process's end ends the wait. */
    private static final URI NEVER_READY = URI.create("http://127.0.0.1:1/");

    @TempDir
    Path dir;

    private ManagedProcess dyingAfter(String... lines) {
        StringBuilder script = new StringBuilder();
        for (String line : lines) {
            script.append("echo '").append(line).append("'; ");
        }
        return ManagedProcess.start("Demo server", List.of("sh", "-c", script + "exit 1"), Map.of(), dir, dir.resolve("console.log"));
    }

    @Test
    void aServerThatDiesWhileStartingIsReportedWithTheCauseItLoggedNotOnlyItsLastWords() {
        ManagedProcess server = dyingAfter(
                "[INFO ] loaded plugin [lararena-analysis-sv]",
                "[ERROR][o.e.b.Elasticsearch] [local] fatal exception while booting: failed to obtain node locks, tried [/data]",
                "at org.elasticsearch.env.NodeEnvironment.<init>(NodeEnvironment.java:292)",
                "ERROR: Elasticsearch died while starting up, with exit code 1");

        assertThatThrownBy(() -> server.awaitReady(NEVER_READY, Duration.ofMinutes(1)))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("fatal exception while booting: failed to obtain node locks, tried [/data]")
                .hasMessageContaining("console.log");
    }

    @Test
    void aJavaExceptionIsQuotedFromItsNameAndWithoutOneTheLastLineIsQuoted() {
        ManagedProcess bound = dyingAfter("ERROR: io.quarkus.runtime.QuarkusBindException: Port(s) already bound: 8180", "ERROR: Failed to start server");
        assertThatThrownBy(() -> bound.awaitReady(NEVER_READY, Duration.ofMinutes(1)))
                .hasMessageContaining("while starting: io.quarkus.runtime.QuarkusBindException: Port(s) already bound: 8180 (log:");

        ManagedProcess plain = dyingAfter("no space left for the server", "giving up");
        assertThatThrownBy(() -> plain.awaitReady(NEVER_READY, Duration.ofMinutes(1)))
                .hasMessageContaining("while starting: giving up (log:");
    }

    @Test
    void aCauseAnEarlierStartLoggedIsNotQuotedForThisOne() throws Exception {
        Files.writeString(dir.resolve("console.log"), "fatal exception: an old cause\n");
        ManagedProcess server = dyingAfter("stopped for a reason of its own");

        assertThatThrownBy(() -> server.awaitReady(NEVER_READY, Duration.ofMinutes(1)))
                .hasMessageContaining("while starting: stopped for a reason of its own")
                .hasMessageNotContaining("an old cause");
    }
}
