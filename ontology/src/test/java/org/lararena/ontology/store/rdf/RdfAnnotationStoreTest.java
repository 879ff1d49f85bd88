package org.lararena.ontology.store.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.tdb2.TDB2Factory;
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
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.Review;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.OA;
import org.lararena.ontology.vocabulary.PROV;
import org.lararena.platform.LararenaException;

/** The annotation store over an in-memory TDB2 dataset, embedded and through Fuseki, with the real annotator's suggestions. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreUnderTest.Reach.class)
class RdfAnnotationStoreTest {

    private static final String TEMA = LAR.BASE + "tema/";
    private static final String DOC = "d0c";
    private static PassageAnnotator annotator;

    @Parameter
    StoreUnderTest.Reach reach;
    @RegisterExtension
    final StoreUnderTest stores = new StoreUnderTest();
    private RdfAnnotationStore store;

    @BeforeAll
    static void loadAnnotator() {
        annotator = new PassageAnnotator(OntologyLoader.fromClasspath());
    }

    @BeforeEach
    void open() {
        store = stores.open(reach, () -> PassageAnnotator.VERSION);
    }


    private static AnnotationStore.PassageSuggestions suggest(String passageId, String text) {
        return new AnnotationStore.PassageSuggestions(new PassageText(passageId, text), annotator.annotate(text));
    }

    @Test
    void positionsCountCodePointsSoEmojiAndSwedishLettersDoNotShiftTheSpan() {
        // The emoji is two Java chars but one code point; "å" is one of each.
        String text = "😀 På mötet talade vi om samverkan.";
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", List.of(suggest(DOC + "-0", text)));

        StoredAnnotation samverkan = stored.stream().filter(a -> a.exact().equalsIgnoreCase("samverkan")).findFirst().orElseThrow();
        int charStart = text.indexOf("samverkan");
        assertThat(samverkan.start()).isEqualTo(charStart - 1);
        assertThat(samverkan.end()).isEqualTo(samverkan.start() + "samverkan".length());
        assertThat(text.codePoints().skip(samverkan.start()).limit(samverkan.end() - samverkan.start())
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()).isEqualTo("samverkan");
        assertThat(samverkan.prefix()).isEqualTo("😀 På mötet talade vi om ");
        assertThat(samverkan.suffix()).isEqualTo(".");
        assertThat(samverkan.state()).isEqualTo(ReviewState.SUGGESTED);
        assertThat(samverkan.manual()).isFalse();
        assertThat(samverkan.matchedTerm()).isNotBlank();
        assertThat(samverkan.confidence()).isBetween(0.6, 1.0);
        assertThat(samverkan.creator()).contains(AnnotationIris.ANNOTATOR_NAME);
    }

    @Test
    void aSuggestionDerivesItsQuoteFromThePassageTextUntilAResearcherDecidesOnIt() {
        String text = "😀 Vi pratade länge om hur samverkan mellan kommunen och regionen ska se ut i vardagen framöver.";
        StoredAnnotation written = store.storeAutomatic(DOC, "v1", List.of(suggest(DOC + "-0", text))).stream()
                .filter(a -> a.exact().equalsIgnoreCase("samverkan")).findFirst().orElseThrow();
        assertThat(quoteSelectors()).as("a suggestion nobody has decided on carries no quote of its own").isZero();

        assertThat(store.find(written.id())).as("read back, the quote is cut from the passage's text").contains(written);
        assertThat(written.prefix()).isEqualTo("😀 Vi pratade länge om hur ");
        assertThat(written.suffix()).as("32 code points").isEqualTo(" mellan kommunen och regionen sk");

        store.review(DOC, List.of(written.id()), ReviewState.ACCEPTED, "forskare");

        assertThat(quoteSelectors()).as("what a person decided on is complete in the W3C model").isEqualTo(1);
        Dataset dataset = stores.dataset();
        dataset.executeWrite(() -> dataset.getNamedModel(LAR.documentGraph(DOC).getURI())
                .createResource(AnnotationIris.passageIri(DOC + "-0")).removeAll(LAR.text));
        assertThat(store.find(written.id()).orElseThrow().exact()).as("read from its own selector now").isEqualTo(written.exact());
    }

    @Test
    void theAnnotatorAsAgentCarriesTheSuggesterModelsVersion() {
        RdfAnnotationStore learned = stores.open(reach, () -> AnnotationIris.annotatorVersion(3));

        StoredAnnotation made = learned.storeAutomatic(DOC, "v1", List.of(suggest(DOC + "-0", "Samverkan mellan kommun och region."))).get(0);

        assertThat(made.creator()).isEqualTo(AnnotationIris.ANNOTATOR_NAME + " 3+modell.3");
        assertThat(made.creatorIri()).isEqualTo(AnnotationIris.annotatorIri("3+modell.3"));
        assertThat(learned.find(made.id()).orElseThrow().creatorIri()).isEqualTo(made.creatorIri());
        assertThat(AnnotationIris.annotatorVersion(0)).as("the dictionary alone").isEqualTo(PassageAnnotator.VERSION);
    }

    @Test
    void aPassageExtractedAgainWithOtherTextLeavesEarlierSuggestionsTheirQuote() {
        String before = "Samverkan mellan kommun och region är viktig.";
        StoredAnnotation earlier = store.storeAutomatic(DOC, "v1", List.of(suggest(DOC + "-0", before))).stream()
                .filter(a -> a.exact().equals("Samverkan")).findFirst().orElseThrow();

        store.storeAutomatic(DOC, "v2", List.of(suggest(DOC + "-0", "Kompetensförsörjningen är det som oroar oss mest.")));

        assertThat(store.find(earlier.id()).orElseThrow()).extracting(StoredAnnotation::exact, StoredAnnotation::suffix)
                .containsExactly("Samverkan", " mellan kommun och region är vik");
        assertThat(store.annotationsOf(DOC)).anySatisfy(a -> assertThat(a.exact()).isEqualTo("Kompetensförsörjningen"));
    }

    private long quoteSelectors() {
        return readGraph(graph -> graph.listSubjectsWithProperty(RDF.type, OA.TextQuoteSelector).toList().size());
    }

    /** What {@code read} finds in the document's graph, read straight from the dataset. */
    private <T> T readGraph(Function<Model, T> read) {
        Dataset dataset = stores.dataset();
        return dataset.calculateRead(() -> read.apply(dataset.getNamedModel(LAR.documentGraph(DOC).getURI())));
    }

    @Test
    void aManualTagOnAnEmojiPassageStoresTheQuoteOfTheCodePointSpan() {
        PassageText passage = new PassageText(DOC + "-3", "🙂🙂 Väntetiderna på vårdcentralen är långa");
        StoredAnnotation tag = store.addManual(DOC, passage, 3, 16, TEMA + "tillganglighet", "v1", "forskare");

        assertThat(tag.exact()).isEqualTo("Väntetiderna ");
        assertThat(tag.prefix()).isEqualTo("🙂🙂 ");
        assertThat(tag.state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(tag.manual()).isTrue();
        assertThat(tag.creator()).isEqualTo("forskare");
        assertThat(store.find(tag.id())).contains(tag);
    }

    @Test
    void aBatchOfManualTagsByDifferentCodersIsStoredWholeOrNotAtAll() {
        PassageText passage = new PassageText(DOC + "-0", "Samverkan och tillgänglighet 😀 och kontinuitet.");
        List<AnnotationStore.ManualTag> tags = List.of(new AnnotationStore.ManualTag(passage, 0, 9, TEMA + "samverkan", "anna"),
                new AnnotationStore.ManualTag(passage, 14, 28, TEMA + "tillganglighet", "Britt Berg"));

        assertThatThrownBy(() -> store.addManual(DOC, List.of(tags.get(0), new AnnotationStore.ManualTag(passage, 40, 60, TEMA + "kontinuitet",
                "anna")), "v1")).as("one span outside its passage").isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(store.annotationsOf(DOC)).as("nothing of the refused batch").isEmpty();

        List<StoredAnnotation> added = store.addManual(DOC, tags, "v1");

        assertThat(added).extracting(a -> a.exact() + "|" + a.creator() + "|" + a.state())
                .containsExactly("Samverkan|anna|ACCEPTED", "tillgänglighet|Britt Berg|ACCEPTED");
        assertThat(store.annotationsOf(DOC)).hasSize(2).allMatch(StoredAnnotation::manual);
    }

    @Test
    void aSpanOutsideThePassageIsA400AndNothingIsStored() {
        PassageText passage = new PassageText(DOC + "-0", "Kort text 😀");
        assertThatThrownBy(() -> store.addManual(DOC, passage, 5, 12, TEMA + "samverkan", "v1", "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> store.addManual(DOC, passage, 4, 4, TEMA + "samverkan", "v1", "forskare"))
                .isInstanceOf(LararenaException.class);
        assertThat(store.annotationsOf(DOC)).isEmpty();
        assertThat(readGraph(Model::size)).isZero();
    }

    @Test
    void runningTheAnnotatorTwiceGivesTheSameIdsAndNoDuplicates() {
        var passages = List.of(suggest(DOC + "-0", "Samverkan mellan kommun och region kräver en fast läkarkontakt."),
                suggest(DOC + "-1", "Kompetensförsörjningen och arbetsmiljön oroar cheferna."));
        List<StoredAnnotation> first = store.storeAutomatic(DOC, "v1", passages);
        long triples = readGraph(Model::size);

        List<StoredAnnotation> second = store.storeAutomatic(DOC, "v1", passages);

        assertThat(first).hasSizeGreaterThanOrEqualTo(3);
        assertThat(second).isEqualTo(first);
        assertThat(readGraph(Model::size)).isEqualTo(triples);
        Dataset another = TDB2Factory.createDataset();
        try {
            assertThat(new RdfAnnotationStore(another).storeAutomatic(DOC, "v1", passages)).as("the same ids in another store")
                    .extracting(StoredAnnotation::id).isEqualTo(first.stream().map(StoredAnnotation::id).toList());
        } finally {
            another.close();
        }
    }

    @Test
    void reviewsAreRecordedAsActivitiesAndNothingIsEverDeleted() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1",
                List.of(suggest(DOC + "-0", "Samverkan och tillgänglighet och kontinuitet.")));
        assertThat(stored).hasSizeGreaterThanOrEqualTo(3);
        String accepted = stored.get(0).id();
        String rejected = stored.get(1).id();
        StoredAnnotation manual = store.addManual(DOC, new PassageText(DOC + "-0", "Samverkan och tillgänglighet och kontinuitet."),
                0, 9, TEMA + "samverkan", "v1", "forskare");

        store.review(DOC, List.of(accepted), ReviewState.ACCEPTED, "forskare");
        store.review(DOC, List.of(rejected), ReviewState.REJECTED, "forskare");
        store.review(DOC, List.of(manual.id()), ReviewState.RETRACTED, "annan-forskare");

        assertThat(store.find(rejected).orElseThrow().state()).isEqualTo(ReviewState.REJECTED);
        assertThat(store.find(manual.id()).orElseThrow().state()).isEqualTo(ReviewState.RETRACTED);
        assertThat(store.annotationsOf(DOC)).hasSize(stored.size() + 1);
        List<Review> history = store.history(manual.id());
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).satisfies(r -> {
            assertThat(r.from()).isNull();
            assertThat(r.to()).isEqualTo(ReviewState.ACCEPTED);
            assertThat(r.agent()).isEqualTo("forskare");
        });
        assertThat(history.get(1)).satisfies(r -> {
            assertThat(r.from()).isEqualTo(ReviewState.ACCEPTED);
            assertThat(r.to()).isEqualTo(ReviewState.RETRACTED);
            assertThat(r.agent()).isEqualTo("annan-forskare");
            assertThat(r.at()).isNotNull();
        });
        assertThat(store.history(rejected)).extracting(Review::to).containsExactly(ReviewState.SUGGESTED, ReviewState.REJECTED);
        // The activity is PROV-O in the document's graph.
        Dataset dataset = stores.dataset();
        dataset.executeRead(() -> {
            Model graph = dataset.getNamedModel(LAR.documentGraph(DOC).getURI());
            Resource annotation = graph.createResource(AnnotationIris.annotationIri(rejected));
            assertThat(graph.listSubjectsWithProperty(PROV.used, annotation).toList()).singleElement().satisfies(activity -> {
                assertThat(activity.hasProperty(RDF.type, LAR.ReviewActivity)).isTrue();
                assertThat(activity.hasProperty(LAR.fromState, LAR.Suggested)).isTrue();
                assertThat(activity.hasProperty(LAR.toState, LAR.Rejected)).isTrue();
                assertThat(activity.getPropertyResourceValue(PROV.wasAssociatedWith).getURI())
                        .isEqualTo(AnnotationIris.userIri("forskare"));
            });
            assertThat(annotation.hasProperty(OA.motivatedBy, OA.classifying)).isTrue();
        });
    }

    @Test
    void aReviewedSuggestionCanBeTakenBackToSuggestedButAResearchersTagCannot() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", List.of(suggest(DOC + "-0", "Samverkan och tillgänglighet.")));
        String suggestion = stored.get(0).id();
        store.review(DOC, List.of(suggestion), ReviewState.ACCEPTED, "forskare");

        store.review(DOC, List.of(suggestion), ReviewState.SUGGESTED, "forskare");

        assertThat(store.find(suggestion).orElseThrow().state()).isEqualTo(ReviewState.SUGGESTED);
        assertThat(store.history(suggestion)).extracting(Review::to)
                .containsExactly(ReviewState.SUGGESTED, ReviewState.ACCEPTED, ReviewState.SUGGESTED);
        StoredAnnotation tag = store.addManual(DOC, new PassageText(DOC + "-0", "Samverkan och tillgänglighet."), 0, 9,
                TEMA + "samverkan", "v1", "forskare");
        assertThatThrownBy(() -> store.review(DOC, List.of(tag.id()), ReviewState.SUGGESTED, "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aRetractedAnnotationCannotBeAcceptedAndABadBatchChangesNothing() {
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", List.of(suggest(DOC + "-0", "Samverkan och tillgänglighet.")));
        String first = stored.get(0).id();
        store.review(DOC, List.of(first), ReviewState.RETRACTED, "forskare");

        assertThatThrownBy(() -> store.review(DOC, List.of(first), ReviewState.ACCEPTED, "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> store.review(DOC, List.of(stored.get(1).id(), "a-unknown"), ReviewState.ACCEPTED, "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(store.find(stored.get(1).id()).orElseThrow().state()).as("all or nothing").isEqualTo(ReviewState.SUGGESTED);
        assertThatThrownBy(() -> store.review("another-document", List.of(stored.get(1).id()), ReviewState.ACCEPTED, "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aNewRunSupersedesOnlyStillSuggestedAnnotationsAndKeepsReviewedOnes() {
        String text = "Samverkan, tillgänglighet och kontinuitet.";
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", List.of(suggest(DOC + "-0", text)));
        String accepted = stored.get(0).id();
        String rejected = stored.get(1).id();
        String untouched = stored.get(2).id();
        store.review(DOC, List.of(accepted), ReviewState.ACCEPTED, "forskare");
        store.review(DOC, List.of(rejected), ReviewState.REJECTED, "forskare");

        // A new ontology version that finds nothing in the passage any more.
        List<StoredAnnotation> after = store.storeAutomatic(DOC, "v2",
                List.of(new AnnotationStore.PassageSuggestions(new PassageText(DOC + "-0", text), List.<Suggestion>of())));

        assertThat(after).hasSameSizeAs(stored);
        assertThat(store.find(accepted).orElseThrow().state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(store.find(rejected).orElseThrow().state()).isEqualTo(ReviewState.REJECTED);
        assertThat(store.find(untouched).orElseThrow().state()).isEqualTo(ReviewState.RETRACTED);
        assertThat(store.history(untouched).get(1).reason()).contains("v2");
        assertThat(store.ontologyVersions()).containsEntry(DOC, "v2");
        store.markOutdated(DOC);
        assertThat(store.ontologyVersions()).doesNotContainKey(DOC);
        assertThat(store.annotationsOf(DOC)).hasSameSizeAs(stored);

        // Back to an ontology that finds them: the superseded one is suggested again, the reviewed ones stay.
        store.storeAutomatic(DOC, "v3", List.of(suggest(DOC + "-0", text)));
        assertThat(store.find(untouched).orElseThrow().state()).isEqualTo(ReviewState.SUGGESTED);
        assertThat(store.find(rejected).orElseThrow().state()).isEqualTo(ReviewState.REJECTED);
        assertThat(store.annotationsOf(DOC)).hasSameSizeAs(stored);
    }

    @Test
    void aSmallDocumentsWholeRunInOneWriteSupersedesLikeARunInStepsAndReturnsThePassagesItChanged() {
        String text = "Samverkan, tillgänglighet och kontinuitet.";
        AnnotationStore.StoredBatch first = store.storeWholeRun(DOC, "v1", List.of(suggest(DOC + "-0", text)));
        assertThat(first.passages().get(DOC + "-0")).hasSize(3).allMatch(a -> a.state() == ReviewState.SUGGESTED);
        assertThat(store.ontologyVersions()).containsEntry(DOC, "v1");
        String accepted = first.passages().get(DOC + "-0").get(0).id();
        store.review(DOC, List.of(accepted), ReviewState.ACCEPTED, "forskare");

        // A new ontology version that finds nothing in the passage any more, nor in a second passage.
        AnnotationStore.StoredBatch second = store.storeWholeRun(DOC, "v2", List.of(
                new AnnotationStore.PassageSuggestions(new PassageText(DOC + "-0", text), List.<Suggestion>of()),
                new AnnotationStore.PassageSuggestions(new PassageText(DOC + "-1", "Ett möte."), List.<Suggestion>of())));

        assertThat(second.made()).isEmpty();
        assertThat(second.passages().get(DOC + "-0")).as("the passage whose suggestions were superseded, as it is now")
                .extracting(StoredAnnotation::state)
                .containsExactlyInAnyOrder(ReviewState.ACCEPTED, ReviewState.RETRACTED, ReviewState.RETRACTED);
        assertThat(store.ontologyVersions()).containsEntry(DOC, "v2");
        assertThat(second.held()).isPositive();
    }
}
