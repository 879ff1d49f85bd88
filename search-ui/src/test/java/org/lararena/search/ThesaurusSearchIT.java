package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ontology.search.SwedishThesaurus;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.testing.TestServices;
import org.lararena.platform.web.Caller;

/**
 * The reading in other words ({@link RankingPart#THESAURUS}) on the managed node, with the analysis files it writes at
 * its start from the thesaurus installed here (Debian's {@code mythes-sv}).
 */
class ThesaurusSearchIT {

    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());

    private static ElasticsearchClient client;
    private static PassageIndex index;

    @BeforeAll
    static void indexPassages() {
        Assumptions.assumeTrue(Files.isReadable(SwedishThesaurus.MYTHES_SV),
                "Skipped: the Swedish thesaurus mythes-sv (" + SwedishThesaurus.MYTHES_SV + ") is not installed");
        TestServices services = TestServices.get();
        LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", services.elasticsearchUrl().toString()));
        client = ElasticsearchClients.create(config.elasticsearch());
        index = new PassageIndex(client, "thesaurus-it-" + Long.toHexString(System.nanoTime()), true, 1, 0);
        index.ensureExists(CurrentMappingOnly.FACETS);
        // Both with two of the query's three words; the shorter would rank first (weak length normalisation) but for the
        // synonym of the third (öva for träna) in the longer.
        new PassageIndexer(client, index).replaceDocument("uppfoljning", List.of(
                passage("uppfoljning", 0, "Efter utskrivningen fick de öva hemma med en fysioterapeut."),
                passage("uppfoljning", 1, "Efter utskrivningen fick de träna hemma med en fysioterapeut."),
                passage("uppfoljning", 2, "Efter utskrivningen fick de vila hemma."),
                passage("uppfoljning", 3, "De fick öva med en fysioterapeut.")));
    }

    @AfterAll
    static void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void ofPassagesWithTheSameWordsOneThatSaysAnotherInOtherWordsRanksFirstBelowThePassageWithTheWordAndSynonymsAloneFindNothing() {
        List<String> found = ids(new PassageSearch(client, index.alias(), iri -> iri).search(SearchRequest.of("träna hemma utskrivningen"), RESEARCHER));

        assertThat(found).containsExactly("uppfoljning-1", "uppfoljning-0", "uppfoljning-2");
    }

    @Test
    void withoutTheThesaurusTheShorterOfThePassagesWithTheSameWordsRanksFirst() {
        PassageSearch without = new PassageSearch(client, index.alias(), iri -> iri, text -> Set.of(), false, Set.of(RankingPart.THESAURUS));

        assertThat(ids(without.search(SearchRequest.of("träna hemma utskrivningen"), RESEARCHER))).containsExactly("uppfoljning-1", "uppfoljning-2", "uppfoljning-0");
    }

    private static JsonObject passage(String documentId, int ordinal, String text) {
        return new JsonObject().put("passageId", PassageIndexer.passageId(documentId, ordinal)).put("documentId", documentId)
                .put("title", documentId).put("ordinal", ordinal).put("text", text).put("visibility", "public")
                .put("pilot", "Örebro").put("date", "2024-05-01").put("year", 2024).put("type", "rapport")
                .put("themes", new JsonArray()).put("reviewedThemes", new JsonArray());
    }

    private static List<String> ids(JsonObject result) {
        List<String> ids = new ArrayList<>();
        result.getJsonArray("hits").forEach(h -> ids.add(((JsonObject) h).getString("passageId")));
        return ids;
    }
}
