package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lararena.search.FreshPassageIndex.hitIds;

import co.elastic.clients.json.JsonData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.index.DocumentWords;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.platform.web.Caller;

/**
 * A passage read inside its document ({@link RankingPart#DOCUMENT_CONTEXT}), against a real Elasticsearch index: the
 * words a document uses most are written on its passages at indexing, and a search counts the query's words among them.
 */
class DocumentContextIT {

    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());

    private static FreshPassageIndex fresh;
    private static PassageSearch search;
    private static PassageSearch withoutDocumentContext;

    @BeforeAll
    static void indexDocuments() {
        fresh = FreshPassageIndex.create("document-context-it");
        PassageIndexer indexer = fresh.indexer();
        indexer.replaceDocument("rapport-alkohol", passages("rapport-alkohol",
                "Alkoholvanor hos patienterna på vårdcentralen.",
                "Frågor om alkohol ställs nu vid varje besök, och alkohol tas upp i hälsosamtalen.",
                "Rutinerna har blivit bättre sedan i våras."));
        indexer.replaceDocument("rapport-fotvard", passages("rapport-fotvard",
                "Fotvård för patienter med diabetes.",
                "Fötterna undersöks en gång om året av fotterapeuten.",
                "Rutinerna har blivit bättre."));
        indexer.replaceDocument("rapport-lokaler", passages("rapport-lokaler",
                "Nya lokaler för hemtjänsten i centrum.", "Flytten skedde under sommaren.", "Parkeringen räcker inte till."));
        indexer.replaceDocument("rapport-tolk", passages("rapport-tolk",
                "Tolk på distans via video.", "Väntetiden för tolk blev kortare.", "Personalen vill ha fler skärmar."));
        indexer.replaceDocument("protokoll-namn", List.of(
                passage("protokoll-namn", 0, "Ingegerd berättade om mötet. Ingegerd vill ha fler möten och Ingegerd ringer regionen.",
                        new JsonArray().add(span(0, 8)).add(span(29, 37)).add(span(61, 69))),
                passage("protokoll-namn", 1, "Mötet med regionen hölls i maj.", new JsonArray())));
        search = new PassageSearch(fresh.client(), fresh.alias(), iri -> iri, text -> Set.of(), false);
        withoutDocumentContext = new PassageSearch(fresh.client(), fresh.alias(), iri -> iri, text -> Set.of(), false,
                Set.of(RankingPart.DOCUMENT_CONTEXT));
    }

    @AfterAll
    static void close() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void amongPassagesWithTheSameWordsThoseOfADocumentAboutWhatIsAskedRankFirst() {
        String query = "rutiner bättre alkohol";

        assertThat(hitIds(withoutDocumentContext.search(SearchRequest.of(query), RESEARCHER)))
                .as("without the document's words the shorter passage ranks first")
                .startsWith("rapport-fotvard-2");
        assertThat(hitIds(search.search(SearchRequest.of(query), RESEARCHER)))
                .as("the passage of the report about alcohol ranks first").startsWith("rapport-alkohol-2");
    }

    @Test
    void aDocumentsWordsFindNoPassageOfTheirOwn() {
        List<String> found = hitIds(search.search(SearchRequest.of("alkohol"), RESEARCHER));

        assertThat(found).containsExactlyInAnyOrder("rapport-alkohol-0", "rapport-alkohol-1")
                .as("a passage of the report that does not say the word is not a hit").doesNotContain("rapport-alkohol-2");
    }

    @Test
    void theNamesSpokenInADocumentAreNotAmongItsWords() throws Exception {
        String words = fresh.client().get(g -> g.index(fresh.alias()).id(PassageIndexer.passageId("protokoll-namn", 1)), JsonData.class)
                .source().toJson().asJsonObject().getString(DocumentWords.FIELD);

        assertThat(words).as("the document's words are read").contains("region");
        assertThat(words).as("the name said three times is not one of them").doesNotContain("ingeg");
    }

    private static List<JsonObject> passages(String documentId, String... texts) {
        List<JsonObject> passages = new ArrayList<>();
        for (int ordinal = 0; ordinal < texts.length; ordinal++) {
            passages.add(passage(documentId, ordinal, texts[ordinal], new JsonArray()));
        }
        return passages;
    }

    private static JsonObject passage(String documentId, int ordinal, String text, JsonArray spokenNames) {
        return new JsonObject().put("passageId", PassageIndexer.passageId(documentId, ordinal)).put("documentId", documentId)
                .put("title", "Uppföljning").put("ordinal", ordinal).put("text", text).put("visibility", "public")
                .put("pilot", "Värmland").put("date", "2025-03-01").put("year", 2025).put("type", "rapport")
                .put("spokenNames", spokenNames);
    }

    /** A spoken name's span as the index keeps it ({@code NameSpans.toJson}). */
    private static JsonObject span(int start, int end) {
        return new JsonObject().put("start", start).put("end", end).put("replacement", "[namn]");
    }
}
