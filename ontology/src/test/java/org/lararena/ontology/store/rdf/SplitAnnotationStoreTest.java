package org.lararena.ontology.store.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.Review;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.OA;
import org.lararena.platform.LararenaException;

/** The annotation store split over two in-memory TDB2 datasets, with the real annotator's suggestions. */
class SplitAnnotationStoreTest {

    private static final String DOC = "d0c";
    private static final String FIRST = "Samverkan mellan kommun och region kräver en fast läkarkontakt och kontinuitet.";
    private static final String SECOND = "Kompetensförsörjningen och arbetsmiljön oroar cheferna på vårdcentralen.";
    private static PassageAnnotator annotator;

    private Dataset decidedData;
    private Dataset suggestionData;
    private RdfAnnotationStore decided;
    private RdfAnnotationStore suggestions;
    private SplitAnnotationStore store;

    @BeforeAll
    static void loadAnnotator() {
        annotator = new PassageAnnotator(OntologyLoader.fromClasspath());
    }

    @BeforeEach
    void open() {
        decidedData = TDB2Factory.createDataset();
        suggestionData = TDB2Factory.createDataset();
        decided = new RdfAnnotationStore(decidedData);
        suggestions = new RdfAnnotationStore(suggestionData);
        // Tidying in the caller's thread: what the store leaves afterwards is there to be checked when the call returns.
        store = new SplitAnnotationStore(decided, suggestions, Runnable::run);
    }

    @AfterEach
    void close() {
        decidedData.close();
        suggestionData.close();
    }

    private static AnnotationStore.PassageSuggestions suggest(String passageId, String text) {
        return new AnnotationStore.PassageSuggestions(new PassageText(passageId, text), annotator.annotate(text));
    }

    private static List<AnnotationStore.PassageSuggestions> passages() {
        return List.of(suggest(DOC + "-0", FIRST), suggest(DOC + "-1", SECOND));
    }

    private static long annotations(Dataset dataset) {
        return dataset.calculateRead(() -> dataset.getNamedModel(LAR.documentGraph(DOC).getURI())
                .listSubjectsWithProperty(RDF.type, OA.Annotation).toList().size());
    }

    private static long statements(Dataset dataset) {
        return dataset.calculateRead(() -> dataset.getNamedModel(LAR.documentGraph(DOC).getURI()).size());
    }

    @Test
    void anAnnotationRunWritesOnlyToTheSuggestions() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", passages());

