package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lararena.search.FreshPassageIndex.hitIds;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.platform.web.Caller;

/**
 * A document's opening passage, which holds its title, scores half ({@link RankingPart#OPENING_PASSAGE_AT_HALF}),
 * against a real Elasticsearch index: a question about what the document is about finds the passage that answers it
 * first, not the heading that names its subject.
 */
class OpeningPassageIT {

    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
    private static final String TITLE = "Uppföljning av nattpatrullen i Ekby hemtjänst";

    private static FreshPassageIndex fresh;
    private static PassageSearch search;
    private static PassageSearch withoutTheRule;

    @BeforeAll
    static void indexDocuments() {
        fresh = FreshPassageIndex.create("opening-passage-it");
        PassageIndexer indexer = fresh.indexer();
        indexer.replaceDocument("rapport-nattpatrull", passages("rapport-nattpatrull", TITLE,
                TITLE + " 2025. Nattpatrullen i Ekby startade i mars med två undersköterskor.",
                "Nattpatrullen har fungerat bra: larmen besvarades inom tjugo minuter.",
                "Personalen vill ha en bil till."));
        indexer.replaceDocument("rapport-dagverksamhet", passages("rapport-dagverksamhet", "Dagverksamhet för personer med demens",
                "Dagverksamhet för personer med demens i Lunda.", "Anhöriga har fått vila på dagarna.", "Resorna har fungerat sämre."));
        search = new PassageSearch(fresh.client(), fresh.alias(), iri -> iri, text -> Set.of(), false);
        withoutTheRule = new PassageSearch(fresh.client(), fresh.alias(), iri -> iri, text -> Set.of(), false,
                Set.of(RankingPart.OPENING_PASSAGE_AT_HALF));
    }

    @AfterAll
    static void close() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void aQuestionAboutADocumentsSubjectFindsTheAnswerBeforeTheOpeningThatNamesIt() {
        String question = "Hur har nattpatrullen i Ekby fungerat?";

        assertThat(hitIds(withoutTheRule.search(SearchRequest.of(question), RESEARCHER)))
                .as("without the rule the opening, which repeats the title, ranks first").startsWith("rapport-nattpatrull-0");
        assertThat(hitIds(search.search(SearchRequest.of(question), RESEARCHER)))
                .as("the passage that says how it worked ranks first").startsWith("rapport-nattpatrull-1");
    }

    @Test
    void whatOnlyTheOpeningSaysIsStillFound() {
        assertThat(hitIds(search.search(SearchRequest.of("undersköterskor startade"), RESEARCHER)))
                .as("halved, not left out").startsWith("rapport-nattpatrull-0");
    }

    private static List<JsonObject> passages(String documentId, String title, String... texts) {
        List<JsonObject> passages = new ArrayList<>();
        for (int ordinal = 0; ordinal < texts.length; ordinal++) {
            passages.add(new JsonObject().put("passageId", PassageIndexer.passageId(documentId, ordinal)).put("documentId", documentId)
                    .put("title", title).put("ordinal", ordinal).put("text", texts[ordinal]).put("visibility", "public")
                    .put("pilot", "Värmland").put("date", "2025-03-01").put("year", 2025).put("type", "rapport"));
        }
        return passages;
    }
}
