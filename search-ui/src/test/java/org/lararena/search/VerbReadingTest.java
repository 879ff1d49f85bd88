package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerbReadingTest {

    @Test
    void anActionNounInNingOrIngIsReadAsTheVerbsItMayBeMadeFrom() {
        assertThat(VerbReading.verbsOf("läkning")).containsExactly("läka", "läkna");
        assertThat(VerbReading.verbsOf("Bedömningen")).contains("bedöma");
        assertThat(VerbReading.verbsOf("samordning")).contains("samordna");
        assertThat(VerbReading.verbsOf("rehabiliteringen")).containsExactly("rehabilitera");
        // -ning on a vowel is -ing on a stem in n: träning is trän|ing.
        assertThat(VerbReading.verbsOf("träning")).containsExactly("träna");
    }

    @Test
    void aCompoundWhoseHeadIsAnActionNounKeepsItsModifier() {
        assertThat(VerbReading.verbsOf("sårläkning")).contains("sårläka");
    }

    @Test
    void aParticleVerbsNounAlsoGivesTheVerbWithItsParticleAfterIt() {
        assertThat(VerbReading.verbsOf("inloggning")).contains("inlogga", "logga in");
        assertThat(VerbReading.verbsOf("uppföljningen")).contains("uppfölja", "följa upp");
    }

    @Test
    void otherWordsAreNotActionNouns() {
        assertThat(VerbReading.verbsOf("förbandsbyte")).isEmpty();
        assertThat(VerbReading.verbsOf("ring")).isEmpty();
        assertThat(VerbReading.verbsOf("hemma")).isEmpty();
    }
}
