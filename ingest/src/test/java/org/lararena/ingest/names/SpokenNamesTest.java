package org.lararena.ingest.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpokenNamesTest {

    private static final Map<String, String> SPEAKERS = Map.of("KAJSA LIND", "Respondent 1", "INTERVJUARE", "Intervjuare");

    private static String pseudonymised(String text) {
        return SpokenNames.forDocument(SPEAKERS, List.of(text)).pseudonymise(text);
    }

    @Test
    void aSpeakersNameInEveryFormBecomesTheirPseudonym() {
        assertThat(pseudonymised("Som Kajsa sa. Kajsa Lind håller med, och Kajsas chef också. Fråga Lind."))
                .isEqualTo("Som Respondent 1 sa. Respondent 1 håller med, och Respondent 1:s chef också. Fråga Respondent 1.");
    }

    @Test
    void rolesAndNumberedLabelsAreNoNames() {
        assertThat(SpokenNames.namesPerson("INTERVJUARE")).isFalse();
        assertThat(SpokenNames.namesPerson("Respondent 2")).isFalse();
        assertThat(SpokenNames.namesPerson("IP3")).isFalse();
        assertThat(SpokenNames.namesPerson("Lisbeth")).isTrue();
    }

    @Test
    void otherNamesBecomeThePlaceholderAndOrdinaryWordsStay() {
        assertThat(pseudonymised("Vi frågade Hans om det, men hans chef sa nej.")).isEqualTo("Vi frågade [namn] om det, men hans chef sa nej.");
        assertThat(pseudonymised("Per timme hinner vi fyra besök.")).isEqualTo("Per timme hinner vi fyra besök.");
        assertThat(pseudonymised("Hon heter Zeynep och är ny.")).isEqualTo("Hon heter [namn] och är ny.");
    }

    @Test
    void aFragmentLosesTheNamesAndTheMarksAroundThem() {
        String text = "Som Kajsa Lind sa till Anna.";
        List<SpokenNames.Found> found = SpokenNames.forDocument(SPEAKERS, List.of(text)).find(text);
        assertThat(NameSpans.applyToFragment("Som <mark>Kajsa</mark> <mark>Lind</mark> <mark>sa</mark> till Anna.", text, found))
                .isEqualTo("Som Respondent 1 <mark>sa</mark> till [namn].");
        assertThat(NameSpans.applyToFragment("Lind <mark>sa</mark> till", text, found)).as("a fragment that cuts a full name")
                .isEqualTo("Respondent 1 <mark>sa</mark> till");
        assertThat(NameSpans.fromJson(NameSpans.toJson(found))).isEqualTo(found);
        assertThat(NameSpans.nameWords(text, found)).containsExactlyInAnyOrder("kajsa", "lind", "anna");
    }

    @Test
    void aHiddenNameIsKeptForSearchAsTypedFoldedAndWithoutItsGenitive() {
        String text = "Det var Ingegärds och Anna-Lenas idé.";
        List<SpokenNames.Found> found = SpokenNames.forDocument(Map.of(), List.of(text)).find(text);

        assertThat(NameSpans.searchWords(text, found)).contains("ingegärd", "ingegard", "ingegärds", "anna-lena", "lena", "anna")
                .doesNotContain("idé", "det");
    }

    @Test
    void aQuotesPrefixLosesANameThatReachesIntoIt() {
        String text = "Som Kajsa sa till Anna var samverkan viktigast.";
        List<SpokenNames.Found> found = SpokenNames.forDocument(SPEAKERS, List.of(text)).find(text);
        int cut = text.indexOf("ajsa");

        assertThat(NameSpans.applyToRange(text, found, cut, text.indexOf("samverkan"))).isEqualTo("Respondent 1 sa till [namn] var ");
    }
}
