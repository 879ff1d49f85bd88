package org.lararena.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightStoreTest {

    @TempDir
    Path folder;

    private static Insight insight(String id, String title, Insight.Status status, Instant updated) {
        return new Insight(id, title, "En förklarande text.", List.of("https://w3id.org/lararena/tema/samverkan"), List.of("p-1", "p-2"),
                status, "forskare", Instant.parse("2026-01-01T10:00:00Z"), updated, false);
    }

    @Test
    void savedInsightsAreReadBackByANewStoreOnTheSameFolder() {
        InsightStore store = new InsightStore(folder);
        Insight saved = store.save(insight("mote-varje-vecka-ab12cd", "Möten varje vecka bär samverkan", Insight.Status.PUBLISHED,
                Instant.parse("2026-01-02T10:00:00Z")));

        InsightStore reopened = new InsightStore(folder);

        assertThat(reopened.find(saved.id())).contains(saved);
        assertThat(reopened.all()).containsExactly(saved);
    }

    @Test
    void aSaveReplacesTheFileWholeAndLeavesNoTemporaryFilesBehind() throws Exception {
        InsightStore store = new InsightStore(folder);
        store.save(insight("a-1", "Först", Insight.Status.DRAFT, Instant.parse("2026-01-02T10:00:00Z")));
        store.save(insight("a-1", "Sedan", Insight.Status.PUBLISHED, Instant.parse("2026-01-03T10:00:00Z")));

        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("a-1.json");
        }
        assertThat(new InsightStore(folder).find("a-1").orElseThrow().title()).isEqualTo("Sedan");
    }

    @Test
    void aDamagedFileIsLeftOutWhileTheOthersLoad() throws Exception {
        InsightStore store = new InsightStore(folder);
        store.save(insight("hel-1", "Hel", Insight.Status.PUBLISHED, Instant.parse("2026-01-02T10:00:00Z")));
        Files.writeString(folder.resolve("trasig.json"), "{ inte json");

        assertThat(new InsightStore(folder).all()).extracting(Insight::id).containsExactly("hel-1");
    }

    @Test
    void listsNewestFirstAndDeletes() {
        InsightStore store = new InsightStore(folder);
        store.save(insight("aldre", "Äldre", Insight.Status.PUBLISHED, Instant.parse("2026-01-02T10:00:00Z")));
        store.save(insight("nyare", "Nyare", Insight.Status.PUBLISHED, Instant.parse("2026-01-05T10:00:00Z")));

        assertThat(store.all()).extracting(Insight::id).containsExactly("nyare", "aldre");
        assertThat(store.delete("aldre")).isTrue();
        assertThat(store.delete("aldre")).isFalse();
        assertThat(new InsightStore(folder).all()).extracting(Insight::id).containsExactly("nyare");
    }

    @Test
    void idsCannotNameAnotherPath() {
        InsightStore store = new InsightStore(folder);

        assertThatThrownBy(() -> store.save(insight("../utanfor", "X", Insight.Status.DRAFT, Instant.now()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.delete("../utanfor")).isFalse();
        assertThat(InsightStore.newId("Samverkan kräver en gemensam bild!")).matches("samverkan-kraver-en-gemensam-bild-[0-9a-f]{6}");
        assertThat(InsightStore.newId("???")).matches(InsightStore.ID.pattern()).startsWith("insikt-");
    }
}
