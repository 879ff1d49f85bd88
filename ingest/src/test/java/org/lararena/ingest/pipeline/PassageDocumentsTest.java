package org.lararena.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.Visibility;

class PassageDocumentsTest {

    private static DocumentRecord record(String type) {
        return new DocumentRecord("doc", "samtal.txt", "Samtal", type, "Värmland", "2024-03-01", Visibility.PILOT, "0".repeat(64), 10,
                "forskare", Instant.EPOCH, DocumentStatus.INDEXING, null, null, 4, "sv");
    }

    private static JsonArray turns(String... speakerAndText) {
        JsonArray passages = new JsonArray();
        for (int i = 0; i < speakerAndText.length; i += 2) {
            passages.add(new JsonObject().put("ordinal", i / 2).put("page", 1).put("speaker", speakerAndText[i]).put("text", speakerAndText[i + 1]));
        }
        return passages;
    }

    @Test
    void anAnswerCarriesTheQuestionItAnswersAndNothingElseDoes() {
        List<JsonObject> documents = IndexingVerticle.passageDocuments(record("intervju"), turns(
                "INTERVJUARE", "Hur samarbetar ni med kommunen?",
                "KAJSA", "Vi ringer dem varje morgon.",
                "KAJSA", "Och vi ses varje vecka.",
                "INTERVJUARE", "Vad saknas?"));

        assertThat(documents.get(1).getString("question")).isEqualTo("Hur samarbetar ni med kommunen?");
        assertThat(documents).extracting(d -> d.getString("question")).containsExactly(null, "Hur samarbetar ni med kommunen?", null, null);
    }

    @Test
    void anAnswerKeepsItsNamesAndHidesTheNamesOfItsQuestionFromSearchesToo() {
        List<JsonObject> documents = IndexingVerticle.passageDocuments(record("intervju"), turns(
                "INTERVJUARE", "Vad sa Ingegärd om det?",
                "KAJSA", "Att Kajsas team ringer varje morgon."));

        assertThat(documents.get(1).getJsonArray("spokenNameWords")).contains("ingegärd", "ingegard", "kajsa");
        assertThat(documents.get(1).getJsonArray("spokenNames").getJsonObject(0).getString("replacement")).isEqualTo("Respondent 1:s");
        assertThat(documents.get(0).getJsonArray("spokenNameWords")).doesNotContain("kajsa");
    }

    @Test
    void aLongLeadInKeepsItsEndWhereTheQuestionIs() {
        String leadIn = "Bakgrund. ".repeat(100) + "Hur började det?";
        List<JsonObject> documents = IndexingVerticle.passageDocuments(record("intervju"), turns("INTERVJUARE", leadIn, "KAJSA", "Med ett möte."));

        assertThat(documents.get(1).getString("question")).hasSize(IndexingVerticle.MAX_QUESTION_CHARS).endsWith("Hur började det?");
    }

    @Test
    void presentersAndPassagesWithoutSpeakersCarryNoQuestion() {
        assertThat(IndexingVerticle.passageDocuments(record("presentation"), turns("ANNA", "Välkomna.", "BERIT", "Tack.")))
                .allSatisfy(d -> assertThat(d.getString("question")).isNull());
        assertThat(IndexingVerticle.passageDocuments(record("rapport"), turns(null, "Inledning?", null, "Svar.")))
                .allSatisfy(d -> assertThat(d.getString("question")).isNull());
    }
}
