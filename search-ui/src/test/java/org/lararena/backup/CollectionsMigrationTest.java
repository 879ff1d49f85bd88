package org.lararena.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.coding.Memo;
import org.lararena.coding.MemoStore;
import org.lararena.coding.MemoStores;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.shared.FileCollection;

/** A data directory of format 2 (memos and the audit log as files of lines) keeps every memo version and entry in format 3. */
class CollectionsMigrationTest {

    @TempDir
    Path data;

    private final CollectionsMigration migration = new CollectionsMigration();

    private static final String FIRST = "{\"id\":\"m-1\",\"passageId\":\"p-1\",\"text\":\"Första tanken\",\"author\":\"forskare\",\"created\":\"2026-03-04T10:15:30Z\"}\n";
    private static final String EDITED = "{\"id\":\"m-1\",\"passageId\":\"p-1\",\"text\":\"Omformulerad\",\"author\":\"forskare\",\"created\":\"2026-03-04T10:15:30Z\","
            + "\"changedBy\":\"forskare2\",\"changed\":\"2026-03-05T08:00:00Z\",\"deleted\":false}\n";
    private static final String OTHER = "{\"id\":\"m-2\",\"passageId\":\"p-2\",\"text\":\"Annat stycke\",\"author\":\"annan\",\"created\":\"2026-03-04T11:00:00Z\"}\n";

    @Test
    void everyVersionOfEveryMemoBecomesItsMemosDocumentAndTheFileGoes() throws Exception {
        Files.createDirectories(data.resolve("memos"));
        Files.writeString(data.resolve("memos/memos.jsonl"), FIRST + OTHER + EDITED, StandardCharsets.UTF_8);

        migration.apply(data);

        MemoStore store = MemoStores.opened(data.resolve("memos"), 100, Clock.systemUTC());
        assertThat(store.versions("m-1")).extracting(Memo::text).containsExactly("Första tanken", "Omformulerad");
        assertThat(store.of("p-1")).extracting(Memo::changedBy).containsExactly("forskare2");
        assertThat(store.of("p-2")).extracting(Memo::text).containsExactly("Annat stycke");
        assertThat(data.resolve("memos/memos.jsonl")).doesNotExist();
    }

    @Test
    void aLineCutShortByACrashIsDroppedAndADamagedOneSetAsideWhileTheCompleteOnesAreKept() throws Exception {
        Files.createDirectories(data.resolve("memos"));
        Files.writeString(data.resolve("memos/memos.jsonl"), FIRST + "{ inte json\n" + OTHER + "{\"id\":\"x\",\"passageId\":\"p-1\",\"te",
                StandardCharsets.UTF_8);

        migration.apply(data);

        MemoStore store = MemoStores.opened(data.resolve("memos"), 100, Clock.systemUTC());
        assertThat(store.of("p-1")).extracting(Memo::text).containsExactly("Första tanken");
        assertThat(store.of("p-2")).extracting(Memo::text).containsExactly("Annat stycke");
        assertThat(Files.readString(data.resolve("memos/memos.jsonl.damaged"))).isEqualTo("{ inte json\n");
    }

    @Test
    void theAuditLogsEntriesBecomeDocumentsInTheirOrderAndARunStoppedHalfWayRunsAgainToTheSameEnd() throws Exception {
        Files.createDirectories(data.resolve("audit"));
        String log = "{\"time\":\"2026-03-04T10:00:00Z\",\"user\":\"forskare\",\"action\":\"upload\",\"target\":\"doc-1\"}\n"
                + "{\"time\":\"2026-03-04T10:05:00Z\",\"user\":\"forskare\",\"action\":\"export_qdpx\",\"target\":null}\n";
        Files.writeString(data.resolve("audit/audit.jsonl"), log, StandardCharsets.UTF_8);
        // Stopped after its documents were written, before the file was deleted: the step runs again.
        migration.apply(data);
        Files.writeString(data.resolve("audit/audit.jsonl"), log, StandardCharsets.UTF_8);

        migration.apply(data);

        var newest = new AuditLog(new FileCollection(data.resolve("audit"), "the audit entry", true)).newest(10);
        assertThat(newest).hasSize(2);
        assertThat(newest.getJsonObject(0).getString("action")).isEqualTo("export_qdpx");
        assertThat(newest.getJsonObject(1).getString("target")).isEqualTo("doc-1");
        assertThat(data.resolve("audit/audit.jsonl")).doesNotExist();
    }

    @Test
    void aDirectoryWithoutTheFilesIsLeftAsItIs() throws Exception {
        migration.apply(data);

        assertThat(data).isEmptyDirectory();
    }
}
