package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.DocumentAnnotated;
import org.lararena.ingest.IndexingOutcome;
import org.lararena.ingest.index.DocumentWords;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.pipeline.IndexingVerticle;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.testing.TestServices;
import org.lararena.search.FreshPassageIndex;

/**
 * Indexing gathers many documents into bulk requests: every document ends up searchable once, each passage once; a
 * large document is written in a lane of its own, so small ones are not held up behind it.
 */
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
        try (FreshPassageIndex fresh = FreshPassageIndex.create("batch-it")) {
            ElasticsearchClient client = fresh.client();
            PassageIndex index = fresh.index();
            PassageIndexer indexer = fresh.indexer();
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
    void aDocumentWhoseWordsElasticsearchWillNotAnalyseIsIndexedWithoutThem() throws Exception {
        try (FreshPassageIndex fresh = FreshPassageIndex.create("batch-it")) {
            // Fewer tokens than the document has: the analysis of its words is refused, as that of a document past
            // the index's limit would be.
            fresh.client().indices().putSettings(p -> p.index(fresh.alias()).settings(s -> s.analyze(a -> a.maxTokenCount(1))));

            PassageIndexer.Outcome outcome = fresh.indexer().replaceDocuments(Map.of("gott-a", List.of(passage("gott-a", 0, 0)))).get("gott-a");

            assertThat(outcome.status()).as(String.valueOf(outcome.reason())).isEqualTo(IndexingOutcome.INDEXED);
            JsonObject indexed = new JsonObject(fresh.client().get(g -> g.index(fresh.alias()).id(PassageIndexer.passageId("gott-a", 0)),
                    JsonData.class).source().toJson().toString());
            assertThat(indexed.getString("text")).as("the passage is searchable").isNotBlank();
            assertThat(indexed.getString(DocumentWords.FIELD)).as("its document's words").isEmpty();
        }
    }

    @Test
    void aDocumentWhoseIndexIsGoneWaitsForItsRebuild() throws Exception {
        try (FreshPassageIndex fresh = FreshPassageIndex.create("batch-it")) {
            fresh.client().indices().delete(d -> d.index(fresh.alias() + "-000001"));

            PassageIndexer.Outcome outcome = fresh.indexer().replaceDocuments(Map.of("gott-a", List.of(passage("gott-a", 0, 0)))).get("gott-a");

            assertThat(outcome.status()).as("though its words could not be read either: " + outcome.reason()).isEqualTo(IndexingOutcome.WAITING);
            assertThat(fresh.client().indices().exists(e -> e.index(fresh.alias())).value()).as("no index made in its place").isFalse();
        }
    }

    @Test
    void aDocumentOfManyThousandPassagesIsIndexedWholeInSeveralBulkRequests() throws Exception {
        try (FreshPassageIndex fresh = FreshPassageIndex.create("batch-it")) {
            ElasticsearchClient client = fresh.client();
            PassageIndex index = fresh.index();
            PassageIndexer indexer = fresh.indexer();
            int many = 7_000;
            List<JsonObject> passages = new ArrayList<>();
            for (int ordinal = 0; ordinal < many; ordinal++) {
                // Sentences long enough for a near-duplicate signature, and each of other words: about twelve bands a
                // passage of their own, more in all than one terms query of Elasticsearch may hold (such a document
                // used to fail).
                passages.add(passage("stor", ordinal, ordinal).put("text", sentenceOfItsOwn(ordinal)));
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

    @Test
    void aMuchShorterNewVersionOfALargeDocumentLeavesNoneOfItsOldPassagesInSearch() throws Exception {
        try (FreshPassageIndex fresh = FreshPassageIndex.create("batch-it")) {
            PassageIndexer indexer = fresh.indexer();
            List<JsonObject> passages = new ArrayList<>();
            for (int ordinal = 0; ordinal < 12_000; ordinal++) {
                passages.add(passage("utskrift", ordinal, ordinal));
            }
            assertThat(indexer.replaceDocuments(Map.of("utskrift", passages)).get("utskrift").status()).isEqualTo(IndexingOutcome.INDEXED);

            // Extracted again, the transcript is 500 passages: 11,500 are stale, more than one search returns.
            assertThat(indexer.replaceDocuments(Map.of("utskrift", passages.subList(0, 500))).get("utskrift").status())
                    .isEqualTo(IndexingOutcome.INDEXED);
            assertThat(fresh.client().count(c -> c.index(fresh.index().alias()).query(q -> q.term(t -> t.field("documentId").value("utskrift"))))
                    .count()).as("passages of the new version in search, and none of the old").isEqualTo(500);
        }
    }

    @Test
    void aSmallDocumentIsIndexedWhileALargeOneIsStillBeingWritten() throws Exception {
        int large = 20_000;
        try (FreshPassageIndex fresh = FreshPassageIndex.create("batch-it")) {
            DocumentStore store = new DocumentStore(dataDir);
            store.create(record("stor-utskrift"));
            store.create(record("kort-anteckning"));
            Vertx vertx = Vertx.vertx();
            try {
                // The defaults of the application: one batch takes at most 5,000 passages, and 2,000 make a document large.
                LararenaConfig.Indexing limits = LararenaConfig.fromMap(Map.of()).indexing();
                vertx.deployVerticle(new IndexingVerticle(store, fresh.indexer(), limits),
                        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(30, TimeUnit.SECONDS);
                List<String> answered = new CopyOnWriteArrayList<>();
                Future<IndexingOutcome> largeOutcome = new DocumentAnnotated("stor-utskrift", passages(large)).request(vertx.eventBus(), Duration.ofMinutes(5))
                        .onSuccess(outcome -> answered.add("stor-utskrift"));
                Future<IndexingOutcome> smallOutcome = new DocumentAnnotated("kort-anteckning", passages(3)).request(vertx.eventBus(), Duration.ofMinutes(5))
                        .onSuccess(outcome -> answered.add("kort-anteckning"));

                assertThat(smallOutcome.await(5, TimeUnit.MINUTES)).isEqualTo(IndexingOutcome.INDEXED);
                assertThat(largeOutcome.await(5, TimeUnit.MINUTES)).isEqualTo(IndexingOutcome.INDEXED);
                assertThat(answered).as("the order the documents became searchable in, the large one sent first")
                        .containsExactly("kort-anteckning", "stor-utskrift");
                assertThat(store.find("stor-utskrift").orElseThrow().status()).isEqualTo(DocumentStatus.INDEXED);
                assertThat(fresh.client().count(c -> c.index(fresh.index().alias()).query(q -> q.term(t -> t.field("documentId").value("stor-utskrift"))))
                        .count()).as("passages of the large document in the index").isEqualTo(large);
            } finally {
                vertx.close().await(30, TimeUnit.SECONDS);
            }
        }
    }

    private static final List<String> WORDS = List.of("kommunen", "regionen", "vårdcentralen", "hemsjukvården", "de", "äldre",
            "samverkan", "planering", "personalen", "möten", "varje", "vecka", "patienter", "närstående", "rutiner", "utskrivning",
            "telefon", "journalen", "chefer", "läkare", "sjuksköterskor", "undersköterskor", "kvällar", "helger", "glesbygd",
            "resor", "digitala", "besök", "uppföljning", "mål", "budget", "avtal", "ansvar", "frågor", "svar", "kontakt");

    /** Fourteen words of {@link #WORDS} chosen by the ordinal: near-duplicate of no other passage. */
    private static String sentenceOfItsOwn(int ordinal) {
        Random words = new Random(ordinal);
        StringBuilder sentence = new StringBuilder("Avsnitt ").append(ordinal);
        for (int i = 0; i < 14; i++) {
            sentence.append(' ').append(WORDS.get(words.nextInt(WORDS.size())));
        }
        return sentence.append('.').toString();
    }

    private static DocumentRecord record(String id) {
        return new DocumentRecord(id, id + ".txt", id, "rapport", "Värmland", "2024-03-01", Visibility.PILOT, "0".repeat(64), 10,
                "forskare", Instant.EPOCH, DocumentStatus.INDEXING, null, null, 1, "sv");
    }

    /** Annotated passages as the pipeline sends them, each a sentence of a report. */
    private static JsonArray passages(int count) {
        JsonArray passages = new JsonArray();
        int offset = 0;
        for (int ordinal = 0; ordinal < count; ordinal++) {
            String text = "Avsnitt " + ordinal + " av rapporten om samverkan mellan kommunen och regionen kring de äldre i hemsjukvården.";
            passages.add(new JsonObject().put("ordinal", ordinal).put("page", 1).put("text", text).put("start", offset).put("end", offset + text.length()));
            offset += text.length() + 2;
        }
        return passages;
    }

    private static JsonObject passage(String documentId, int ordinal, int n) {
        return new JsonObject().put("passageId", PassageIndexer.passageId(documentId, ordinal)).put("documentId", documentId)
                .put("title", documentId).put("ordinal", ordinal).put("text", "Stycke " + n + " om samverkan.").put("visibility", "public");
    }
}
