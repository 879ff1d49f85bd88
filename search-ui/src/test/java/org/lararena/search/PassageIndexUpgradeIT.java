package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.JsonData;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.index.DocumentWords;
import org.lararena.ingest.index.NearDuplicates;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ontology.store.PassageFacets;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.testing.TestServices;
import org.lararena.platform.web.Caller;

/**
 * An index made by an older version (no mapping version, none of the newer analysers, no reviewed themes) is moved to
 * the current mapping at start, with its passages, so the searches that name the newer analysers work on it, and with
 * the facets the annotation store holds, so a pilot sees the reviewed themes at once.
 */
class PassageIndexUpgradeIT {

    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
    private static final Caller PILOT = new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland"));
    private static final String THEME = "https://w3id.org/lararena/tema/lakemedel";
    /** More than a page of the copy ({@code IndexPages}). */
    private static final int LONG_DOCUMENT_PASSAGES = 1_200;
    private static final String COPIED_TEXT = "Kommunen och regionen delade på växelvården, och korttidsplatserna räckte till fler patienter än väntat.";

    @Test
    void anIndexOfAnOlderMappingIsReindexedAtStartAndItsPassagesAreFound() throws Exception {
        TestServices services = TestServices.get();
        LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", services.elasticsearchUrl().toString()));
        String prefix = "upgrade-it-" + Long.toHexString(System.nanoTime());
        try (ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch())) {
            JsonObject old;
            try (InputStream in = PassageIndex.class.getResourceAsStream("passage-index.json")) {
                old = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            old.getJsonObject("mappings").remove("_meta");
            for (String field : List.of("reviewedConcepts", "reviewedThemes", "suggestions", DocumentWords.FIELD, NearDuplicates.HAS_COPIES)) {
                old.getJsonObject("mappings").getJsonObject("properties").remove(field);
            }
            old.getJsonObject("settings").getJsonObject("analysis").getJsonObject("analyzer").remove("sv_search_split");
            old.getJsonObject("settings").getJsonObject("analysis").getJsonObject("filter").remove("sv_decompound_split");
            client.indices().create(c -> c.index(prefix + "-passages-000001").aliases(prefix + "-passages", a -> a.isWriteIndex(true))
                    .withJson(new ByteArrayInputStream(old.encode().getBytes(StandardCharsets.UTF_8))));
            PassageIndex index = new PassageIndex(client, prefix);
            // Written as the older version wrote it: without the fields that version's mapping lacks.
            JsonObject passage = new JsonObject()
                    .put("passageId", PassageIndexer.passageId("rapport", 0)).put("documentId", "rapport").put("title", "rapport")
                    .put("ordinal", 0).put("text", "Läkemedelsgenomgångarna på boendet undvek onödiga inläggningar.")
                    .put("visibility", "public").put("themes", new JsonArray().add(THEME)).put("concepts", new JsonArray().add(THEME));
            client.index(i -> i.index(index.alias()).id(passage.getString("passageId")).refresh(Refresh.True)
                    .document(JsonData.fromJson(passage.encode())));
            // A document longer than a page of the copy, whose beginning and end speak of different things.
            BulkRequest.Builder longDocument = new BulkRequest.Builder().index(index.alias()).refresh(Refresh.True);
            for (int ordinal = 0; ordinal < LONG_DOCUMENT_PASSAGES; ordinal++) {
                String text = ordinal < LONG_DOCUMENT_PASSAGES / 2 ? "Nattpatrullen i hemtjänsten på landsbygden, del " + ordinal
                        : "Samverkan med kommunen om hemsjukvården, del " + ordinal;
                JsonObject part = new JsonObject().put("passageId", PassageIndexer.passageId("lang-rapport", ordinal))
                        .put("documentId", "lang-rapport").put("title", "lång rapport").put("ordinal", ordinal).put("text", text)
                        .put("visibility", "public");
                longDocument.operations(op -> op.index(i -> i.id(part.getString("passageId")).document(JsonData.fromJson(part.encode()))));
            }
            // A report and its copy (one word more, so the report ranks first), with the long document between them: in
            // different pages of the copy, so the copy of the index finds the report among the passages it wrote before.
            for (String documentId : List.of("a-rapport", "zz-kopia")) {
                String text = COPIED_TEXT + (documentId.equals("zz-kopia") ? " Slut." : "");
                JsonObject part = new JsonObject().put("passageId", PassageIndexer.passageId(documentId, 0)).put("documentId", documentId)
                        .put("title", documentId).put("ordinal", 0).put("text", text).put("visibility", "public");
                longDocument.operations(op -> op.index(i -> i.id(part.getString("passageId")).document(JsonData.fromJson(part.encode()))));
            }
            assertThat(client.bulk(longDocument.build()).errors()).isFalse();

            // The store holds a researcher's acceptance of the theme: the copy carries it as a reviewed theme.
            index.ensureExists((documentId, passageIds) -> Map.of(PassageIndexer.passageId("rapport", 0), new PassageFacets(
                    List.of(THEME), List.of(THEME), List.of(THEME), List.of(THEME), List.of())));

            assertThat(client.indices().getAlias(a -> a.name(index.alias())).aliases().keySet()).containsExactly(prefix + "-passages-000002");
            PassageSearch search = new PassageSearch(client, index.alias(), iri -> iri);
            for (String query : List.of("läkemedelsgenomgång", "undvika inläggning")) {
                JsonObject result = search.search(SearchRequest.of(query), RESEARCHER);
                assertThat(result.getLong("total")).as(query).isEqualTo(1);
            }
            String words = client.get(g -> g.index(index.alias()).id(PassageIndexer.passageId("rapport", 0)), JsonData.class)
                    .source().toJson().asJsonObject().getString(DocumentWords.FIELD);
            assertThat(words).as("the copy gives the passage its document's words").contains("inlaggning");
            Set<String> wordsOfLongDocument = new HashSet<>();
            client.search(s -> s.index(index.alias()).size(LONG_DOCUMENT_PASSAGES).query(q -> q.term(t -> t.field("documentId").value("lang-rapport"))),
                    JsonData.class).hits().hits().forEach(hit -> wordsOfLongDocument.add(hit.source().toJson().asJsonObject().getString(DocumentWords.FIELD)));
            assertThat(wordsOfLongDocument).as("every passage of a document longer than a page of the copy has the same words")
                    .hasSize(1).doesNotContainNull();
            JsonObject report = search.search(SearchRequest.of("växelvården korttidsplatserna"), RESEARCHER).getJsonArray("hits").getJsonObject(0);
            assertThat(report.getString("documentId")).isEqualTo("a-rapport");
            assertThat(report.getJsonArray("alsoIn").stream().map(other -> ((JsonObject) other).getString("documentId")))
                    .as("a copy found in the older index is named beside its report").containsExactly("zz-kopia");
            SearchRequest byTheme = SearchRequest.fromParams(MultiMap.caseInsensitiveMultiMap().add("theme", THEME));
            assertThat(search.search(byTheme, PILOT).getLong("total")).as("a pilot finds the passage by its reviewed theme").isEqualTo(1);
            index.ensureExists(CurrentMappingOnly.FACETS);
            assertThat(client.indices().getAlias(a -> a.name(index.alias())).aliases().keySet()).as("a current index stays")
                    .containsExactly(prefix + "-passages-000002");
        }
    }

    @Test
    void theIndexTakesTheConfiguredShardsAndAChangedReplicaCountAtTheNextStart() throws Exception {
        LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", TestServices.get().elasticsearchUrl().toString()));
        String prefix = "layout-it-" + Long.toHexString(System.nanoTime());
        try (ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch())) {
            new PassageIndex(client, prefix, false, 2, 0).ensureExists(CurrentMappingOnly.FACETS);
            assertThat(layout(client, prefix + "-passages")).as("shards, replicas of a new index").containsExactly("2", "0");

            PassageIndex restarted = new PassageIndex(client, prefix, false, 3, 1);
            restarted.ensureExists(CurrentMappingOnly.FACETS);
            assertThat(layout(client, prefix + "-passages")).as("replicas follow at once; shards wait for a new index").containsExactly("2", "1");
            String next = restarted.createNext();
            assertThat(layout(client, next)).as("the next index (a reindex)").containsExactly("3", "1");
        }
    }

    private static List<String> layout(ElasticsearchClient client, String indexOrAlias) throws Exception {
        var settings = client.indices().getSettings(g -> g.index(indexOrAlias)).settings().values().iterator().next().settings().index();
        return List.of(settings.numberOfShards(), settings.numberOfReplicas());
    }
}