        assertThat(stored).hasSizeGreaterThanOrEqualTo(3).allMatch(a -> a.state() == ReviewState.SUGGESTED);
        assertThat(statements(decidedData)).as("nothing in the dataset researchers write to").isZero();
        assertThat(annotations(suggestionData)).isEqualTo(stored.size());
        assertThat(store.ontologyVersions()).containsEntry(DOC, "v1");
        assertThat(store.annotationsOf(DOC)).isEqualTo(stored);
    }

    @Test
    void aWriteWhoseTimeIsUpAfterItsFirstPassageStoresThatOneAndSaysSoAndTheRestFollowsInTheNextWrite() {
        List<AnnotationStore.PassageSuggestions> given = passages();

        AnnotationStore.StoredBatch first = store.storeSuggestions(DOC, "v1", given, Duration.ZERO);
        assertThat(first.stored()).as("passages stored of the two given").isEqualTo(1);
        assertThat(first.passages()).as("the annotations of the stored passage only").containsOnlyKeys(DOC + "-0");
        assertThat(store.annotationsOfPassages(DOC, List.of(DOC + "-1")).get(DOC + "-1")).as("the second passage not stored yet").isEmpty();

        AnnotationStore.StoredBatch second = store.storeSuggestions(DOC, "v1", given.subList(first.stored(), given.size()), Duration.ZERO);
        assertThat(second.stored()).isEqualTo(1);
        Set<String> made = new HashSet<>(first.made());
        made.addAll(second.made());
        store.finishAutomatic(DOC, "v1", made);

        List<StoredAnnotation> inSteps = store.annotationsOf(DOC);
        assertThat(inSteps.stream().map(StoredAnnotation::passageId).distinct()).containsExactly(DOC + "-0", DOC + "-1");
        assertThat(inSteps).as("the same annotations as one write of both passages, none retracted")
                .allMatch(a -> a.state() == ReviewState.SUGGESTED)
                .extracting(StoredAnnotation::id)
                .containsExactlyElementsOf(new SplitAnnotationStore(new RdfAnnotationStore(TDB2Factory.createDataset()),
                        new RdfAnnotationStore(TDB2Factory.createDataset()), Runnable::run)
                        .storeAutomatic(DOC, "v1", given).stream().map(StoredAnnotation::id).toList());
    }

    @Test
    void aDocumentHoldsSuggestionsInEitherStoreUntilEveryOneIsDecided() {
        assertThat(store.holdsSuggestions(DOC)).as("a new document").isFalse();
        decided.storeAutomatic(DOC, "v0", List.of(suggest(DOC + "-1", SECOND)));
        assertThat(store.holdsSuggestions(DOC)).as("suggestions stored before the split").isTrue();

        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", passages());
        assertThat(store.holdsSuggestions(DOC)).isTrue();
        store.review(DOC, stored.stream().filter(a -> a.state() == ReviewState.SUGGESTED).map(StoredAnnotation::id).toList(),
                ReviewState.REJECTED, "forskare");
        assertThat(store.holdsSuggestions(DOC)).as("every suggestion rejected").isFalse();
    }

    @Test
    void aFreshRunEndsWithItsVersionRecordedAndItsSuggestionsAsStored() {
        AnnotationStore.StoredBatch stored = store.storeSuggestions(DOC, "v1", passages(), Duration.ZERO);
        AnnotationStore.StoredBatch rest = store.storeSuggestions(DOC, "v1", passages().subList(stored.stored(), 2), Duration.ZERO);
        Set<String> made = new HashSet<>(stored.made());
        made.addAll(rest.made());

        assertThat(store.finishFreshAutomatic(DOC, "v1", made)).isEmpty();

        assertThat(store.ontologyVersions()).containsEntry(DOC, "v1");
        assertThat(store.annotationsOf(DOC)).hasSize(made.size()).allMatch(a -> a.state() == ReviewState.SUGGESTED);
    }

    @Test
    void aDecisionMovesTheSuggestionWithItsHistoryIntoTheDecidedStore() {
        StoredAnnotation suggestion = store.storeAutomatic(DOC, "v1", passages()).get(0);

        List<StoredAnnotation> reviewed = store.review(DOC, List.of(suggestion.id()), ReviewState.ACCEPTED, "forskare");

        assertThat(reviewed).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(suggestion.id());
            assertThat(a.state()).isEqualTo(ReviewState.ACCEPTED);
            assertThat(a.exact()).isEqualTo(suggestion.exact());
            assertThat(a.prefix()).isEqualTo(suggestion.prefix());
            assertThat(a.suffix()).isEqualTo(suggestion.suffix());
        });
        assertThat(decided.find(suggestion.id())).as("the decided store holds it").isPresent();
        assertThat(suggestions.find(suggestion.id())).as("and the suggestions no longer do").isEmpty();
        assertThat(store.history(suggestion.id())).extracting(Review::from, Review::to)
                .as("its creation by the annotator, then the decision").containsExactly(
                        tuple(null, ReviewState.SUGGESTED),
                        tuple(ReviewState.SUGGESTED, ReviewState.ACCEPTED));
        assertThat(store.history(suggestion.id()).get(0).agent()).contains(AnnotationIris.ANNOTATOR_NAME);
        assertThat(store.annotationsOf(DOC)).filteredOn(a -> a.id().equals(suggestion.id())).singleElement()
                .extracting(StoredAnnotation::state).isEqualTo(ReviewState.ACCEPTED);
        assertThat(store.decisions(DOC).get(suggestion.id())).extracting(d -> d.coder() + ":" + d.state())
                .containsExactly(AnnotationIris.ANNOTATOR_CODER + ":SUGGESTED", "forskare:ACCEPTED");

        store.review(DOC, List.of(suggestion.id()), ReviewState.SUGGESTED, "forskare");
        assertThat(store.find(suggestion.id()).orElseThrow().state()).as("an undo stays in the decided store").isEqualTo(ReviewState.SUGGESTED);
    }

    @Test
    void aDecisionOnAnUnknownIdIsA404AndMovesNothing() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", passages());

        assertThatThrownBy(() -> store.review(DOC, List.of(stored.get(0).id(), "nosuch"), ReviewState.REJECTED, "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(statements(decidedData)).isZero();
        assertThat(store.annotationsOf(DOC)).isEqualTo(stored);
    }

    @Test
    void aWriteStoppedByItsTimeNamesAsMadeOnlyTheSuggestionsOfThePassagesItStoredDecidedOnesIncluded() {
        List<StoredAnnotation> first = store.storeAutomatic(DOC, "v1", passages());
        String rejectedInSecond = first.stream().filter(a -> a.passageId().equals(DOC + "-1")).findFirst().orElseThrow().id();
        store.review(DOC, List.of(rejectedInSecond), ReviewState.REJECTED, "forskare");
        String rejectedInFirst = first.stream().filter(a -> a.passageId().equals(DOC + "-0")).findFirst().orElseThrow().id();
        store.review(DOC, List.of(rejectedInFirst), ReviewState.REJECTED, "forskare");

        AnnotationStore.StoredBatch step = store.storeSuggestions(DOC, "v2", passages(), Duration.ZERO);

        assertThat(step.stored()).as("passages stored of the two given").isEqualTo(1);
        assertThat(step.made()).as("the first passage's suggestions, its decided one among them")
                .containsExactlyInAnyOrderElementsOf(first.stream().filter(a -> a.passageId().equals(DOC + "-0")).map(StoredAnnotation::id).toList())
                .contains(rejectedInFirst).doesNotContain(rejectedInSecond);
    }

    @Test
    void aRerunDoesNotResurrectADecidedSuggestionNorRetractIt() {
        List<StoredAnnotation> first = store.storeAutomatic(DOC, "v1", passages());
        String rejected = first.get(0).id();
        store.review(DOC, List.of(rejected), ReviewState.REJECTED, "forskare");
        long decidedStatements = statements(decidedData);

        List<StoredAnnotation> again = store.storeAutomatic(DOC, "v2", passages());

        assertThat(again).extracting(StoredAnnotation::id).containsExactlyElementsOf(first.stream().map(StoredAnnotation::id).toList());
        assertThat(again).filteredOn(a -> a.id().equals(rejected)).singleElement().extracting(StoredAnnotation::state).isEqualTo(ReviewState.REJECTED);
        assertThat(suggestions.find(rejected)).as("not written again where runs write").isEmpty();
        assertThat(statements(decidedData)).as("the rerun wrote nothing to the decided store").isEqualTo(decidedStatements);

        List<StoredAnnotation> other = store.storeAutomatic(DOC, "v3", List.of(suggest(DOC + "-1", SECOND)));
        assertThat(other).filteredOn(a -> a.id().equals(rejected)).singleElement()
                .as("a run that no longer makes it leaves a person's decision").extracting(StoredAnnotation::state).isEqualTo(ReviewState.REJECTED);
        assertThat(other).filteredOn(a -> a.passageId().equals(DOC + "-0") && !a.id().equals(rejected))
                .isNotEmpty().allMatch(a -> a.state() == ReviewState.RETRACTED);
        assertThat(store.ontologyVersions()).containsEntry(DOC, "v3");
    }

    @Test
    void aCopyLeftBehindIsNeverSeenTwiceNorCountedTwiceAndTheNextRunRemovesIt() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", passages());
        StoredAnnotation suggestion = stored.get(0);
        Map<String, Long> countsBefore = store.conceptCounts();
        // A crash between a decision's two transactions: the decided store holds it, the suggestions still do.
        decided.review(DOC, List.of(suggestion.id()), ReviewState.ACCEPTED, "forskare", suggestions.copies(DOC, List.of(suggestion.id())));
        assertThat(suggestions.find(suggestion.id())).isPresent();

        assertThat(store.annotationsOf(DOC)).hasSize(stored.size()).filteredOn(a -> a.id().equals(suggestion.id())).singleElement()
                .extracting(StoredAnnotation::state).isEqualTo(ReviewState.ACCEPTED);
        assertThat(store.annotationsOfPassages(DOC, List.of(suggestion.passageId())).get(suggestion.passageId()))
                .filteredOn(a -> a.id().equals(suggestion.id())).hasSize(1);
        assertThat(store.find(suggestion.id()).orElseThrow().state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(store.conceptCounts()).as("accepted counts as suggested did: once").isEqualTo(countsBefore);
        assertThat(store.reviewLog(DOC)).filteredOn(r -> r.annotationId().equals(suggestion.id())).hasSize(2);

        store.storeAutomatic(DOC, "v1", passages());

        assertThat(suggestions.find(suggestion.id())).isEmpty();
        assertThat(store.annotationsOf(DOC)).hasSize(stored.size());
    }

    @Test
    void conceptCountsMatchThoseOfOneStoreAfterTheSameActions() {
        RdfAnnotationStore one = new RdfAnnotationStore(TDB2Factory.createDataset());
        for (AnnotationStore target : List.of(one, store)) {
            List<StoredAnnotation> stored = target.storeAutomatic(DOC, "v1", passages());
            target.review(DOC, List.of(stored.get(0).id()), ReviewState.ACCEPTED, "forskare");
            target.review(DOC, List.of(stored.get(1).id()), ReviewState.REJECTED, "forskare");
            target.addManual(DOC, new PassageText(DOC + "-1", SECOND), 0, 10, LAR.BASE + "tema/kompetens", "v1", "forskare");
        }

        assertThat(store.conceptCounts()).isNotEmpty().isEqualTo(one.conceptCounts());
        assertThat(store.annotationsOf(DOC)).extracting(a -> a.id() + a.state()).hasSameSizeAs(one.annotationsOf(DOC))
                .filteredOn(s -> s.startsWith("a")).containsExactlyElementsOf(one.annotationsOf(DOC).stream()
                        .filter(a -> !a.manual()).map(a -> a.id() + a.state()).toList());
    }

    @Test
    void aConsensusMovesEverySuggestionOfTheDocumentAndRejectsTheOthers() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", passages());

        List<StoredAnnotation> settled = store.settleConsensus(DOC, Set.of(stored.get(0).id()), "adjudikator", null);

        assertThat(settled).hasSize(stored.size());
        assertThat(settled).filteredOn(a -> a.id().equals(stored.get(0).id())).singleElement().extracting(StoredAnnotation::state)
                .isEqualTo(ReviewState.ACCEPTED);
        assertThat(settled).filteredOn(a -> !a.id().equals(stored.get(0).id())).allMatch(a -> a.state() == ReviewState.REJECTED);
        assertThat(annotations(suggestionData)).isZero();
        assertThat(store.annotationsOf(DOC)).isEqualTo(settled);
        assertThat(store.consensus(DOC)).isPresent();
    }

    @Test
    void erasingADocumentEmptiesBothStores() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", passages());
        store.review(DOC, List.of(stored.get(0).id()), ReviewState.ACCEPTED, "forskare");

        assertThat(store.eraseDocument(DOC)).isPositive();

        assertThat(statements(decidedData)).isZero();
        assertThat(statements(suggestionData)).isZero();
        assertThat(store.annotationsOf(DOC)).isEmpty();
        assertThat(store.ontologyVersions()).doesNotContainKey(DOC);
    }

    @Test
    void markingOutdatedForgetsTheVersionInBothStores() {
        decided.storeAutomatic(DOC, "v0", List.of(suggest(DOC + "-1", SECOND)));
        store.storeAutomatic(DOC, "v1", passages());
        assertThat(store.ontologyVersions()).as("the later run's version").containsEntry(DOC, "v1");

        store.markOutdated(DOC);

        assertThat(store.ontologyVersions()).doesNotContainKey(DOC);
    }

    @Test
    void aMergeOfTheCodebookMovesTheConceptInBothStores() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", passages());
        String concept = stored.get(0).conceptIri();
        store.review(DOC, List.of(stored.get(0).id()), ReviewState.ACCEPTED, "forskare");
        long ofConcept = stored.stream().filter(a -> a.conceptIri().equals(concept)).count();

        store.moveConcept(concept, LAR.BASE + "tema/sammanslagen", LAR.BASE + "merge/1");

        assertThat(store.annotationsOf(DOC)).filteredOn(a -> a.conceptIri().equals(LAR.BASE + "tema/sammanslagen")).hasSize((int) ofConcept);
        assertThat(store.conceptCounts()).doesNotContainKey(concept);
    }

    @Test
    void suggestionsStoredBeforeTheSplitAreRetractedAndSuggestedAgainWhereTheyAre() {
        List<StoredAnnotation> before = decided.storeAutomatic(DOC, "v1", passages());
        String first = before.stream().filter(a -> a.passageId().equals(DOC + "-0")).findFirst().orElseThrow().id();

        assertThat(store.storeAutomatic(DOC, "v2", List.of(suggest(DOC + "-1", SECOND))))
                .filteredOn(a -> a.id().equals(first)).singleElement().extracting(StoredAnnotation::state).isEqualTo(ReviewState.RETRACTED);
        List<StoredAnnotation> again = store.storeAutomatic(DOC, "v3", passages());

        assertThat(again).extracting(StoredAnnotation::id).containsExactlyElementsOf(before.stream().map(StoredAnnotation::id).toList());
        assertThat(again).allSatisfy(a -> {
            assertThat(a.state()).isEqualTo(ReviewState.SUGGESTED);
            assertThat(a.ontologyVersion()).isEqualTo("v3");
        });
        assertThat(annotations(suggestionData)).as("each stays where it was stored").isZero();
        assertThat(store.ontologyVersions()).containsEntry(DOC, "v3");
    }

    @Test
    void aLongRunChangesSuggestionsStoredBeforeTheSplitInShortWritesOfTheDecidedStore() {
        int passages = 2 * SplitAnnotationStore.DECIDED_WRITE_PASSAGES + 5;
        List<AnnotationStore.PassageSuggestions> many = new ArrayList<>();
        for (int i = 0; i < passages; i++) {
            many.add(suggest(DOC + "-" + i, i % 2 == 0 ? FIRST : SECOND));
        }
        List<StoredAnnotation> before = decided.storeAutomatic(DOC, "v1", many);
        AtomicInteger writes = new AtomicInteger();
        StoreTransactions local = StoreTransactions.local(decidedData);
        StoreTransactions counting = new StoreTransactions() {
            @Override
            public <T> T calculateRead(Supplier<T> read) {
                return local.calculateRead(read);
            }

            @Override
            public <T> T calculateWrite(Supplier<T> write) {
                writes.incrementAndGet();
                return local.calculateWrite(write);
            }

            @Override
            public Dataset dataset() {
                return local.dataset();
            }

            @Override
            public boolean isInTransaction() {
                return local.isInTransaction();
            }
        };
        SplitAnnotationStore split = new SplitAnnotationStore(new RdfAnnotationStore(counting, () -> PassageAnnotator.VERSION), suggestions, Runnable::run);

        // One step of a run over every passage, at a new ontology version: each suggestion there changes where it is.
        split.storeSuggestions(DOC, "v2", many);

        assertThat(writes).as("writes of at most %d passages each", SplitAnnotationStore.DECIDED_WRITE_PASSAGES).hasValue(3);
        assertThat(split.annotationsOf(DOC)).extracting(StoredAnnotation::id).containsExactlyInAnyOrderElementsOf(before.stream().map(StoredAnnotation::id).toList());
        assertThat(split.annotationsOf(DOC)).allSatisfy(a -> assertThat(a.ontologyVersion()).isEqualTo("v2"));
        assertThat(annotations(suggestionData)).as("each stays where it was stored").isZero();
    }

    @Test
    void theAnnotationsOfADocumentFoundAtOnceAreThoseFoundOneByOneInEitherStore() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", passages());
        store.review(DOC, List.of(stored.get(0).id()), ReviewState.ACCEPTED, "forskare");
        StoredAnnotation tag = store.addManual(DOC, new PassageText(DOC + "-1", SECOND), 0, 10, LAR.BASE + "tema/kompetens", "v1", "forskare");
        StoredAnnotation elsewhere = store.addManual("annat", new PassageText("annat-0", FIRST), 0, 9, LAR.BASE + "tema/samverkan", "v1", "forskare");
        List<String> asked = new ArrayList<>(stored.stream().map(StoredAnnotation::id).toList());
        asked.addAll(List.of(tag.id(), elsewhere.id(), "okand"));

        Map<String, StoredAnnotation> found = store.findInDocument(DOC, asked);

        assertThat(found).as("the document's annotations, the decided one and the tag among them")
                .containsOnlyKeys(asked.subList(0, asked.size() - 2));
        found.forEach((id, annotation) -> assertThat(annotation).as(id).isEqualTo(store.find(id).orElseThrow()));
        assertThat(found.get(stored.get(0).id()).state()).isEqualTo(ReviewState.ACCEPTED);
    }

    @Test
    void theDecisionsOfSomePassagesAreTheDocumentsDecisionsOnThoseAnnotationsInEitherStore() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", passages());
        List<String> ofFirst = stored.stream().filter(a -> a.passageId().equals(DOC + "-0")).map(StoredAnnotation::id).toList();
        store.review(DOC, List.of(ofFirst.get(0)), ReviewState.ACCEPTED, "forskare");
        store.review(DOC, List.of(ofFirst.get(0)), ReviewState.REJECTED, "kollega");
        store.review(DOC, List.of(ofFirst.get(0)), ReviewState.REJECTED, "forskare");
        StoredAnnotation tag = store.addManual(DOC, new PassageText(DOC + "-1", SECOND), 0, 10, LAR.BASE + "tema/kompetens", "v1", "forskare");

        Map<String, List<Decision>> whole = store.decisions(DOC);
        Map<String, List<Decision>> first = store.decisionsOfPassages(DOC, List.of(DOC + "-0"));

        assertThat(first).containsOnlyKeys(ofFirst);
        ofFirst.forEach(id -> assertThat(first.get(id)).as(id).isEqualTo(whole.get(id)));
        assertThat(first.get(ofFirst.get(0))).extracting(d -> d.coder(), d -> d.state())
                .containsExactlyInAnyOrder(tuple(AnnotationIris.ANNOTATOR_CODER, ReviewState.SUGGESTED),
                        tuple("kollega", ReviewState.REJECTED), tuple("forskare", ReviewState.REJECTED));
        assertThat(store.decisionsOfPassages(DOC, List.of(DOC + "-1")).get(tag.id())).isEqualTo(whole.get(tag.id())).isNotEmpty();
        assertThat(store.decisionsOfPassages(DOC, List.of(DOC + "-7"))).as("a passage with no annotations").isEmpty();

        assertThat(store.reviewLogOfPeople(DOC)).as("the log without the annotator's entry for each suggestion")
                .containsExactlyElementsOf(store.reviewLog(DOC).stream().filter(r -> !r.byAnnotator()).toList())
                .extracting(r -> r.coder()).containsExactly("forskare", "forskare", "kollega", "forskare");
    }
}
