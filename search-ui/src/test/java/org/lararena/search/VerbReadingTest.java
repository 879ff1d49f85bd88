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
    void aNounOfAParticleAndABareVerbStemIsReadAsItsParticleVerb() {
        assertThat(VerbReading.verbsOf("avhopp")).containsExactly("hoppa av");
        assertThat(VerbReading.verbsOf("inköpen")).containsExactly("köpa in");
        assertThat(VerbReading.verbsOf("uppstarten")).containsExactly("starta upp");
        assertThat(VerbReading.verbsOf("bortfallet")).containsExactly("falla bort");
        assertThat(VerbReading.verbsOf("avhopp", false)).as("without the part").isEmpty();
        assertThat(VerbReading.verbsOf("utbyte")).as("a stem ending in a vowel is no verb's bare stem").isEmpty();
        assertThat(VerbReading.verbsOf("inom")).as("too short a rest").isEmpty();
    }

    @Test
    void otherWordsAreNotActionNouns() {
        assertThat(VerbReading.verbsOf("förbandsbyte")).isEmpty();
        assertThat(VerbReading.verbsOf("ring")).isEmpty();
        assertThat(VerbReading.verbsOf("hemma")).isEmpty();
    }
}
