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
}
