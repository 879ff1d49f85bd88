package org.lararena.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyFixtures;
import org.lararena.ontology.OntologyLoader;
import org.lararena.platform.LararenaException;

/** What an uploader may say a document is, and the visibility it then gets, come from the ontology's document types. */
class UploadFieldsCheckTest {

    private static final Ontology SHIPPED = OntologyLoader.shipped();

    @Test
    void interviewsAndTranscriptsAreRestrictedByDefaultAndOtherTypesAreForTheirPilot() {
        assertThat(DocumentsEndpoint.uploadFields(SHIPPED, null, "intervju", null, null, null).visibility()).isEqualTo(Visibility.RESTRICTED);
        assertThat(DocumentsEndpoint.uploadFields(SHIPPED, null, "transkript", null, null, null).visibility()).isEqualTo(Visibility.RESTRICTED);
        assertThat(DocumentsEndpoint.uploadFields(SHIPPED, null, null, null, null, null).visibility()).isEqualTo(Visibility.RESTRICTED);
        assertThat(DocumentsEndpoint.uploadFields(SHIPPED, null, "rapport", null, null, null).visibility()).isEqualTo(Visibility.PILOT);
        assertThat(DocumentsEndpoint.uploadFields(SHIPPED, null, "intervju", null, null, "public").visibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> DocumentsEndpoint.uploadFields(SHIPPED, null, "fokusgrupp", null, null, null))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("[intervju, motesanteckningar, presentation, rapport, transkript, workshop]")
                .hasMessageContaining("'fokusgrupp'");
    }

    @Test
    void aTypeTheOntologyAddsIsAcceptedAndItsSpeakersMakeItRestricted() {
        Ontology withFocusGroups = OntologyFixtures.shippedWith(OntologyFixtures.FOCUS_GROUP);

        assertThat(DocumentsEndpoint.uploadFields(withFocusGroups, null, "fokusgrupp", null, null, null).visibility())
                .isEqualTo(Visibility.RESTRICTED);
    }
}
