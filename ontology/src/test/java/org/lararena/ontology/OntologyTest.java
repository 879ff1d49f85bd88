package org.lararena.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.vocabulary.LAR;

class OntologyTest {

    private static final String TEMA = LAR.BASE + "tema/";
    private static Ontology ontology;

    @BeforeAll
    static void load() {
        ontology = OntologyLoader.fromClasspath();
    }

    @Test
    void aNarrowerConceptCarriesLabelsDefinitionSchemeAndHierarchy() {
        Concept concept = ontology.require(TEMA + "fast-lakarkontakt");
        assertThat(concept.labelSv()).isEqualTo("Fast läkarkontakt");
        assertThat(concept.labelEn()).isEqualTo("Named doctor");
        assertThat(concept.definition("sv")).isPresent();
        assertThat(concept.scheme()).isEqualTo(LAR.Teman.getURI());
        assertThat(concept.broader()).containsExactly(TEMA + "kontinuitet");
        assertThat(ontology.require(TEMA + "kontinuitet").narrower()).contains(TEMA + "fast-lakarkontakt");
        assertThat(concept.hiddenLabels()).extracting(Concept.Label::text).contains("fast lakarkontakt");
    }

    @Test
    void weakLabelsAreKeptApartFromHiddenLabels() {
        Concept concept = ontology.require(TEMA + "tillganglighet");
        assertThat(concept.weakLabels()).extracting(Concept.Label::text).contains("vårdcentralen");
        assertThat(concept.hiddenLabels()).extracting(Concept.Label::text).doesNotContain("vårdcentralen");
    }

    @Test
    void topThemeOfANarrowerConceptIsItsRequiredTopTheme() {
        assertThat(ontology.topTheme(TEMA + "sip")).map(Concept::iri).contains(TEMA + "samverkan");
        assertThat(ontology.topTheme(TEMA + "samverkan")).map(Concept::iri).contains(TEMA + "samverkan");
        assertThat(ontology.topThemes()).hasSize(19).allSatisfy(t -> assertThat(t.isTop()).isTrue());
    }

    @Test
    void aTopThemeIsFoundByItsSwedishLabelAndAnUnknownIriIsShownAsItself() {
        String label = ontology.labelSv(TEMA + "samverkan");
        assertThat(ontology.topThemeIri(label)).contains(TEMA + "samverkan");
        assertThat(ontology.topThemeIri(ontology.labelSv(TEMA + "sip"))).as("a narrower concept is no top theme").isEmpty();
        assertThat(ontology.labelSvOrIri(TEMA + "samverkan")).isEqualTo(label);
        assertThat(ontology.labelSvOrIri(TEMA + "finns-inte")).isEqualTo(TEMA + "finns-inte");
    }

    @Test
    void documentTypesAndPilotsAreReadFromTheirSchemes() {
        assertThat(ontology.documentTypes()).extracting(DocumentType::notation)
                .containsExactly("intervju", "motesanteckningar", "presentation", "rapport", "transkript", "workshop");
        assertThat(ontology.documentTypes()).filteredOn(DocumentType::namesSpeakers).extracting(DocumentType::notation)
                .containsExactly("intervju", "transkript");
        assertThat(ontology.documentType("transkript")).map(DocumentType::labelSv).contains("Transkript");
        assertThat(ontology.namesSpeakers("rapport")).isFalse();
        assertThat(ontology.namesSpeakers(null)).isFalse();
        assertThat(ontology.pilots()).extracting(Pilot::labelSv).containsExactly("Annan region", "Värmland", "Västernorrland", "Örebro");
        assertThat(ontology.pilots()).filteredOn(p -> p.notation().equals("varmland")).extracting(Pilot::nameStem)
                .containsExactly(Optional.of("värml"));
    }

    @Test
    void aDocumentTypeOrPilotAddedToTheOntologyIsInItsLists() {
        Ontology extended = OntologyFixtures.shippedWith(OntologyFixtures.FOCUS_GROUP + OntologyFixtures.KRONOBERG);
        assertThat(extended.namesSpeakers("fokusgrupp")).isTrue();
        assertThat(extended.pilots()).extracting(Pilot::labelSv).contains("Kronoberg");
    }

    @Test
    void topThemeLabelsAreTheSwedishLabelsOfTheTopThemes() {
        assertThat(ontology.topThemeLabels()).hasSize(19).contains("Styrning och ledning", "Kontinuitet");
    }

    @Test
    void topThemeIsEmptyOutsideTemanAndUnknownIrisAreNotFound() {
        assertThat(ontology.topTheme(LAR.BASE + "niva/mikro")).isEmpty();
        assertThatThrownBy(() -> ontology.topTheme(TEMA + "finns-inte"))
                .isInstanceOfSatisfying(OntologyException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void broaderClosureHoldsTheConceptAndEveryBroaderOne() {
        assertThat(ontology.broaderClosure(TEMA + "hyrpersonal"))
                .containsExactly(TEMA + "hyrpersonal", TEMA + "kompetensforsorjning");
        assertThat(ontology.broaderClosure(TEMA + "digitalisering")).containsExactly(TEMA + "digitalisering");
    }

    @Test
    void labelSvGivesTheSwedishPreferredLabel() {
        assertThat(ontology.labelSv(TEMA + "kompetensforsorjning")).isEqualTo("Kompetensförsörjning");
    }

    @Test
    void findByLabelIgnoresCaseAndDiacriticsAndRanksPreferredLabelsFirst() {
        assertThat(ontology.findByLabel("tillganglig")).first().extracting(Concept::iri)
                .isEqualTo(TEMA + "tillganglighet");
        assertThat(ontology.findByLabel("KOMPETENSF")).extracting(Concept::iri)
                .contains(TEMA + "kompetensforsorjning");
        assertThat(ontology.findByLabel("hyrl")).extracting(Concept::iri).containsExactly(TEMA + "hyrpersonal");
    }

    @Test
    void findByLabelMatchesTheStartOfALaterWordAndCanBeLimitedToAScheme() {
        assertThat(ontology.findByLabel("ledning", LAR.Teman.getURI(), 50)).extracting(Concept::iri)
                .contains(TEMA + "styrning-och-ledning");
        assertThat(ontology.findByLabel("mikro", LAR.Teman.getURI(), 50)).isEmpty();
        assertThat(ontology.findByLabel("  ")).isEmpty();
    }

    @Test
    void theModelIsReadOnly() {
        assertThatThrownBy(() -> ontology.model().createResource(TEMA + "x").addProperty(
                RDFS.label, "x")).isInstanceOf(RuntimeException.class);
    }
}
