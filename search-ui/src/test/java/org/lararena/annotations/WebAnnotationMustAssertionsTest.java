package org.lararena.annotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.Consensus;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.PersonAgents;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.vocabulary.LAR;

/**
 * Every annotation of {@code annotations.jsonld}, taken one at a time with the document's {@code @context}, passes
 * each MUST assertion of the W3C Web Annotation test suite (its JSON Schema draft-04 files, read in place from
 * {@value #SUITE} beside the project), as researchers and as everyone else see it.
 */
class WebAnnotationMustAssertionsTest {

    static final String SUITE = "../shared/w3c-web-annotation-tests";
    private static final String MUSTS = "annotations/annotationMusts.test";
    private static final String TEMA = LAR.BASE + "tema/";
    /** Characters outside the Basic Multilingual Plane: each is two Java chars but one code point. */
    private static final String TEXT = "🌲 Samverkan och kontinuitet i Värmland 𝔖 ger tillgänglighet";

    private Dataset dataset;
    private RdfAnnotationStore store;

    @BeforeEach
    void openStore() {
        dataset = TDB2Factory.createDataset();
        store = new RdfAnnotationStore(dataset);
    }

    @AfterEach
    void closeStore() {
        dataset.close();
    }

    @Test
    void everyAnnotationOfEveryKindPassesEveryMustAssertionAsResearchersAndOthersSeeIt() throws IOException {
        MustAssertions musts = MustAssertions.load(suite());
        List<JsonObject> exports = new ArrayList<>();
        for (String documentId : List.of(documentInEveryReviewState(), documentWithConsensus())) {
            List<StoredAnnotation> annotations = store.annotationsOf(documentId);
            Consensus consensus = store.consensus(documentId).orElse(null);
            exports.add(WebAnnotationJsonLd.document(annotations, documentId, consensus));
            exports.add(WebAnnotationJsonLd.document(annotations.stream().map(PersonAgents::withoutPerson).toList(), documentId,
                    consensus == null ? null : PersonAgents.withoutPerson(consensus)));
        }

        List<JsonObject> checked = exports.stream().flatMap(document -> standalone(document).stream()).toList();
        List<String> failures = checked.stream().flatMap(annotation -> musts.failures(annotation).stream()).toList();

        assertThat(exports).as("the consensus is in @graph and is skipped, not checked")
                .anyMatch(document -> document.getJsonArray("@graph").size() > standalone(document).size());
        assertThat(checked).extracting(a -> a.getString("reviewState")).as("every review state is checked")
                .containsAll(Stream.of(ReviewState.values()).map(s -> s.resource().getURI()).toList());
        assertThat(checked).extracting(a -> a.getString("motivation")).containsOnly("classifying", "tagging");
        assertThat(checked).extracting(a -> a.getJsonObject("creator").getString("id")).as("researchers and the neutral role")
                .contains(AnnotationIris.userIri("forskare"), PersonAgents.NEUTRAL_IRI, AnnotationIris.annotatorIri());
        assertThat(checked).as("a quote outside the BMP").anyMatch(a -> a.encode().contains("🌲"));
        assertThat(failures).as("MUST assertions of " + SUITE + "/" + MUSTS + " that an exported annotation fails").isEmpty();
    }

    @Test
    void anAnnotationWithoutTargetOrWithoutTheAnnoContextFailsItsAssertion() throws IOException {
        MustAssertions musts = MustAssertions.load(suite());
        JsonObject real = standalone(WebAnnotationJsonLd.document(store.annotationsOf(documentInEveryReviewState()))).getFirst();
        assertThat(musts.failures(real)).isEmpty();

        JsonObject withoutTarget = real.copy();
        withoutTarget.remove("target");
        assertThat(musts.failures(withoutTarget)).anyMatch(f -> f.startsWith("annotations/3.1-targetKeyFound.json"));

        JsonObject ownContextOnly = real.copy().put("@context", new JsonArray().add(real.getJsonArray("@context").getJsonObject(1)));
        assertThat(musts.failures(ownContextOnly)).anyMatch(f -> f.startsWith("annotations/3.1-annotationContextValidated.json"));
    }

    /**
     * A document with an automatic suggestion left suggested, one accepted and one rejected by a researcher, a
     * researcher's tag (accepted) and one they retracted, on a passage with characters outside the BMP.
     */
    private String documentInEveryReviewState() {
        PassageText passage = new PassageText("doc-0", TEXT);
        store.storeAutomatic("doc", "v1", List.of(new AnnotationStore.PassageSuggestions(passage, List.of(
                suggestion("samverkan", "Samverkan", 0.9),
                suggestion("kontinuitet", "kontinuitet", 0.75),
                suggestion("tillganglighet", "tillgänglighet", 0.6)))));
        List<StoredAnnotation> automatic = store.annotationsOf("doc");
        store.review("doc", List.of(automatic.get(1).id()), ReviewState.ACCEPTED, "forskare");
        store.review("doc", List.of(automatic.get(2).id()), ReviewState.REJECTED, "forskare");
        store.addManual("doc", passage, 0, 12, TEMA + "samverkan", "v1", "forskare");
        StoredAnnotation retracted = store.addManual("doc", passage, 30, 38, TEMA + "samverkan", "v1", "forskare");
        store.review("doc", List.of(retracted.id()), ReviewState.RETRACTED, "forskare");
        return "doc";
    }

