package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionReadingTest {

    @Test
    void aQueryIsAQuestionWhenItEndsWithAQuestionMarkOrOpensWithAQuestionWord() {
        assertThat(QuestionReading.isQuestion("Hur har andra piloter löst fast vårdkontakt")).isTrue();
        assertThat(QuestionReading.isQuestion("Minskade fallskadorna efter träningsgrupperna?")).isTrue();
        assertThat(QuestionReading.isQuestion("Varför blir patienter kvar?")).isTrue();
        assertThat(QuestionReading.isQuestion("fast vårdkontakt")).isFalse();
        assertThat(QuestionReading.isQuestion("hur")).isFalse();
    }

    @Test
    void whatIsAskedKeepsTheContentWordsAndThePhrases() {
        assertThat(QuestionReading.whatIsAsked(List.of("Vilka", "hinder", "finns", "för", "samverkan?"), true))
                .containsExactly("hinder", "för", "samverkan?");
        assertThat(QuestionReading.whatIsAsked(List.of("Hur", "har", "andra", "\"fast vårdkontakt\""), true))
                .containsExactly("har", "\"fast vårdkontakt\"");
        assertThat(QuestionReading.whatIsAsked(List.of("Vad", "finns"), true)).containsExactly("Vad", "finns");
    }

    @Test
    void theVerbsThatAskWhatSomethingMeansOrWhatSomeoneThinksFrameTheQuestion() {
        assertThat(QuestionReading.whatIsAsked(List.of("Vad", "innebär", "vardagsrehabilitering?"), true)).containsExactly("vardagsrehabilitering?");
        assertThat(QuestionReading.whatIsAsked(List.of("Vad", "tycker", "patienterna", "om", "videobesök?"), true))
                .containsExactly("patienterna", "om", "videobesök?");
        assertThat(QuestionReading.whatIsAsked(List.of("Vad", "innebär", "vardagsrehabilitering?"), false))
                .containsExactly("innebär", "vardagsrehabilitering?");
    }
}
