package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.IndexingOutcome;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.testing.TestServices;
import org.lararena.search.CurrentMappingOnly;

/** Indexing gathers many documents into bulk requests: every document ends up searchable once, each passage once. */
class BatchIndexingIT {

    private static final int DOCUMENTS = 300;

    @TempDir
    Path dataDir;

    @Test
    void manySmallDocumentsAtOnceAreEachIndexedAndSearchableExactlyOnce() throws Exception {
        String researcher = TestServices.get().accessToken("forskare", "forskare");
        try (RunningApplication app = RunningApplication.start(dataDir, Map.of("LARARENA_DEMO_DATA", "false"))) {
            List<String> ids = app.uploadMany(researcher, DOCUMENTS, "satsprovet");
            assertThat(ids).hasSize(DOCUMENTS);

            assertThat(app.awaitAllSettled(researcher, DOCUMENTS)).as("statuses").isEqualTo(Map.of("indexed", (long) DOCUMENTS));

            long passages = 0;
            for (String id : ids) {
                JsonObject document = new JsonObject(app.get("/api/documents/" + id, researcher).body());
                JsonArray indexed = new JsonArray(app.get("/api/documents/" + id + "/passages", researcher).body());
                assertThat(indexed.size()).as("passages of %s in the index", id).isEqualTo(document.getInteger("passages")).isPositive();
                Set<Integer> ordinals = new HashSet<>();
                indexed.forEach(p -> ordinals.add(((JsonObject) p).getInteger("ordinal")));
                assertThat(ordinals).as("each passage of %s once", id).hasSize(indexed.size());
                passages += indexed.size();
            }
            JsonObject found = new JsonObject(app.get("/api/search?q=satsprovet&size=1", researcher).body());
            assertThat(found.getLong("total")).as("every passage searchable, none twice").isEqualTo(passages);
            JsonObject one = new JsonObject(app.get("/api/search?q=satsprovet+nummer+217&size=100", researcher).body());
            assertThat(one.getJsonArray("hits").stream().map(h -> ((JsonObject) h).getString("documentId")))
                    .as("the document of number 217 is found").contains(ids.get(217));
        }
    }

    @Test
    void aDocumentWhosePassagesElasticsearchRefusesFailsAloneInItsBatch() throws Exception {
        try (FreshIndex fresh = FreshIndex.create()) {
            ElasticsearchClient client = fresh.client();
            PassageIndex index = fresh.index();
            PassageIndexer indexer = new PassageIndexer(client, index);
            Map<String, List<JsonObject>> batch = new LinkedHashMap<>();
            batch.put("gott-a", List.of(passage("gott-a", 0, 0), passage("gott-a", 1, 1)));
            // "ordinal" is an integer in the mapping: Elasticsearch refuses this item, and only this document's.
            batch.put("trasigt", List.of(passage("trasigt", 0, 0), passage("trasigt", 1, 1).put("ordinal", "inte ett tal")));
            batch.put("gott-b", List.of(passage("gott-b", 0, 0)));

            Map<String, PassageIndexer.Outcome> outcomes = indexer.replaceDocuments(batch);

            assertThat(outcomes.get("gott-a").status()).isEqualTo(IndexingOutcome.INDEXED);
            assertThat(outcomes.get("gott-b").status()).isEqualTo(IndexingOutcome.INDEXED);
            assertThat(outcomes.get("trasigt").status()).isEqualTo(IndexingOutcome.FAILED);
            assertThat(outcomes.get("trasigt").reason()).contains("trasigt-1");
            // Searchable on return: the batch was refreshed once.
            assertThat(client.count(c -> c.index(index.alias()).query(q -> q.term(t -> t.field("documentId").value("gott-a")))).count()).isEqualTo(2);
            assertThat(client.count(c -> c.index(index.alias()).query(q -> q.term(t -> t.field("documentId").value("gott-b")))).count()).isEqualTo(1);
            assertThat(client.count(c -> c.index(index.alias()).query(q -> q.term(t -> t.field("documentId").value("trasigt")))).count())
                    .as("no part of the refused document is searchable").isZero();

            // A shorter new version of a document loses the passages it no longer has, in the same kind of batch.
            assertThat(indexer.replaceDocuments(Map.of("gott-a", List.of(passage("gott-a", 0, 0)))).get("gott-a").status())
                    .isEqualTo(IndexingOutcome.INDEXED);
            assertThat(client.count(c -> c.index(index.alias()).query(q -> q.term(t -> t.field("documentId").value("gott-a")))).count()).isEqualTo(1);
        }
    }

    @Test
    void aDocumentOfManyThousandPassagesIsIndexedWholeInSeveralBulkRequests() throws Exception {
        try (FreshIndex fresh = FreshIndex.create()) {
            ElasticsearchClient client = fresh.client();
            PassageIndex index = fresh.index();
            PassageIndexer indexer = new PassageIndexer(client, index);
            int many = 12_000;
            List<JsonObject> passages = new ArrayList<>();
            for (int ordinal = 0; ordinal < many; ordinal++) {
                passages.add(passage("stor", ordinal, ordinal));
            }

            assertThat(indexer.replaceDocuments(Map.of("stor", passages)).get("stor").status()).isEqualTo(IndexingOutcome.INDEXED);
            assertThat(client.count(c -> c.index(index.alias()).query(q -> q.term(t -> t.field("documentId").value("stor")))).count())
                    .as("every passage of the large document, searchable on return").isEqualTo(many);

            // Its shorter new version, still more than one request, loses exactly the passages past its end.
            assertThat(indexer.replaceDocuments(Map.of("stor", passages.subList(0, 4_500))).get("stor").status())
                    .isEqualTo(IndexingOutcome.INDEXED);
            assertThat(client.count(c -> c.index(index.alias()).query(q -> q.term(t -> t.field("documentId").value("stor")))).count())
                    .isEqualTo(4_500);
        }
    }

    /** A passage index of its own on the harness's Elasticsearch, deleted afterwards. */
    private record FreshIndex(ElasticsearchClient client, PassageIndex index) implements AutoCloseable {

        static FreshIndex create() throws Exception {
            LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", TestServices.get().elasticsearchUrl().toString()));
            ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch());
            PassageIndex index = new PassageIndex(client, "batch-it-" + Long.toHexString(System.nanoTime()));
            index.ensureExists(CurrentMappingOnly.FACETS);
            return new FreshIndex(client, index);
        }

        @Override
        public void close() throws Exception {
            try {
                client.indices().delete(d -> d.index(index.alias() + "-000001"));
            } finally {
                client.close();
            }
        }
    }

    private static JsonObject passage(String documentId, int ordinal, int n) {
        return new JsonObject().put("passageId", PassageIndexer.passageId(documentId, ordinal)).put("documentId", documentId)
                .put("title", documentId).put("ordinal", ordinal).put("text", "Stycke " + n + " om samverkan.").put("visibility", "public");
    }
}
