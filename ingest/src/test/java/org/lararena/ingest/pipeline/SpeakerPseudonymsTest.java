package org.lararena.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeakerPseudonymsTest {

    @Test
    void theInterviewerIsIntervjuareAndOthersAreNumberedInOrderOfFirstAppearance() {
        var pseudonyms = SpeakerPseudonyms.assign(Arrays.asList("INTERVJUARE", "KAJSA", null, "INTERVJUARE", "LISBETH", "KAJSA"));

        assertThat(pseudonyms).containsExactly(
                Map.entry("INTERVJUARE", "Intervjuare"),
                Map.entry("KAJSA", "Respondent 1"),
                Map.entry("LISBETH", "Respondent 2"));
    }

    @Test
    void theSameSpeakersAlwaysGetTheSamePseudonyms() {
        var speakers = Arrays.asList("ANHÖRIG", "Intervjuare", "BRUKARE");

        assertThat(SpeakerPseudonyms.assign(speakers)).isEqualTo(SpeakerPseudonyms.assign(speakers));
        assertThat(SpeakerPseudonyms.assign(speakers).get("BRUKARE")).isEqualTo("Respondent 2");
    }
}
