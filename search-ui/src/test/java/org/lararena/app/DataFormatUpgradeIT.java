package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.backup.DataFormat;
import org.lararena.platform.testing.TestServices;

/**
 * The application started on a data directory of the previous format (written before the format version was kept:
 * no {@value DataFormat#FILE}) migrates it and serves what it holds; on a directory of a newer format it does not
 * start, says why, and leaves the directory as it was.
 */
class DataFormatUpgradeIT {

    private static final String WORD = "formatprov";

    @TempDir
    Path dataDir;

    @Test
    void anUnversionedDirectoryIsMigratedAndANewerOneRefused() throws Exception {
        String token = TestServices.get().accessToken("forskare", "forskare");
        Map<String, String> sameIndex = Map.of("LARARENA_INDEX_PREFIX", "format-" + Long.toHexString(System.nanoTime()));
        try (RunningApplication app = RunningApplication.start(dataDir, sameIndex)) {
            app.uploadMany(token, 2, WORD);
            assertThat(app.awaitAllSettled(token, 2)).containsEntry("indexed", 2L);
        }
        assertThat(Files.readString(dataDir.resolve(DataFormat.FILE)).strip()).isEqualTo(String.valueOf(DataFormat.CURRENT));
        // The previous format: the same layout without the version file.
        Files.delete(dataDir.resolve(DataFormat.FILE));

        try (RunningApplication app = RunningApplication.start(dataDir, sameIndex)) {
            assertThat(Files.readString(dataDir.resolve(DataFormat.FILE)).strip()).isEqualTo(String.valueOf(DataFormat.CURRENT));
            assertThat(new JsonObject(app.get("/api/documents?size=10", token).body()).getLong("total")).isEqualTo(2);
            assertThat(new JsonObject(app.get("/api/search?q=" + WORD, token).body()).getLong("total")).isEqualTo(2);
        }

        Files.writeString(dataDir.resolve(DataFormat.FILE), (DataFormat.CURRENT + 1) + "\n");
        assertThatThrownBy(() -> RunningApplication.start(dataDir, sameIndex)).hasMessageContaining("newer Lärarena")
                .hasMessageContaining("format version " + (DataFormat.CURRENT + 1));
        assertThat(Files.readString(dataDir.resolve(DataFormat.FILE)).strip()).isEqualTo(String.valueOf(DataFormat.CURRENT + 1));
        assertThat(dataDir.resolve("documents")).isDirectory();
    }
}
