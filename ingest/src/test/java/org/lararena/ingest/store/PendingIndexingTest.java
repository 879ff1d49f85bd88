package org.lararena.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.DocumentAnnotated;

class PendingIndexingTest {

    @TempDir
    Path dir;

    private static JsonObject work(String id, String text) {
        return new DocumentAnnotated(id, new JsonArray().add(new JsonObject().put("ordinal", 0).put("text", text))).toJson();
    }

    @Test
    void waitingWorkSurvivesARestartInTheOrderItArrived() throws Exception {
        PendingIndexing queue = new PendingIndexing(dir);
        queue.put("doc-b", work("doc-b", "första"));
        queue.put("doc-a", work("doc-a", "andra"));
        queue.put("doc-c", work("doc-c", "tredje"));
        // The clock of the file system may not tell them apart: give them distinct times, as a real ingest would.
        Files.setLastModifiedTime(dir.resolve("doc-b.json"), FileTime.from(Instant.parse("2026-01-01T10:00:00Z")));
        Files.setLastModifiedTime(dir.resolve("doc-a.json"), FileTime.from(Instant.parse("2026-01-01T10:00:01Z")));
        Files.setLastModifiedTime(dir.resolve("doc-c.json"), FileTime.from(Instant.parse("2026-01-01T10:00:02Z")));

        PendingIndexing reopened = new PendingIndexing(dir);

        assertThat(reopened.ids()).containsExactly("doc-b", "doc-a", "doc-c");
        assertThat(reopened.get("doc-a")).contains(work("doc-a", "andra"));
    }

    @Test
    void anIndexedDocumentLeavesTheQueueForGood() {
        PendingIndexing queue = new PendingIndexing(dir);
        queue.put("doc-1", work("doc-1", "text"));
        queue.put("doc-2", work("doc-2", "text"));

        queue.remove("doc-1");

        assertThat(queue.contains("doc-1")).isFalse();
        assertThat(new PendingIndexing(dir).ids()).containsExactly("doc-2");
    }

    @Test
    void puttingTheSameDocumentTwiceKeepsOneEntryWithTheLatestWork() {
        PendingIndexing queue = new PendingIndexing(dir);
        queue.put("doc-1", work("doc-1", "gammal"));
        queue.put("doc-1", work("doc-1", "ny"));

        assertThat(queue.size()).isEqualTo(1);
        assertThat(new PendingIndexing(dir).get("doc-1")).contains(work("doc-1", "ny"));
    }

    @Test
    void aWriteInterruptedByACrashLeavesTheEarlierEntryWholeAndItsTemporaryFileIsCleanedUp() throws Exception {
        PendingIndexing queue = new PendingIndexing(dir);
        queue.put("doc-1", work("doc-1", "hel"));
        // What a crash between writing the temporary file and renaming it leaves behind.
        Files.writeString(dir.resolve("doc-1.json123456.tmp"), "{\"documentId\":\"doc-1\",\"passa");

        PendingIndexing reopened = new PendingIndexing(dir);

        assertThat(reopened.ids()).containsExactly("doc-1");
        assertThat(reopened.get("doc-1")).contains(work("doc-1", "hel"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("doc-1.json");
        }
    }

    @Test
    void anUnreadableEntryIsReportedAsMissingRatherThanStoppingTheQueue() throws Exception {
        Files.writeString(dir.resolve("doc-1.json"), "not json");
        PendingIndexing queue = new PendingIndexing(dir);

        assertThat(queue.ids()).containsExactly("doc-1");
        assertThat(queue.get("doc-1")).isEmpty();
    }

    @Test
    void anIdThatCouldLeaveTheFolderIsRefused() {
        PendingIndexing queue = new PendingIndexing(dir);

        assertThatThrownBy(() -> queue.put("../records/x", work("x", "t"))).isInstanceOf(IllegalArgumentException.class);
    }
}
