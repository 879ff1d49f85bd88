package org.lararena.shared;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.coding.Memo;
import org.lararena.coding.MemoStore;
import org.lararena.coding.MemoStores;
import org.lararena.insights.Insight;
import org.lararena.insights.InsightStore;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.shared.AtOnce;
import org.lararena.platform.shared.CachedCollection;
import org.lararena.platform.shared.ElasticsearchCollection;
import org.lararena.platform.shared.InstantNotices;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.SharedCollections;
import org.lararena.platform.testing.TestServices;

/**
 * Memos, insights and the audit log of two instances of a cluster, on the harness's real Elasticsearch: each instance
 * its own client and its own stores, told of the other's changes as the event bus tells them in production.
 */
class SharedStoresIT {

    private static final String PREFIX = "it-stores-" + Long.toHexString(System.nanoTime());
    private static ElasticsearchClient firstInstance;
    private static ElasticsearchClient secondInstance;
    private final InstantNotices notices = new InstantNotices();

    @BeforeAll
    static void clients() {
        firstInstance = TestServices.get().newElasticsearchClient();
        secondInstance = TestServices.get().newElasticsearchClient();
    }

    @AfterAll
    static void close() throws Exception {
        List<String> indices = List.of(MemoStore.KIND, InsightStore.KIND, AuditLog.KIND).stream().map(kind -> PREFIX + "-" + kind.name()).toList();
        firstInstance.indices().delete(d -> d.index(indices).ignoreUnavailable(true));
        firstInstance.close();
        secondInstance.close();
    }

    /** The collection {@code kind} as an instance using {@code client} opens it in a cluster. */
    private static JsonCollection on(ElasticsearchClient client, SharedCollections.Kind kind) {
        return new ElasticsearchCollection(client, PREFIX + "-" + kind.name(), kind.what(), 0, kind.keywords(), kind.dates());
    }

    private MemoStore memos(ElasticsearchClient client) {
        return MemoStores.instance(on(client, MemoStore.KIND), notices.instance(), 500, Clock.systemUTC());
    }

    private InsightStore insights(ElasticsearchClient client) {
        return new InsightStore(new CachedCollection<>(InsightStore.KIND.name(), on(client, InsightStore.KIND), InsightStore.CODEC,
                notices.instance()));
    }

    @Test
    void aMemoWrittenThroughOneInstanceIsReadAndEditedThroughTheOtherAndEditsAtOnceAreAllKept() throws Exception {
        MemoStore first = memos(firstInstance);
        MemoStore second = memos(secondInstance);
        Memo memo = first.add("rapport-1", "Skrivet på den första", "forskare");

        assertThat(second.of("rapport-1")).containsExactly(memo);
        second.edit(memo.id(), "Ändrat på den andra", "forskare2");
        assertThat(first.of("rapport-1")).extracting(Memo::text).containsExactly("Ändrat på den andra");

        int editsEach = 15;
        List<MemoStore> instances = List.of(first, second);
        AtOnce.run(2, editsEach, (instance, i) -> instances.get(instance).edit(memo.id(), instance + "-" + i, "forskare" + instance));

        List<String> texts = memos(firstInstance).versions(memo.id()).stream().map(Memo::text).toList();
        assertThat(texts).as("after a restart, every version of both instances").hasSize(2 + 2 * editsEach)
                .contains("0-0", "0-" + (editsEach - 1), "1-0", "1-" + (editsEach - 1));
    }

    @Test
    void anInsightWrittenThroughOneInstanceIsReadThroughTheOtherAndChangesAtOnceAreAllKept() throws Exception {
        InsightStore first = insights(firstInstance);
        InsightStore second = insights(secondInstance);
        Instant now = Instant.now();
        Insight insight = first.create(new Insight(InsightStore.newId("Möten bär samverkan"), "Möten bär samverkan", "", List.of(),
                List.of("rapport-1"), Insight.Status.DRAFT, "forskare", now, now, false));

        assertThat(second.find(insight.id())).contains(insight);
        assertThat(second.all()).containsExactly(insight);

        int changesEach = 15;
        // Each change adds a mark to the text as it finds it: a lost change leaves a mark out.
        List<InsightStore> instances = List.of(first, second);
        AtOnce.run(2, changesEach, (instance, i) -> instances.get(instance).update(insight.id(), found -> new Insight(found.id(),
                found.title(), found.text() + instance, found.themes(), found.passages(), found.status(), found.createdBy(), found.created(),
                Instant.now(), false)));

        String text = insights(secondInstance).find(insight.id()).orElseThrow().text();
        assertThat(text.chars().filter(c -> c == '0')).hasSize(changesEach);
        assertThat(text.chars().filter(c -> c == '1')).hasSize(changesEach);
    }

    @Test
    void anAuditEntryWrittenThroughOneInstanceIsReadAndRedactedThroughTheOther() {
        AuditLog first = new AuditLog(on(firstInstance, AuditLog.KIND));
        AuditLog second = new AuditLog(on(secondInstance, AuditLog.KIND));
        first.record("forskare", "upload", "doc-1", new JsonObject().put("filename", "intervju-gunnel.txt"));
        second.record("forskare", "change_visibility", "doc-1", new JsonObject().put("to", "pilot"));

        assertThat(second.newest(10)).hasSize(2);
        assertThat(second.newest(1).getJsonObject(0).getString("action")).isEqualTo("change_visibility");
        assertThat(second.redactDetails(Set.of("doc-1"), "erased")).isEqualTo(2);
        assertThat(first.newest(10).encode()).doesNotContain("gunnel").contains("erased");
    }
}
