package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AmountQuestionsTest {

    @Test
    void aQuestionForHowManyHowLongHowOftenOrWhatItCostsAsksForAnAmount() {
        assertThat(AmountQuestions.asksForAnAmount(List.of("Hur", "många", "slutade", "röka?"))).isTrue();
        assertThat(AmountQuestions.asksForAnAmount(List.of("Hur", "länge", "får", "man", "vänta?"))).isTrue();
        assertThat(AmountQuestions.asksForAnAmount(List.of("Vad", "kostar", "programmet?"))).isTrue();
        assertThat(AmountQuestions.asksForAnAmount(List.of("Hur", "går", "ett", "besök", "till?"))).isFalse();
        assertThat(AmountQuestions.asksForAnAmount(List.of("Vad", "gör", "man?"))).isFalse();
        assertThat(AmountQuestions.asksForAnAmount(List.of("många"))).isFalse();
    }

    @Test
    void aYesNoQuestionWhetherAnAmountChangedAsksForAnAmountTooUnlessLeftOut() {
        List<String> fewer = List.of("Blev", "det", "färre", "akutbesök?");
        List<String> shrunk = List.of("Har", "avhoppen", "minskat?");
        List<String> scanned = List.of("Okade", "besoken?");

        assertThat(AmountQuestions.asksForAnAmount(fewer, true)).isTrue();
        assertThat(AmountQuestions.asksForAnAmount(shrunk, true)).isTrue();
        assertThat(AmountQuestions.asksForAnAmount(scanned, true)).as("typed without å, ä and ö").isTrue();
        assertThat(AmountQuestions.asksForAnAmount(fewer, false)).as("the rule left out").isFalse();
        assertThat(AmountQuestions.asksForAnAmount(List.of("Varför", "blev", "väntetiden", "kortare?"), true)).as("asks why").isFalse();
        assertThat(AmountQuestions.asksForAnAmount(List.of("Hur", "ska", "fler", "nås?"), true)).as("asks how").isFalse();
        assertThat(AmountQuestions.asksForAnAmount(List.of("Blev", "patienterna", "nöjda?"), true)).as("no change asked").isFalse();
        assertThat(AmountQuestions.amountWord(fewer)).as("no word that asks for the amount loses its synonyms").isEmpty();
    }

    @Test
    void theWordThatAsksForTheAmountIsTheOneAfterTheQuestionWordAsWritten() {
        assertThat(AmountQuestions.amountWord(List.of("Hur", "Många", "slutade?"))).contains("Många");
        assertThat(AmountQuestions.amountWord(List.of("Vad", "kostar", "det?"))).contains("kostar");
        assertThat(AmountQuestions.amountWord(List.of("Hur", "går", "det?"))).isEmpty();
    }
}
