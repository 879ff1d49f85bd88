package org.lararena.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.PersonAgents;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.web.Caller;

/**
 * The PROV history of annotations on a document pilots may read, made and reviewed by two researchers through the
 * real annotation store: pilots see one neutral agent and can probe for no username; researchers see the people.
 */
class SparqlPeopleTest {

    private static final String PREFIXES = "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dct: <http://purl.org/dc/terms/> "
            + "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
    private static final String TEMA = LAR.BASE + "tema/";
    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
    private static final Caller PILOT = new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland"));

    @TempDir
    static Path dir;

    private static SparqlService sparql;

    @BeforeAll
    static void setUp() {
        Dataset dataset = TDB2Factory.createDataset();
        RdfAnnotationStore annotations = new RdfAnnotationStore(dataset);
        DocumentStore documents = new DocumentStore(dir.resolve("documents"));
        documents.create(new DocumentRecord("pilotdok", "pilotdok.txt", "Pilotdok", "rapport", "Värmland", null, Visibility.PILOT,
                "0".repeat(64), 1, "anna.lindqvist", Instant.now(), DocumentStatus.INDEXED, null, null, 1, "sv"));
        PassageText passage = new PassageText("pilotdok-0", "Samverkan och kontinuitet i vardagen");
        List<StoredAnnotation> automatic = annotations.storeAutomatic("pilotdok", "v1", List.of(new AnnotationStore.PassageSuggestions(passage,
                List.of(new Suggestion(TEMA + "samverkan", TEMA + "samverkan", 0, 9, "Samverkan", "samverkan", 0.9)))));
        annotations.addManual("pilotdok", passage, 13, 24, TEMA + "samverkan", "v1", "anna.lindqvist");
        annotations.review("pilotdok", List.of(automatic.get(0).id()), ReviewState.ACCEPTED, "bengt.oskarsson");
        sparql = new SparqlService(StoreTransactions.local(dataset), ReadableGraphs.of(documents), new LararenaConfig.Sparql(Duration.ofSeconds(60), 1000));
    }

    @Test
    void aPilotSeesTheHistorysPeopleAsOneNeutralAgentAndNoUsername() {
        String everything = text("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", PILOT);
        String agents = PREFIXES + "SELECT DISTINCT ?agent ?nick { ?activity prov:wasAssociatedWith ?agent . OPTIONAL { ?agent foaf:nick ?nick } }";

        assertThat(everything).doesNotContain("anna", "lindqvist", "bengt", "oskarsson").contains(PersonAgents.NEUTRAL_IRI);
        assertThat(text(agents, PILOT)).doesNotContain("lindqvist", "oskarsson").contains(PersonAgents.NEUTRAL_NAME);
        assertThat(text(PREFIXES + "SELECT ?creator { ?a dct:creator ?creator }", PILOT)).contains(PersonAgents.NEUTRAL_IRI).doesNotContain("anna");
        assertThat(ask(PREFIXES + "ASK { ?activity prov:wasAssociatedWith <" + PersonAgents.NEUTRAL_IRI + "> }", PILOT))
                .as("the neutral agent answers for the people").isTrue();
    }

    @Test
    void aPilotCannotProbeForAUsernameByIriNicknameOrLabel() {
        for (String probe : List.of("ASK { ?a prov:wasAssociatedWith <" + AnnotationIris.userIri("bengt.oskarsson") + "> }",
                "ASK { <" + AnnotationIris.userIri("anna.lindqvist") + "> ?p ?o }",
                "ASK { ?agent foaf:nick \"anna.lindqvist\" }",
                "ASK { ?agent rdfs:label \"bengt.oskarsson\" }",
                "ASK { ?agent ?p ?name FILTER(CONTAINS(STR(?name), \"lindqvist\")) }",
                "ASK { ?agent ?p ?o FILTER(CONTAINS(STR(?agent), \"oskarsson\")) }")) {
            assertThat(ask(PREFIXES + probe, PILOT)).as(probe).isFalse();
            assertThat(ask(PREFIXES + probe, RESEARCHER)).as("the researcher's answer to " + probe).isTrue();
        }
    }

    @Test
    void twoReviewersAreOneAgentToAPilotSoTheirNumberStaysUnknown() {
        String people = PREFIXES + "SELECT ?agent { ?agent a prov:Person }";

        assertThat(rows(people, PILOT)).isEqualTo(1);
        assertThat(rows(people, RESEARCHER)).isEqualTo(2);
        assertThat(text(PREFIXES + "SELECT ?nick { ?agent foaf:nick ?nick }", RESEARCHER)).contains("anna.lindqvist", "bengt.oskarsson");
    }

    private static String text(String query, Caller caller) {
        return new String(sparql.query(query, caller, null).body(), StandardCharsets.UTF_8);
    }

    private static boolean ask(String query, Caller caller) {
        return new JsonObject(text(query, caller)).getBoolean("boolean");
    }

    private static int rows(String query, Caller caller) {
        return new JsonObject(text(query, caller)).getJsonObject("results").getJsonArray("bindings").size();
    }
}
