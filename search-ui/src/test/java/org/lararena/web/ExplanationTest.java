package org.lararena.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.suggest.SuggesterModel;

class ExplanationTest {

    private static JsonObject suggestion() {
        return new JsonObject().put("origin", "auto").put("state", "suggested").put("exact", "vårdcentralen")
                .put("matched", "vårdcentral").put("confidence", 0.6249).put("learnedFrom", 14);
    }

    @Test
    void anUnreviewedSuggestionSaysSoWithTheWordsTheConfidenceAndTheDecisionsItLearnedFrom() {
        assertThat(Explanation.of(suggestion(), Messages.SWEDISH))
                .isEqualTo("automatiskt förslag, ej granskat · ordet ’vårdcentralen’ · säkerhet 0,62 · lärt av 14 beslut");
        assertThat(Explanation.of(suggestion(), Messages.ENGLISH))
                .isEqualTo("automatic suggestion, not reviewed · the words ’vårdcentralen’ · confidence 0.62 · learned from 14 decisions");
    }

    @Test
    void aSuggestionLearnedFromOneDecisionSaysTheSingular() {
        // Swedish says "beslut" for one and for many; English does not.
        assertThat(Explanation.of(suggestion().put("learnedFrom", 1), Messages.SWEDISH)).endsWith(" · lärt av 1 beslut");
        assertThat(Explanation.of(suggestion().put("learnedFrom", 1), Messages.ENGLISH)).endsWith(" · learned from 1 decision");
    }

    @Test
    void anAcceptedSuggestionSaysItWasAcceptedAndAManualTagWhoseItIs() {
        assertThat(Explanation.of(suggestion().put("state", "accepted"), Messages.SWEDISH))
                .startsWith("godtagen · automatisk · ordet ’vårdcentralen’");
        assertThat(Explanation.of(new JsonObject().put("origin", "manual").put("state", "accepted").put("exact", "chefen"), Messages.SWEDISH))
                .isEqualTo("godtagen · manuell");
    }

    @Test
    void theDecisionsAConfidenceWasLearnedFromAreCountedOnlyForSuggestionsTheModelInServiceMade() {
        SuggesterModel third = SuggesterModel.fromJson(SuggesterModel.DICTIONARY_ONLY.toJson().put("version", 3).put("decisions", 14)
                .put("trainedAt", "2026-12-01T00:00:00Z"));
        String theme = "https://w3id.org/lararena/tema/samverkan";

        assertThat(Explanation.learnedFrom(third, theme, SuggesterModel.WHOLE_PASSAGE, AnnotationIris.annotatorIri(AnnotationIris.annotatorVersion(3))))
                .as("made by the model in service").isEqualTo(14);
        assertThat(Explanation.learnedFrom(third, theme, SuggesterModel.WHOLE_PASSAGE, AnnotationIris.annotatorIri(AnnotationIris.annotatorVersion(2))))
                .as("made by an earlier model: its confidence is not what the model in service learned").isZero();
        assertThat(Explanation.learnedFrom(third, theme, SuggesterModel.WHOLE_PASSAGE, AnnotationIris.annotatorIri()))
                .as("made by the dictionary alone").isZero();
    }

    @Test
    void aWholePassageSuggestionWithoutConfidenceOrDecisionsLeavesThoseOut() {
        JsonObject whole = new JsonObject().put("origin", "auto").put("state", "suggested").put("exact", "Hela texten")
                .put("matched", "(hela stycket)").put("learnedFrom", 0);
        assertThat(Explanation.of(whole, Messages.SWEDISH)).isEqualTo("automatiskt förslag, ej granskat · hela stycket");
    }
}
