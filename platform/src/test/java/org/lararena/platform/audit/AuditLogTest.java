package org.lararena.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.FileCollection;

class AuditLogTest {

    @TempDir
    Path folder;

    /** One collection, several logs: instances sharing one store. */
    private JsonCollection shared;

    @BeforeEach
    void open() {
        shared = new FileCollection(folder, AuditLog.KIND.what(), AuditLog.KIND.flush());
    }

    @Test
    void anEntryWrittenThroughOneInstanceIsReadThroughTheOtherAndAfterARestart() {
        new AuditLog(shared).record("forskare", "read_restricted_document", "doc-1", null);
        AuditLog other = new AuditLog(shared);
        other.record("forskare", "change_visibility", "doc-1", new JsonObject().put("from", "restricted").put("to", "pilot"));

        var newest = new AuditLog(new FileCollection(folder, "the audit entry", true)).newest(10);
        assertThat(newest).hasSize(2);
        assertThat(newest.getJsonObject(0).getString("action")).isEqualTo("change_visibility");
        assertThat(newest.getJsonObject(0).getJsonObject("details").getString("to")).isEqualTo("pilot");
        assertThat(newest.getJsonObject(1).getString("target")).isEqualTo("doc-1");
        assertThat(other.newest(1)).hasSize(1);
    }

    @Test
    void anErasedDocumentsEntriesLoseTheirDetailsAndKeepWhoDidWhatWhen() {
        AuditLog log = new AuditLog(shared);
        log.record("forskare", "upload", "doc-1", new JsonObject().put("filename", "intervju-gunnel.txt"));
        log.record("forskare", "export_qdpx", null, new JsonObject().put("documents", 3));
        log.record("forskare", "upload", "doc-2", new JsonObject().put("filename", "rapport.txt"));

        int redacted = new AuditLog(shared).redactDetails(Set.of("doc-1"), "erased");

        assertThat(redacted).isEqualTo(1);
        assertThat(shared.all()).extracting(stored -> stored.body().encode()).noneMatch(entry -> entry.contains("gunnel"))
                .anyMatch(entry -> entry.contains("rapport.txt"));
        var entries = log.newest(10);
        assertThat(entries).hasSize(3);
        assertThat(entries.getJsonObject(2).getString("user")).isEqualTo("forskare");
        assertThat(entries.getJsonObject(2).getString("target")).isEqualTo("doc-1");
        assertThat(entries.getJsonObject(2).getJsonObject("details").getString("redacted")).isEqualTo("erased");
        assertThat(entries.getJsonObject(1).getJsonObject("details").getInteger("documents")).as("an entry about no one thing stays").isEqualTo(3);
    }
}
