package org.lararena.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.services.Ports;
import org.lararena.platform.shared.ElasticsearchCollection;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.JsonCollection.Stored;
import org.lararena.platform.testing.TestServices;

/** The collection a cluster's instances share, on the harness's real Elasticsearch: two instances are two clients. */
class ElasticsearchCollectionIT {

    private static final String INDEX = "it-shared-" + Long.toHexString(System.nanoTime());
    private static ElasticsearchClient firstInstance;
    private static ElasticsearchClient secondInstance;

    @BeforeAll
    static void clients() {
        LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", TestServices.get().elasticsearchUrl().toString()));
        firstInstance = ElasticsearchClients.create(config.elasticsearch());
        secondInstance = ElasticsearchClients.create(config.elasticsearch());
    }

    @AfterAll
    static void close() throws Exception {
        firstInstance.indices().delete(d -> d.index(INDEX + "-records", INDEX + "-audit").ignoreUnavailable(true));
        firstInstance.close();
        secondInstance.close();
    }

    private static JsonCollection on(ElasticsearchClient client, String name) {
        return new ElasticsearchCollection(client, INDEX + "-" + name, "the document's record", 0, List.of("status"), List.of("uploadedAt"));
    }

    @Test
    void aWriteOnOneInstanceIsReadAtOnceOnTheOtherAndAChangeFromAnOldReadIsRefused() {
        JsonCollection first = on(firstInstance, "records");
        JsonCollection second = on(secondInstance, "records");
        JsonObject record = new JsonObject().put("title", "Lägesrapport Värmland").put("status", "queued")
                .put("pages", new JsonArray().add(1).add(2)).put("describedAs", new JsonObject().put("language", "sv")).putNull("error");

        Stored created = first.create("d1", record);
        Stored read = second.find("d1").orElseThrow();
        assertThat(read.body()).as("read at once, without a refresh, nested values and nulls as written").isEqualTo(record);

        second.replace(read, record.copy().put("status", "extracting"));
        assertThatThrownBy(() -> first.replace(created, record.copy().put("visibility", "pilot")))
                .isInstanceOf(JsonCollection.ChangedMeanwhile.class).hasMessageContaining("d1")
                .extracting(e -> ((LararenaException) e).status()).isEqualTo(409);
        assertThatThrownBy(() -> second.create("d1", record)).isInstanceOf(JsonCollection.ChangedMeanwhile.class);
        assertThat(first.find("d1").orElseThrow().body().getString("status")).isEqualTo("extracting");

        assertThat(first.delete("d1")).isTrue();
        assertThat(second.find("d1")).isEmpty();
        assertThat(second.delete("d1")).isFalse();
    }

    @Test
    void everyDocumentIsListedBeyondOnePageAndTheNewestComeFirst() {
        JsonCollection audit = on(firstInstance, "audit");
        IntStream.range(0, 1_005).forEach(i -> audit.put("e" + i,
                new JsonObject().put("uploadedAt", "2026-01-01T00:00:00Z").put("n", i)));
        audit.put("latest", new JsonObject().put("uploadedAt", "2026-06-01T12:00:00Z"));

        List<Stored> all = on(secondInstance, "audit").all();
        assertThat(all).hasSize(1_006);
        assertThat(all).extracting(Stored::id).doesNotHaveDuplicates();
        assertThat(on(secondInstance, "audit").newest("uploadedAt", 2)).first().extracting(Stored::id).isEqualTo("latest");
    }

    @Test
    void anElasticsearchThatDoesNotAnswerIsA503NamingIt() throws Exception {
        LararenaConfig nowhere = LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", "http://127.0.0.1:" + Ports.freePort()));
        try (ElasticsearchClient away = ElasticsearchClients.create(nowhere.elasticsearch())) {
            assertThatThrownBy(() -> on(away, "records"))
                    .isInstanceOf(LararenaException.class).hasMessageContaining("Elasticsearch")
                    .extracting(e -> ((LararenaException) e).status()).isEqualTo(503);
        }
    }
}
