package org.lararena.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.MemoryCollection;

class InsightStoreTest {

    /** One collection for every store of a test: instances sharing one store, or one instance before and after a restart. */
    private final JsonCollection shared = new MemoryCollection();

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
        InsightStore store = new InsightStore(shared);
        InsightStore other = new InsightStore(shared);
        Insight saved = store.create(insight("mote-varje-vecka-ab12cd", "Möten varje vecka bär samverkan", Insight.Status.PUBLISHED,
                Instant.parse("2026-01-02T10:00:00Z")));

        assertThat(other.find(saved.id())).contains(saved);
        other.reread(saved.id()); // the change notice of the first instance's write
        assertThat(other.all()).containsExactly(saved);
        assertThat(new InsightStore(shared).all()).as("after a restart").containsExactly(saved);
    }

    @Test
    void anUpdateReplacesTheInsightWholeAndATakenIdIsRefused() {
        InsightStore store = new InsightStore(shared);
        store.create(insight("a-1", "Först", Insight.Status.DRAFT, Instant.parse("2026-01-02T10:00:00Z")));

        store.update("a-1", insight -> retitled(insight, "Sedan"));

        assertThat(new InsightStore(shared).find("a-1").orElseThrow().title()).isEqualTo("Sedan");
        assertThatThrownBy(() -> new InsightStore(shared).create(insight("a-1", "Annan", Insight.Status.DRAFT, Instant.now())))
                .isInstanceOf(JsonCollection.ChangedMeanwhile.class);
        assertThat(store.find("a-1").orElseThrow().title()).isEqualTo("Sedan");
    }

    @Test
    void aDamagedInsightIsLeftOutWhileTheOthersLoad() {
        new InsightStore(shared).create(insight("hel-1", "Hel", Insight.Status.PUBLISHED, Instant.parse("2026-01-02T10:00:00Z")));
        shared.put("trasig", new JsonObject().put("title", "utan id och status"));

        assertThat(new InsightStore(shared).all()).extracting(Insight::id).containsExactly("hel-1");
    }

    @Test
    void listsNewestFirstAndDeletes() {
        InsightStore store = new InsightStore(shared);
        store.create(insight("aldre", "Äldre", Insight.Status.PUBLISHED, Instant.parse("2026-01-02T10:00:00Z")));
        store.create(insight("nyare", "Nyare", Insight.Status.PUBLISHED, Instant.parse("2026-01-05T10:00:00Z")));

        assertThat(store.all()).extracting(Insight::id).containsExactly("nyare", "aldre");
        assertThat(store.delete("aldre")).isTrue();
        assertThat(store.delete("aldre")).isFalse();
        assertThat(new InsightStore(shared).all()).extracting(Insight::id).containsExactly("nyare");
    }

    @Test
    void idsCannotNameAnotherPath() {
        InsightStore store = new InsightStore(shared);

        assertThatThrownBy(() -> store.create(insight("../utanfor", "X", Insight.Status.DRAFT, Instant.now()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.delete("../utanfor")).isFalse();
        assertThat(InsightStore.newId("Samverkan kräver en gemensam bild!")).matches("samverkan-kraver-en-gemensam-bild-[0-9a-f]{6}");
        assertThat(InsightStore.newId("???")).matches(InsightStore.ID.pattern()).startsWith("insikt-");
    }

    @Test
    void changesOfOneInsightThroughTwoInstancesAtOnceAreAllKept() throws Exception {
        InsightStore first = new InsightStore(shared);
        InsightStore second = new InsightStore(shared);
        first.create(insight("delad", "", Insight.Status.DRAFT, Instant.parse("2026-01-02T10:00:00Z")));
        int changesEach = 50;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> editors = new ArrayList<>();
            for (InsightStore instance : List.of(first, second)) {
                String mark = instance == first ? "a" : "b";
                editors.add(() -> {
                    for (int i = 0; i < changesEach; i++) {
                        // Each change adds a mark to the title as it finds it: a lost change leaves a mark out.
                        instance.update("delad", insight -> retitled(insight, insight.title() + mark));
                    }
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(editors)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        String title = new InsightStore(shared).find("delad").orElseThrow().title();
        assertThat(title.chars().filter(c -> c == 'a')).hasSize(changesEach);
        assertThat(title.chars().filter(c -> c == 'b')).hasSize(changesEach);
    }
}
