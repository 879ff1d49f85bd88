package org.lararena.ontology.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyException;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.vocabulary.LAR;

class CodebookTest {

    private static final String TEMA = LAR.BASE + "tema/";
    private static final String DOC = "d1";

    private Dataset dataset;
    private Ontology ontology;
    private RdfAnnotationStore annotations;
    private Codebook codebook;
    private String shippedVersion;

    @BeforeEach
    void openEmptyCodebook() {
        dataset = TDB2Factory.createDataset();
        ontology = OntologyLoader.fromClasspath();
        shippedVersion = ontology.version();
        annotations = new RdfAnnotationStore(dataset);
        codebook = new Codebook(StoreTransactions.local(dataset), ontology, annotations, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
        assertThat(codebook.open()).isEmpty();
    }

    private static ConceptDraft draft(String labelSv, String definition, String... synonyms) {
        return new ConceptDraft(labelSv, null, definition, List.of(synonyms), "#1f77b4", null);
    }

    @Test
    void anAddedConceptIsInTheRunningOntologyTheAnnotatorsDictionaryAndTheChangeLog() {
        PassageAnnotator annotator = new PassageAnnotator(ontology);
        assertThat(annotator.annotate("Vi pratade om trygghetsvandring i området.")).isEmpty();

        Concept added = codebook.add(TEMA + "personcentrerad-vard",
                draft("Trygghetsvandring", "Promenad där invånare och personal ser över tryggheten i ett område.", "trygghetsvandringar"),
                "forskare");

        assertThat(added.iri()).isEqualTo(TEMA + "trygghetsvandring");
        assertThat(added.broader()).containsExactly(TEMA + "personcentrerad-vard");
        assertThat(added.colour()).isEqualTo("#1f77b4");
        assertThat(added.labelEn()).as("the Swedish label stands in for a missing English one").isEqualTo("Trygghetsvandring");
        assertThat(ontology.topTheme(added.iri())).map(Concept::iri).contains(TEMA + "personcentrering");
        assertThat(ontology.findByLabel("trygghetsv")).extracting(Concept::iri).contains(added.iri());
        assertThat(ontology.version()).isEqualTo(shippedVersion + "+kodbok.1");
        assertThat(annotator.annotate("De gick två trygghetsvandringar i området.")).extracting(Suggestion::conceptIri)
                .contains(added.iri());
        assertThat(codebook.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo("add");
            assertThat(change.username()).isEqualTo("forskare");
            assertThat(change.conceptIri()).isEqualTo(added.iri());
            assertThat(change.version()).isEqualTo(shippedVersion + "+kodbok.1");
            assertThat(change.description()).contains("Trygghetsvandring");
            assertThat(change.at()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        });
    }

    @Test
    void aChangeThatBreaksAShapeIsRefusedNamingTheRuleAndNothingChanges() {
        assertThatThrownBy(() -> codebook.add(TEMA + "personcentrering", draft("Hemsjukvård", null), "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("Definition");
                });
        // "hälsoplan" is already a synonym of Personcentrerad vård.
        assertThatThrownBy(() -> codebook.add(TEMA + "samverkan", draft("Vårdplan", "En plan för vården.", "hälsoplan"), "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("UniqueLabelInScheme").contains("hälsoplan");
                });
        assertThatThrownBy(() -> codebook.edit(TEMA + "sip", new ConceptDraft(null, null, null, null, "blå", null), "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> assertThat(e.getMessage()).contains("Colour"));

        assertThat(ontology.version()).isEqualTo(shippedVersion);
        assertThat(ontology.concept(TEMA + "vardplan")).isEmpty();
        assertThat(codebook.changes()).isEmpty();
    }

    @Test
    void movingUnderItsOwnNarrowerConceptIsACycleAndRefused() {
        Concept parent = codebook.add(TEMA + "samverkan", draft("Trygghetsråd", "Ett råd av aktörer som arbetar med trygghet i ett område."), "forskare");
        Concept child = codebook.add(parent.iri(), draft("Trygghetsrådsfika", "Informella möten i trygghetsrådet."), "forskare");

        assertThatThrownBy(() -> codebook.edit(parent.iri(), new ConceptDraft(null, null, null, null, null, child.iri()), "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("NoBroaderCycle");
                });

        Concept moved = codebook.edit(child.iri(), new ConceptDraft(null, null, null, null, null, TEMA + "kontinuitet"), "forskare");
        assertThat(moved.broader()).containsExactly(TEMA + "kontinuitet");
        assertThat(ontology.require(parent.iri()).narrower()).isEmpty();
        assertThat(ontology.topTheme(child.iri())).map(Concept::iri).contains(TEMA + "kontinuitet");
        assertThat(codebook.changes().getFirst().kind()).isEqualTo("move");
    }

    @Test
    void aShippedConceptMovedOutOfItsBroaderLeavesItsNarrowerList() {
        // The shipped Turtle states skos:narrower as well as skos:broader; a move must not leave the old one behind.
        String sip = TEMA + "sip";
        String oldBroader = ontology.require(sip).broader().getFirst();
        codebook.edit(sip, new ConceptDraft(null, null, null, null, null, TEMA + "kontinuitet"), "forskare");
        assertThat(ontology.require(oldBroader).narrower()).doesNotContain(sip);
        assertThat(ontology.require(TEMA + "kontinuitet").narrower()).contains(sip);
    }

    @Test
    void mergingMovesTheAnnotationsAndKeepsTheMergedConceptAsDeprecatedHistory() {
        PassageText passage = new PassageText("p1", "Vi har en hälsoplan för varje patient.");
        StoredAnnotation tag = annotations.addManual(DOC, passage, 10, 19, TEMA + "personcentrerad-vard", ontology.version(), "forskare");

        var moved = codebook.merge(TEMA + "personcentrerad-vard", TEMA + "helhetssyn", "forskare2");

        assertThat(moved).containsKey(DOC);
        assertThat(moved.get(DOC)).containsExactly("p1");
        StoredAnnotation after = annotations.find(tag.id()).orElseThrow();
        assertThat(after.conceptIri()).isEqualTo(TEMA + "helhetssyn");
        assertThat(after.state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(annotations.conceptCounts()).containsEntry(TEMA + "helhetssyn", 1L).doesNotContainKey(TEMA + "personcentrerad-vard");
        Concept merged = ontology.require(TEMA + "personcentrerad-vard");
        assertThat(merged.deprecated()).isTrue();
        assertThat(merged.replacedBy()).isEqualTo(TEMA + "helhetssyn");
        assertThat(codebook.changes().getFirst().kind()).isEqualTo("merge");

        assertThatThrownBy(() -> codebook.merge(TEMA + "helhetssyn", TEMA + "helhetssyn", "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> codebook.merge(TEMA + "bemotande", TEMA + "personcentrerad-vard", "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void aDeprecatedConceptIsKeptButNoLongerSuggestedOrOffered() {
        PassageAnnotator annotator = new PassageAnnotator(ontology);
        String text = "Vi har en hälsoplan för varje patient.";
        assertThat(annotator.annotate(text)).extracting(Suggestion::conceptIri).contains(TEMA + "personcentrerad-vard");

        codebook.deprecate(TEMA + "personcentrerad-vard", "forskare");

        assertThat(ontology.require(TEMA + "personcentrerad-vard").deprecated()).isTrue();
        assertThat(ontology.require(TEMA + "personcentrerad-vard").labelSv()).isEqualTo("Personcentrerad vård");
        assertThat(annotator.annotate(text)).extracting(Suggestion::conceptIri).doesNotContain(TEMA + "personcentrerad-vard");
        assertThat(ontology.findByLabel("hälsoplan")).extracting(Concept::iri).doesNotContain(TEMA + "personcentrerad-vard");
        assertThat(ontology.version()).isEqualTo(shippedVersion + "+kodbok.1");
        assertThatThrownBy(() -> codebook.deprecate(TEMA + "samverkan", "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> assertThat(e.status()).isEqualTo(409));

        // A deprecated concept no longer holds its words: another concept may take them up.
        Concept heir = codebook.add(TEMA + "personcentrering", draft("Hälsoplanering", "Planering av vården med personens egna mål.", "hälsoplan"),
                "forskare");
        assertThat(annotator.annotate(text)).extracting(Suggestion::conceptIri).contains(heir.iri());
    }

    @Test
    void theChangeLogSaysEachChangeInSwedishAndInEnglishAndAnEntryWrittenInSwedishOnlyInSwedishForBoth() {
        Concept samverkan = ontology.require(TEMA + "samverkan");
        Concept added = codebook.add(samverkan.iri(), new ConceptDraft("Trygghetsråd", "Safety council",
                "Ett råd av aktörer som arbetar med trygghet i ett område.", List.of(), null, null), "forskare");
        codebook.edit(added.iri(), new ConceptDraft(null, null, null, List.of("trygghetsrådet"), "#1f77b4", null), "forskare");
        Concept kontinuitet = ontology.require(TEMA + "kontinuitet");
        codebook.edit(added.iri(), new ConceptDraft(null, null, "Ett råd för tryggheten.", List.of(), "#ff7f0e", kontinuitet.iri()), "forskare");
        codebook.edit(added.iri(), new ConceptDraft(null, null, null, null, null, samverkan.iri()), "forskare");
        codebook.deprecate(added.iri(), "forskare");

        // Newest first: a deprecation, a move, an edit with a move, an edit, the addition.
        assertThat(codebook.changes()).extracting(CodebookChange::description).containsExactly("lät ”Trygghetsråd” utgå",
                "flyttade ”Trygghetsråd” under ”" + samverkan.labelSv() + "”",
                "ändrade definition, synonymer och färg för ”Trygghetsråd” och flyttade det under ”" + kontinuitet.labelSv() + "”",
                "ändrade synonymer och färg för ”Trygghetsråd”", "lade till ”Trygghetsråd” under ”" + samverkan.labelSv() + "”");
        assertThat(codebook.changes()).extracting(CodebookChange::descriptionEn).containsExactly("deprecated “Safety council”",
                "moved “Safety council” under “" + samverkan.labelEn() + "”",
                "edited “Safety council” (definition, synonyms, colour) and moved it under “" + kontinuitet.labelEn() + "”",
                "edited “Safety council” (synonyms, colour)", "added “Safety council” under “" + samverkan.labelEn() + "”");

        // As a change was logged before the log was written in both languages: one description, without a language.
        dataset.executeWrite(() -> dataset.getNamedModel(LAR.CodebookGraph.getURI()).listSubjectsWithProperty(LAR.changeKind, "add")
                .forEach(change -> change.removeAll(DCTerms.description).addProperty(DCTerms.description, "lade till ”Trygghetsråd”")));
        assertThat(codebook.changes().getLast()).satisfies(change -> {
            assertThat(change.description()).isEqualTo("lade till ”Trygghetsråd”");
            assertThat(change.descriptionEn()).isEqualTo("lade till ”Trygghetsråd”");
        });
    }

    @Test
    void theChangesSurviveARestartOverTheShippedOntology() {
        Concept added = codebook.add(TEMA + "samverkan", draft("Trygghetsråd", "Ett råd av aktörer som arbetar med trygghet i ett område.", "trygghetsrådet"), "forskare");
        codebook.edit(TEMA + "sip", new ConceptDraft("Samordnad plan", null, null, null, null, null), "forskare");

        Ontology restarted = OntologyLoader.fromClasspath();
        Codebook reopened = new Codebook(StoreTransactions.local(dataset), restarted, annotations, Clock.systemUTC());
        assertThat(reopened.open()).isEmpty();

        assertThat(restarted.version()).isEqualTo(shippedVersion + "+kodbok.2");
        assertThat(restarted.require(added.iri()).altLabels()).extracting(Concept.Label::text).contains("trygghetsrådet");
        assertThat(restarted.require(TEMA + "sip").labelSv()).isEqualTo("Samordnad plan");
        assertThat(reopened.changes()).hasSize(2);
    }

    @Test
    void aNewerShippedVersionKeepsTheResearchersChangeAndReportsTheConflict() {
        codebook.edit(TEMA + "sip", new ConceptDraft("Samordnad plan", null, null, null, null, null), "forskare");
        Concept added = codebook.add(TEMA + "samverkan", draft("Trygghetsråd", "Ett råd för tryggheten i ett område."), "forskare");

        // The next shipped version rewords SIP's definition and brings a concept with the label a researcher used.
        Model shipped = ModelFactory.createDefaultModel().add(OntologyLoader.fromClasspath().model());
        Resource sip = shipped.createResource(TEMA + "sip");
        sip.removeAll(SKOS.definition).addProperty(SKOS.definition, "Ny definition.", "sv").addProperty(SKOS.definition, "New.", "en");
        Ontology newer = OntologyLoader.fromModel(shipped);
        Codebook reopened = new Codebook(StoreTransactions.local(dataset), newer, annotations, Clock.systemUTC());
        assertThat(reopened.open()).singleElement().asString().contains(TEMA + "sip").contains("their version is kept");
        assertThat(newer.require(TEMA + "sip").labelSv()).isEqualTo("Samordnad plan");
        assertThat(newer.require(added.iri()).broader()).containsExactly(TEMA + "samverkan");

        shipped.createResource(TEMA + "trygghetsrad-2").addProperty(RDF.type, SKOS.Concept).addProperty(SKOS.inScheme, LAR.Teman)
                .addProperty(SKOS.broader, shipped.createResource(TEMA + "samverkan"))
                .addProperty(SKOS.prefLabel, "Trygghetsråd", "sv").addProperty(SKOS.prefLabel, "Safety council", "en")
                .addProperty(SKOS.definition, "Skeppat.", "sv");
        Ontology clashing = OntologyLoader.fromModel(shipped);
        Codebook blocked = new Codebook(StoreTransactions.local(dataset), clashing, annotations, Clock.systemUTC());
        assertThat(blocked.open()).anySatisfy(conflict -> assertThat(conflict).contains("UniqueLabelInScheme"));
        assertThat(clashing.concept(added.iri())).as("the shipped ontology alone stays in service").isEmpty();
        assertThatThrownBy(() -> blocked.deprecate(TEMA + "sip", "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(blocked.changes()).as("nothing researchers did is lost").hasSize(2);
    }

    @Test
    void unknownAndEmptyInputIsRefusedInWords() {
        assertThatThrownBy(() -> codebook.add(TEMA + "finns-inte", draft("X", "Y"), "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> codebook.add(TEMA + "samverkan", draft("  ", "Y"), "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Swedish label");
                });
        assertThatThrownBy(() -> codebook.edit(TEMA + "samverkan", new ConceptDraft(null, null, null, null, null, TEMA + "sip"), "forskare"))
                .isInstanceOfSatisfying(OntologyException.class, e -> assertThat(e.status()).isEqualTo(409));
    }
}