    /** A document whose consensus an adjudicator settled from a colleague's layer. */
    private String documentWithConsensus() {
        PassageText passage = new PassageText("samstammig-0", TEXT);
        store.storeAutomatic("samstammig", "v1", List.of(new AnnotationStore.PassageSuggestions(passage, List.of(
                suggestion("samverkan", "Samverkan", 0.9), suggestion("kontinuitet", "kontinuitet", 0.75)))));
        StoredAnnotation tag = store.addManual("samstammig", passage, 30, 38, TEMA + "vardkedja", "v1", "forskare2");
        String kept = store.annotationsOf("samstammig").getFirst().id();
        store.settleConsensus("samstammig", Set.of(kept, tag.id()), "forskare", "forskare2");
        return "samstammig";
    }

    /** The annotator's suggestion of a concept where {@code matched} stands in {@link #TEXT} (char offsets, as it gives them). */
    private static Suggestion suggestion(String concept, String matched, double confidence) {
        int start = TEXT.indexOf(matched);
        return new Suggestion(TEMA + concept, TEMA + concept, start, start + matched.length(), matched, concept, confidence);
    }

    /** Each annotation of {@code @graph} on its own, with the document's {@code @context}; other nodes (the consensus) left out. */
    static List<JsonObject> standalone(JsonObject document) {
        Object context = document.getValue("@context");
        return document.getJsonArray("@graph").stream().map(JsonObject.class::cast).filter(WebAnnotationMustAssertionsTest::isAnnotation)
                .map(node -> new JsonObject().put("@context", context).mergeIn(node)).toList();
    }

    private static boolean isAnnotation(JsonObject node) {
        Object type = node.getValue("type");
        return type instanceof JsonArray types ? types.contains("Annotation") : "Annotation".equals(type);
    }

    /** The suite beside the project; skips the test when it is absent. */
    private static Path suite() {
        Path suite = Path.of(System.getProperty("lararena.project.dir", "..")).resolve(SUITE).toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(suite.resolve(MUSTS)),
                "the W3C Web Annotation test suite " + SUITE + " (beside the project) is absent");
        return suite;
    }

    /**
     * The MUST assertions of the suite as draft-04 schemas. A {@code $ref} names a file of the suite by its name alone
     * (the assertions in {@code annotations/} refer to {@code definitions/}), so the schema loader maps each name to
     * the suite's file of that name, and loads nothing from outside the folder (never the network).
     */
    private record MustAssertions(List<Assertion> assertions) {

        record Assertion(String path, boolean mustBeValid, String errorMessage, Schema schema) {}

        static MustAssertions load(Path suite) throws IOException {
            String root = suite.toUri().toString();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(suite)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder -> builder
                    .schemaLoader(loader -> loader
                            .allow(iri -> iri.toString().startsWith(root))
                            .resourceLoaders(loaders -> loaders.add(iri -> {
                                Path file = byName(files, iri.toString());
                                return () -> Files.newInputStream(file);
                            }))));
            JsonObject test = new JsonObject(Files.readString(suite.resolve(MUSTS), StandardCharsets.UTF_8));
            List<Assertion> assertions = new ArrayList<>();
            for (Object entry : test.getJsonArray("assertions")) {
                String path = (String) entry;
                Path file = suite.resolve(path);
                JsonObject schema = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
                assertions.add(new Assertion(path, "valid".equals(schema.getString("expectedResult")), schema.getString("errorMessage"),
                        registry.getSchema(SchemaLocation.of(file.toUri().toString()))));
            }
            assertThat(assertions).as(MUSTS + " lists assertions").isNotEmpty();
            return new MustAssertions(assertions);
        }

        /** The suite's file that {@code iri} names: itself where it exists, else the file of that name (definitions/ first). */
        private static Path byName(List<Path> files, String iri) {
            Path named = Path.of(URI.create(iri));
            if (Files.isRegularFile(named)) {
                return named;
            }
            List<Path> candidates = files.stream().filter(f -> f.getFileName().equals(named.getFileName()))
                    .sorted(Comparator.comparing(f -> !f.getParent().endsWith("definitions")))
                    .toList();
            if (candidates.isEmpty()) {
                throw new IllegalStateException("the suite has no file " + named.getFileName() + " (a $ref names it)");
            }
            return candidates.getFirst();
        }

        /** One line per assertion whose result is not the expected one: its path, its error message and the validator's errors. */
        List<String> failures(JsonObject annotation) {
            String json = annotation.encode();
            List<String> failures = new ArrayList<>();
            for (Assertion assertion : assertions) {
                List<Error> errors = assertion.schema().validate(json, InputFormat.JSON);
                if (errors.isEmpty() != assertion.mustBeValid()) {
                    failures.add(assertion.path() + " (" + assertion.errorMessage() + ") for " + annotation.getString("id") + ": "
                            + errors.stream().map(Error::toString).collect(Collectors.joining("; ")));
                }
            }
            return failures;
        }
    }
}
