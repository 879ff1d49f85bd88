package org.lararena.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.shared.AtOnce;
import org.lararena.platform.shared.CachedCollection;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.FileCollection;
import org.lararena.platform.shared.InstantNotices;

class InsightStoreTest {

    @TempDir
    Path folder;

    private final InstantNotices notices = new InstantNotices();
    /** The collection the instances of a test share. */
    private JsonCollection shared;

    @BeforeEach
    void open() {
        shared = new FileCollection(folder, InsightStore.KIND.what(), false);
    }

    /** The store of one more instance over {@link #shared}, told of the others' changes. */
    private InsightStore instance() {
        return new InsightStore(new CachedCollection<>(InsightStore.KIND.name(), shared, InsightStore.CODEC, notices.instance()));
    }

    /** The store of an instance started again on {@link #folder}. */
    private InsightStore restarted() {
        return InsightsTest.stored(folder);
    }

    private static Insight insight(String id, String title, Insight.Status status, Instant updated) {
        return new Insight(id, title, "En förklarande text.", List.of("https://w3id.org/lararena/tema/samverkan"), List.of("p-1", "p-2"),
                status, "forskare", Instant.parse("2026-01-01T10:00:00Z"), updated, false);
    }

    private static Insight retitled(Insight insight, String title) {
        return new Insight(insight.id(), title, insight.text(), insight.themes(), insight.passages(), insight.status(), insight.createdBy(),
                insight.created(), insight.updated(), false);
    }

    @Test
    void anInsightWrittenThroughOneInstanceIsReadThroughTheOther() {
        InsightStore store = instance();
        InsightStore other = instance();
        Insight saved = store.create(insight("mote-varje-vecka-ab12cd", "Möten varje vecka bär samverkan", Insight.Status.PUBLISHED,
                Instant.parse("2026-01-02T10:00:00Z")));

        assertThat(other.find(saved.id())).contains(saved);
        assertThat(other.all()).containsExactly(saved);
        assertThat(restarted().all()).as("after a restart").containsExactly(saved);
    }

    @Test
    void anUpdateReplacesTheInsightWholeAndATakenIdIsRefused() {
        InsightStore store = instance();
        store.create(insight("a-1", "Först", Insight.Status.DRAFT, Instant.parse("2026-01-02T10:00:00Z")));

        store.update("a-1", insight -> retitled(insight, "Sedan"));

        assertThat(restarted().find("a-1").orElseThrow().title()).isEqualTo("Sedan");
        assertThatThrownBy(() -> instance().create(insight("a-1", "Annan", Insight.Status.DRAFT, Instant.now())))
                .isInstanceOf(JsonCollection.ChangedMeanwhile.class);
        assertThat(store.find("a-1").orElseThrow().title()).isEqualTo("Sedan");
    }

    @Test
    void listsNewestFirstAndDeletes() {
        InsightStore store = instance();
        store.create(insight("aldre", "Äldre", Insight.Status.PUBLISHED, Instant.parse("2026-01-02T10:00:00Z")));
        store.create(insight("nyare", "Nyare", Insight.Status.PUBLISHED, Instant.parse("2026-01-05T10:00:00Z")));

        assertThat(store.all()).extracting(Insight::id).containsExactly("nyare", "aldre");
        assertThat(store.delete("aldre")).isTrue();
        assertThat(store.delete("aldre")).isFalse();
        assertThat(restarted().all()).extracting(Insight::id).containsExactly("nyare");
    }

    @Test
    void idsCannotNameAnotherPath() {
        InsightStore store = instance();

        assertThatThrownBy(() -> store.create(insight("../utanfor", "X", Insight.Status.DRAFT, Instant.now()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.delete("../utanfor")).isFalse();
        assertThat(InsightStore.newId("Samverkan kräver en gemensam bild!")).matches("samverkan-kraver-en-gemensam-bild-[0-9a-f]{6}");
        assertThat(InsightStore.newId("???")).matches(InsightStore.ID.pattern()).startsWith("insikt-");
    }

    @Test
    void changesOfOneInsightThroughTwoInstancesAtOnceAreAllKept() throws Exception {
        InsightStore first = instance();
        InsightStore second = instance();
        first.create(insight("delad", "", Insight.Status.DRAFT, Instant.parse("2026-01-02T10:00:00Z")));
        int changesEach = 50;
        List<InsightStore> instances = List.of(first, second);
        // Each change adds the instance's mark to the title as it finds it: a lost change leaves a mark out.
        AtOnce.run(2, changesEach, (instance, i) -> instances.get(instance).update("delad",
                insight -> retitled(insight, insight.title() + (instance == 0 ? "a" : "b"))));

        String title = restarted().find("delad").orElseThrow().title();
        assertThat(title.chars().filter(c -> c == 'a')).hasSize(changesEach);
        assertThat(title.chars().filter(c -> c == 'b')).hasSize(changesEach);
    }
}
