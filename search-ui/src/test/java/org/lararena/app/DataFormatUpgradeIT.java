package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
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
 * no {@value DataFormat#FILE}; memos and the audit log as files of lines) migrates it and serves what it holds, every
 * memo version included; on a directory of a newer format it does not
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
        String passageId;
        try (RunningApplication app = RunningApplication.start(dataDir, sameIndex)) {
            app.uploadMany(token, 2, WORD);
            assertThat(app.awaitAllSettled(token, 2)).containsEntry("indexed", 2L);
            passageId = new JsonObject(app.get("/api/search?q=" + WORD, token).body()).getJsonArray("hits").getJsonObject(0).getString("passageId");
        }
        assertThat(Files.readString(dataDir.resolve(DataFormat.FILE)).strip()).isEqualTo(String.valueOf(DataFormat.CURRENT));
        // The oldest format: no version file, and a memo (two versions) and an audit entry as lines of their files.
        Files.delete(dataDir.resolve(DataFormat.FILE));
        String memo = "{\"id\":\"m-aldre\",\"passageId\":\"" + passageId + "\",\"text\":\"%s\",\"author\":\"forskare\",\"created\":\"2026-01-01T10:00:00Z\"}\n";
        Files.writeString(dataDir.resolve("memos/memos.jsonl"), memo.formatted("Skrivet i det äldre formatet") + memo.formatted("Ändrat i det äldre formatet"));
        Files.writeString(dataDir.resolve("audit/audit.jsonl"),
                "{\"time\":\"2030-01-01T10:00:00Z\",\"user\":\"forskare\",\"action\":\"upload\",\"target\":\"doc-aldre\"}\n");

        try (RunningApplication app = RunningApplication.start(dataDir, sameIndex)) {
            assertThat(Files.readString(dataDir.resolve(DataFormat.FILE)).strip()).isEqualTo(String.valueOf(DataFormat.CURRENT));
            assertThat(new JsonObject(app.get("/api/documents?size=10", token).body()).getLong("total")).isEqualTo(2);
            assertThat(new JsonObject(app.get("/api/search?q=" + WORD, token).body()).getLong("total")).isEqualTo(2);
            assertThat(new JsonArray(app.get("/api/passages/" + passageId + "/memos", token).body())).as("the memo as its last version left it")
                    .extracting(m -> ((JsonObject) m).getString("text")).containsExactly("Ändrat i det äldre formatet");
            assertThat(new JsonArray(app.get("/api/memos/m-aldre/versions", token).body())).hasSize(2);
            assertThat(dataDir.resolve("memos/memos.jsonl")).doesNotExist();
            assertThat(dataDir.resolve("audit/audit.jsonl")).doesNotExist();
        }

        Files.writeString(dataDir.resolve(DataFormat.FILE), (DataFormat.CURRENT + 1) + "\n");
        assertThatThrownBy(() -> RunningApplication.start(dataDir, sameIndex)).hasMessageContaining("newer Lärarena")
                .hasMessageContaining("format version " + (DataFormat.CURRENT + 1));
        assertThat(Files.readString(dataDir.resolve(DataFormat.FILE)).strip()).isEqualTo(String.valueOf(DataFormat.CURRENT + 1));
        assertThat(dataDir.resolve("documents")).isDirectory();
    }
}
