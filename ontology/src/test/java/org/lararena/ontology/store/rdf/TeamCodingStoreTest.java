package org.lararena.ontology.store.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CoderView;
import org.lararena.ontology.store.CodingStatus;
import org.lararena.ontology.store.Consensus;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.LoggedReview;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.Review;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.PROV;
import org.lararena.platform.LararenaException;

/** One layer per coder in the annotation store (in-memory TDB2, embedded and through Fuseki; the real annotator's suggestions). */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreUnderTest.Reach.class)
class TeamCodingStoreTest {

    private static final String DOC = "t3am";
    private static final String TEXT = "Samverkan och tillgänglighet och kontinuitet.";
    private static final PassageText PASSAGE = new PassageText(DOC + "-0", TEXT);
    private static PassageAnnotator annotator;

    @Parameter
    StoreUnderTest.Reach reach;
    @RegisterExtension
    final StoreUnderTest stores = new StoreUnderTest();
    private RdfAnnotationStore store;
    private List<StoredAnnotation> suggestions;

    @BeforeAll
    static void loadAnnotator() {
        annotator = new PassageAnnotator(OntologyLoader.fromClasspath());
    }

    @BeforeEach
    void open() {
        store = stores.open(reach, () -> PassageAnnotator.VERSION);
        suggestions = store.storeAutomatic(DOC, "v1", List.of(new AnnotationStore.PassageSuggestions(PASSAGE, annotator.annotate(TEXT))));
        assertThat(suggestions).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void oneResearcherAcceptsWhatAnotherRejectsAndEachKeepsTheirOwnDecision() {
        String id = suggestions.get(0).id();
        store.review(DOC, List.of(id), ReviewState.ACCEPTED, "forskare");
        store.review(DOC, List.of(id), ReviewState.REJECTED, "forskare2");

        Map<String, List<Decision>> decisions = store.decisions(DOC);
        assertThat(decisions.get(id)).extracting(Decision::coder, Decision::state).containsExactlyInAnyOrder(
                tuple(AnnotationIris.ANNOTATOR_CODER, ReviewState.SUGGESTED),
                tuple("forskare", ReviewState.ACCEPTED),
                tuple("forskare2", ReviewState.REJECTED));
        List<StoredAnnotation> all = store.annotationsOf(DOC);
        assertThat(stateOf(CoderView.of(all, decisions, "forskare"), id)).isEqualTo(ReviewState.ACCEPTED);
        assertThat(stateOf(CoderView.of(all, decisions, "forskare2"), id)).isEqualTo(ReviewState.REJECTED);
        assertThat(stateOf(CoderView.of(all, decisions, "forskare3"), id)).as("not decided yet").isEqualTo(ReviewState.SUGGESTED);
        assertThat(stateOf(CoderView.of(all, decisions, AnnotationIris.ANNOTATOR_CODER), id)).isEqualTo(ReviewState.SUGGESTED);
        assertThat(store.find(id).orElseThrow().state()).as("team state: accepted by someone").isEqualTo(ReviewState.ACCEPTED);
        assertThat(store.history(id)).extracting(Review::agent).containsExactly(
                AnnotationIris.ANNOTATOR_NAME + " " + PassageAnnotator.VERSION, "forskare", "forskare2");
    }

    @Test
    void undoingOnesOwnAcceptanceLeavesTheColleaguesRejectionAsTheTeamState() {
        String id = suggestions.get(1).id();
        store.review(DOC, List.of(id), ReviewState.ACCEPTED, "forskare");
        store.review(DOC, List.of(id), ReviewState.REJECTED, "forskare2");

        store.review(DOC, List.of(id), ReviewState.SUGGESTED, "forskare");

        assertThat(store.find(id).orElseThrow().state()).isEqualTo(ReviewState.REJECTED);
        assertThat(store.history(id)).last().satisfies(r -> {
            assertThat(r.agent()).isEqualTo("forskare");
            assertThat(r.from()).isEqualTo(ReviewState.ACCEPTED);
            assertThat(r.to()).isEqualTo(ReviewState.SUGGESTED);
        });
        store.review(DOC, List.of(id), ReviewState.SUGGESTED, "forskare2");
        assertThat(store.find(id).orElseThrow().state()).as("nobody decided: suggested again").isEqualTo(ReviewState.SUGGESTED);
    }

    @Test
    void aColleaguesTagIsASuggestionToTheOthersButNotToItsAuthor() {
        StoredAnnotation tag = store.addManual(DOC, PASSAGE, 0, 9, LAR.BASE + "tema/samverkan", "v1", "forskare");

        List<StoredAnnotation> all = store.annotationsOf(DOC);
        assertThat(stateOf(CoderView.of(all, store.decisions(DOC), "forskare"), tag.id())).isEqualTo(ReviewState.ACCEPTED);
        assertThat(stateOf(CoderView.of(all, store.decisions(DOC), "forskare2"), tag.id())).isEqualTo(ReviewState.SUGGESTED);
        assertThat(CoderView.of(all, store.decisions(DOC), AnnotationIris.ANNOTATOR_CODER)).extracting(StoredAnnotation::id)
                .doesNotContain(tag.id());

        store.review(DOC, List.of(tag.id()), ReviewState.REJECTED, "forskare2");
        store.review(DOC, List.of(tag.id()), ReviewState.SUGGESTED, "forskare2");
        assertThatThrownBy(() -> store.review(DOC, List.of(tag.id()), ReviewState.SUGGESTED, "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(store.find(tag.id()).orElseThrow().state()).isEqualTo(ReviewState.ACCEPTED);
    }

    @Test
    void theAnnotatorsLayerKeepsItsSuggestionsWhateverResearchersDecideButNotSupersededOnes() {
        String rejected = suggestions.get(0).id();
        String untouched = suggestions.get(1).id();
        store.review(DOC, List.of(rejected), ReviewState.REJECTED, "forskare");
        store.storeAutomatic(DOC, "v2", List.of(new AnnotationStore.PassageSuggestions(PASSAGE, List.<Suggestion>of())));

        List<StoredAnnotation> view = CoderView.of(store.annotationsOf(DOC), store.decisions(DOC), AnnotationIris.ANNOTATOR_CODER);

        assertThat(stateOf(view, rejected)).isEqualTo(ReviewState.SUGGESTED);
        assertThat(CoderView.applied(view.stream().filter(a -> a.id().equals(rejected)).findFirst().orElseThrow(),
                AnnotationIris.ANNOTATOR_CODER)).isTrue();
        assertThat(stateOf(view, untouched)).isEqualTo(ReviewState.RETRACTED);
    }

    @Test
    void theReviewLogListsEveryDecisionOfTheDocumentNewestFirst() {
        String id = suggestions.get(0).id();
        store.review(DOC, List.of(id), ReviewState.ACCEPTED, "forskare");
        store.review(DOC, List.of(id), ReviewState.SUGGESTED, "forskare");

        List<LoggedReview> log = store.reviewLog(DOC);

        assertThat(log).hasSize(suggestions.size() + 2);
        assertThat(log.get(0).annotationId()).isEqualTo(id);
        assertThat(log.get(0).review().to()).isEqualTo(ReviewState.SUGGESTED);
        assertThat(log.get(1).review().to()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(log.get(1).coder()).isEqualTo("forskare");
        assertThat(log.get(log.size() - 1).coder()).isEqualTo(AnnotationIris.ANNOTATOR_CODER);
        assertThat(log.get(0).review().at()).isAfter(log.get(1).review().at());
    }

    @Test
    void codingStatusAndBlindModeAreKeptPerDocument() {
        assertThat(store.codingStatus(DOC)).isEmpty();
        assertThat(store.blindCoding(DOC)).isEmpty();

        store.setCodingStatus(DOC, "forskare", CodingStatus.State.IN_PROGRESS);
        store.setCodingStatus(DOC, "forskare", CodingStatus.State.DONE);
        store.setCodingStatus(DOC, "forskare2", CodingStatus.State.IN_PROGRESS);
        store.setBlindCoding(DOC, false);

        assertThat(store.codingStatus(DOC)).hasSize(2);
        assertThat(store.codingStatus(DOC).get("forskare").state()).isEqualTo(CodingStatus.State.DONE);
        assertThat(store.codingStatus(DOC).get("forskare2").state()).isEqualTo(CodingStatus.State.IN_PROGRESS);
        assertThat(store.codingStatus("other")).isEmpty();
        assertThat(store.blindCoding(DOC)).contains(false);
    }

    @Test
    void aConsensusDecidesWhatSearchSeesWithItsAdjudicatorAndSourcesAndANewOneReplacesIt() {
        String first = suggestions.get(0).id();
        String second = suggestions.get(1).id();
        store.review(DOC, List.of(first), ReviewState.ACCEPTED, "forskare");
        store.review(DOC, List.of(second), ReviewState.REJECTED, "forskare");
        store.review(DOC, List.of(first), ReviewState.REJECTED, "forskare2");
        store.review(DOC, List.of(second), ReviewState.ACCEPTED, "forskare2");
        assertThat(store.consensus(DOC)).isEmpty();

        store.settleConsensus(DOC, Set.of(first), "forskare3", "forskare");

        assertThat(store.find(first).orElseThrow().state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(store.find(second).orElseThrow().state()).as("accepted by forskare2, but not in the consensus").isEqualTo(ReviewState.REJECTED);
        assertThat(store.find(suggestions.get(2).id()).orElseThrow().state()).isEqualTo(ReviewState.REJECTED);
        assertThat(store.consensus(DOC)).hasValueSatisfying(c -> {
            assertThat(c.adjudicator()).isEqualTo("forskare3");
            assertThat(c.adoptedFrom()).isEqualTo("forskare");
            assertThat(c.annotationIds()).containsExactly(first);
        });
        store.review(DOC, List.of(second), ReviewState.SUGGESTED, "forskare");
        assertThat(store.find(second).orElseThrow().state()).as("a later decision does not override the consensus").isEqualTo(ReviewState.REJECTED);

        store.settleConsensus(DOC, Set.of(second), "forskare", null);

        assertThat(store.find(first).orElseThrow().state()).isEqualTo(ReviewState.REJECTED);
        assertThat(store.find(second).orElseThrow().state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(store.consensus(DOC).orElseThrow().adoptedFrom()).isNull();
        Dataset dataset = stores.dataset();
        dataset.executeRead(() -> {
            var graph = dataset.getNamedModel(LAR.documentGraph(DOC).getURI());
            var consensuses = graph.listSubjectsWithProperty(RDF.type, LAR.Consensus).toList();
            assertThat(consensuses).as("the earlier consensus is kept").hasSize(2);
            assertThat(consensuses).anySatisfy(c -> {
                assertThat(c.hasProperty(PROV.wasRevisionOf)).isTrue();
                assertThat(c.getPropertyResourceValue(DCTerms.creator).getURI())
                        .isEqualTo(AnnotationIris.userIri("forskare"));
                assertThat(c.getPropertyResourceValue(PROV.wasDerivedFrom).getURI())
                        .isEqualTo(AnnotationIris.annotationIri(second));
            });
        });
    }

    @Test
    void theConsensusLayerAcceptsWhatTheConsensusKeepsAndRejectsTheRestEvenSuggestionsOfALaterRun() {
        String kept = suggestions.get(0).id();
        String dropped = suggestions.get(1).id();
        String retracted = suggestions.get(2).id();
        store.review(DOC, List.of(dropped), ReviewState.ACCEPTED, "forskare2");
        store.review(DOC, List.of(retracted), ReviewState.RETRACTED, "forskare");
        store.settleConsensus(DOC, Set.of(kept), "forskare", null);

        Consensus consensus = store.consensus(DOC).orElseThrow();
        assertThat(consensus.iri()).startsWith(LAR.BASE + "consensus/");
        List<StoredAnnotation> layer = CoderView.ofConsensus(store.annotationsOf(DOC), consensus);
        assertThat(stateOf(layer, kept)).isEqualTo(ReviewState.ACCEPTED);
        assertThat(stateOf(layer, dropped)).as("accepted by forskare2, left out of the consensus").isEqualTo(ReviewState.REJECTED);
        assertThat(stateOf(layer, retracted)).isEqualTo(ReviewState.RETRACTED);
        assertThat(layer).extracting(StoredAnnotation::state).doesNotContain(ReviewState.SUGGESTED);
    }

    @Test
    void aConsensusNamingAnUnknownAnnotationChangesNothing() {
        assertThatThrownBy(() -> store.settleConsensus(DOC, Set.of(suggestions.get(0).id(), "a-finns-inte"), "forskare", null))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(store.consensus(DOC)).isEmpty();
        assertThat(store.find(suggestions.get(1).id()).orElseThrow().state()).isEqualTo(ReviewState.SUGGESTED);
    }

    private static ReviewState stateOf(List<StoredAnnotation> view, String id) {
        return view.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().state();
    }
}
