package org.lararena.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeakerRolesTest {

    @Test
    void labelsThatNameARoleGiveThatRoleInAnyDocument() {
        assertThat(SpeakerRoles.of("INTERVJUARE", "intervju")).isEqualTo("intervjuare");
        assertThat(SpeakerRoles.of(" Moderator ", "workshop")).isEqualTo("moderator");
        assertThat(SpeakerRoles.of("PRESENTATÖR", "transkript")).isEqualTo("presentatör");
    }

    @Test
    void namedSpeakersTakeTheirRoleFromTheDocumentTypeAndNeverTheirName() {
        assertThat(SpeakerRoles.of("KAJSA", "intervju")).isEqualTo("respondent");
        assertThat(SpeakerRoles.of("LISBETH", "transkript")).isEqualTo("respondent");
        assertThat(SpeakerRoles.of("Anna Svensson", "workshop")).isEqualTo("deltagare");
        assertThat(SpeakerRoles.of("DISTRIKTSSKÖTERSKA", null)).isEqualTo("respondent");
        assertThat(SpeakerRoles.of(null, "intervju")).isNull();
    }
}
