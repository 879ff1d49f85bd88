package org.lararena.ontology.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyException;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.remote.InJvmFuseki;
import org.lararena.ontology.store.remote.RemoteTransactions;
import org.lararena.ontology.vocabulary.LAR;

/**
 * Two application instances growing one codebook kept in one real Fuseki: each sees the other's change once told,
 * and a change decided on an older version is refused, never saved beside the other under the same version.
 */
class SharedCodebookTest {

    private static final String TEMA = LAR.BASE + "tema/";

    @RegisterExtension
    final InJvmFuseki fuseki = new InJvmFuseki();
    private String url;

    @BeforeEach
    void start() {
        url = fuseki.serveNew().url();
    }

    private Codebook instance(Ontology ontology) {
        RemoteTransactions store = new RemoteTransactions(url);
        Codebook codebook = new Codebook(store, ontology, new RdfAnnotationStore(store, () -> PassageAnnotator.VERSION), Clock.systemUTC());
        assertThat(codebook.open()).isEmpty();
        return codebook;
    }

    private static ConceptDraft draft(String labelSv) {
        return new ConceptDraft(labelSv, null, "Ett begrepp teamet lade till.", List.of(), "#1f77b4", null);
    }

    @Test
    void aChangeOnOneInstanceIsReadByTheOtherAndAChangeFromTheOlderVersionIsRefusedWithoutASecondVersionOfTheSameNumber() {
        Ontology first = OntologyLoader.fromClasspath();
        Ontology second = OntologyLoader.fromClasspath();
        String shipped = first.version();
        Codebook one = instance(first);
        Codebook two = instance(second);

        Concept added = one.add(TEMA + "personcentrerad-vard", draft("Trygghetsvandring"), "forskare");
        assertThat(second.concept(added.iri())).as("not read by the other instance yet").isEmpty();

        assertThatThrownBy(() -> two.add(TEMA + "personcentrerad-vard", draft("Mobilt vårdteam"), "forskare2"))
                .isInstanceOf(OntologyException.class).hasMessageContaining("changed the codebook meanwhile")
                .extracting(e -> ((OntologyException) e).status()).isEqualTo(409);
        assertThat(second.concept(added.iri())).as("the refusal read the other's change in").isPresent();

        Concept second_ = two.add(TEMA + "personcentrerad-vard", draft("Mobilt vårdteam"), "forskare2");
        one.open();
        assertThat(first.concept(second_.iri())).isPresent();
        assertThat(first.version()).isEqualTo(second.version()).isEqualTo(shipped + "+kodbok.2");
        assertThat(one.changes()).extracting(CodebookChange::version)
                .containsExactly(shipped + "+kodbok.2", shipped + "+kodbok.1");
    }
}
