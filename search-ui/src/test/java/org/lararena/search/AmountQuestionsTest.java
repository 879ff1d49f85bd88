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
    void theWordThatAsksForTheAmountIsTheOneAfterTheQuestionWordAsWritten() {
        assertThat(AmountQuestions.amountWord(List.of("Hur", "Många", "slutade?"))).contains("Många");
        assertThat(AmountQuestions.amountWord(List.of("Vad", "kostar", "det?"))).contains("kostar");
        assertThat(AmountQuestions.amountWord(List.of("Hur", "går", "det?"))).isEmpty();
    }
}
