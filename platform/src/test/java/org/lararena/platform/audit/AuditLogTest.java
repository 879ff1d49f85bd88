package org.lararena.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @Test
    void entriesAreAppendedAndKeptAcrossInstances(@TempDir Path dir) throws Exception {
        new AuditLog(dir).record("forskare", "read_restricted_document", "doc-1", null);
        AuditLog reopened = new AuditLog(dir);
        reopened.record("forskare", "change_visibility", "doc-1", new JsonObject().put("from", "restricted").put("to", "pilot"));

        assertThat(Files.readAllLines(dir.resolve("audit.jsonl"))).hasSize(2);
        var newest = reopened.newest(10);
        assertThat(newest.getJsonObject(0).getString("action")).isEqualTo("change_visibility");
        assertThat(newest.getJsonObject(0).getJsonObject("details").getString("to")).isEqualTo("pilot");
        assertThat(newest.getJsonObject(1).getString("target")).isEqualTo("doc-1");
        assertThat(reopened.newest(1)).hasSize(1);
    }

    @Test
    void anErasedDocumentsEntriesLoseTheirDetailsAndKeepWhoDidWhatWhen(@TempDir Path dir) throws Exception {
        AuditLog log = new AuditLog(dir);
        log.record("forskare", "upload", "doc-1", new JsonObject().put("filename", "intervju-gunnel.txt"));
        log.record("forskare", "export_qdpx", null, new JsonObject().put("documents", 3));
        log.record("forskare", "upload", "doc-2", new JsonObject().put("filename", "rapport.txt"));

        int redacted = log.redactDetails(java.util.Set.of("doc-1"), "erased");

        assertThat(redacted).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("audit.jsonl"))).doesNotContain("gunnel").contains("rapport.txt");
        var entries = log.newest(10);
        assertThat(entries).hasSize(3);
        assertThat(entries.getJsonObject(2).getString("user")).isEqualTo("forskare");
        assertThat(entries.getJsonObject(2).getString("target")).isEqualTo("doc-1");
        assertThat(entries.getJsonObject(2).getJsonObject("details").getString("redacted")).isEqualTo("erased");
        assertThat(entries.getJsonObject(1).getJsonObject("details").getInteger("documents")).as("an entry about no one thing stays").isEqualTo(3);
    }
}
