package org.lararena.platform.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordedServersTest {

    private Process process;

    @AfterEach
    void stopProcess() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void theCommandLinesOfThePlatformsServersAreRecognisedAndOtherProgramsAreNot() throws Exception {
        process = new ProcessBuilder("sh", "-c", "sleep 300 # /data/elasticsearch-9/bin/elasticsearch", "elasticsearch").start();
        assertThat(RecordedServers.isPlatformServer(process.toHandle())).isTrue();
        process.destroyForcibly().waitFor();

        process = new ProcessBuilder("sleep", "300").start();
        assertThat(RecordedServers.isPlatformServer(process.toHandle())).as("a 'sleep' is none of the platform's servers").isFalse();
    }
}
