package org.lararena.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.store.remote.InJvmFuseki;
import org.lararena.ontology.store.remote.RemoteTransactions;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.OA;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/**
 * The per-caller dataset on an in-memory TDB2 store holding the real ontology and annotation graphs of a restricted
 * interview, a pilot report and a public report: a pilot reaches the interview through no form of query.
 */
class SparqlServiceTest {

    private static final String CANARY = "ekorrhemlighet";
    private static final String PREFIXES = "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ";
    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
    private static final Caller PILOT = new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland"));
    private static final Caller ATTENDEE = new Caller("deltagare", Set.of(Caller.ATTENDEE), Optional.empty());

    @TempDir
    static Path dir;

    private static Dataset store;
    private static DocumentStore documents;
    private static SparqlService sparql;
    private static HttpServer web;
    private static final AtomicInteger webRequests = new AtomicInteger();

    @BeforeAll
    static void setUp() throws Exception {
        store = TDB2Factory.createDataset();
        SparqlService.publishOntology(StoreTransactions.local(store), OntologyLoader.fromClasspath());
        documents = new DocumentStore(dir.resolve("documents"));
        document("intervju", Visibility.RESTRICTED);
        document("pilotrapport", Visibility.PILOT);
        document("rapport", Visibility.PUBLIC);
        Txn.executeWrite(store, () -> {
            annotate("intervju", "Respondenten berättar om " + CANARY);
            annotate("pilotrapport", "Samverkan i Värmland");
            annotate("rapport", "Uppföljning för alla");
            // Outside every document: the store's own default graph and a stray named graph.
            store.getDefaultModel().add(store.getDefaultModel().createResource("urn:x:stray"), RDFS.label, CANARY + " i standardgrafen");
            Model other = store.getNamedModel("http://example.org/annan-graf");
            other.add(other.createResource("urn:x:other"), RDFS.label, CANARY + " i en annan graf");
        });
        sparql = new SparqlService(StoreTransactions.local(store), ReadableGraphs.of(documents), new LararenaConfig.Sparql(Duration.ofSeconds(60), 50));
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            webRequests.incrementAndGet();
            byte[] body = ("<urn:x:fetched> <" + RDFS.label.getURI() + "> \"" + CANARY + " från nätet\" .\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/turtle");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        web.start();
    }

    @AfterAll
    static void tearDown() {
        web.stop(0);
        store.close();
    }

    @Test
    void graphVariableEnumeratesOnlyTheOntologyAndTheCallersDocuments() {
        List<String> pilotGraphs = column(select("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", PILOT), "g");
        List<String> researcherGraphs = column(select("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", RESEARCHER));

        assertThat(pilotGraphs).containsExactlyInAnyOrder(LAR.OntologyGraph.getURI(), graph("pilotrapport"), graph("rapport"));
        assertThat(researcherGraphs).containsExactlyInAnyOrder(LAR.OntologyGraph.getURI(), graph("intervju"), graph("pilotrapport"), graph("rapport"));
        assertThat(column(select("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", ATTENDEE), "g"))
                .containsExactlyInAnyOrder(LAR.OntologyGraph.getURI(), graph("rapport"));
    }

    @Test
    void overASharedRdfStoreEachCallerQueriesOnlyWhatTheyMayReadAsOverTheEmbeddedOne() {
        try (InJvmFuseki fuseki = new InJvmFuseki()) {
            SparqlService overShared = new SparqlService(new RemoteTransactions(fuseki.serve(store)), ReadableGraphs.of(documents),
                    new LararenaConfig.Sparql(Duration.ofSeconds(60), 50));
            String graphs = "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }";
            String annotations = PREFIXES + "SELECT ?a { ?a a oa:Annotation }";

            assertThat(column(answer(overShared, graphs, PILOT), "g"))
                    .containsExactlyInAnyOrder(LAR.OntologyGraph.getURI(), graph("pilotrapport"), graph("rapport"));
            assertThat(column(answer(overShared, annotations, PILOT), "a")).containsExactlyInAnyOrder(annotation("pilotrapport"), annotation("rapport"));
            assertThat(column(answer(overShared, annotations, RESEARCHER), "a")).hasSize(3);
            assertThat(answer(overShared, PREFIXES + "SELECT * { ?s ?p ?o }", PILOT).toString()).doesNotContain(CANARY);
            assertThat(answer(overShared, PREFIXES + "SELECT * { GRAPH <" + graph("intervju") + "> { ?s ?p ?o } }", PILOT).toString())
                    .doesNotContain(CANARY);
        }
    }

    @Test
    void theUndecidedSuggestionsDatasetIsQueriedAsPartOfEachDocumentsGraphAndOnlyWhereTheCallerMayRead() {
        Dataset suggestions = TDB2Factory.createDataset();
        try {
            String suggested = LAR.BASE + "annotation/pilotrapport-2";
            Txn.executeWrite(suggestions, () -> {
                Model pilot = suggestions.getNamedModel(graph("pilotrapport"));
                pilot.createResource(suggested).addProperty(RDF.type, OA.Annotation).addProperty(LAR.documentId, "pilotrapport");
                // A copy a decision left behind: the same annotation in both datasets is one.
                pilot.createResource(annotation("pilotrapport")).addProperty(RDF.type, OA.Annotation);
                suggestions.getNamedModel(graph("intervju")).createResource(LAR.BASE + "annotation/intervju-2")
                        .addProperty(RDF.type, OA.Annotation).addProperty(RDFS.label, CANARY + " i en förslagsgraf");
            });
            SparqlService both = sparql.withSuggestions(StoreTransactions.local(suggestions));
            String annotations = PREFIXES + "SELECT ?a { ?a a oa:Annotation }";

            assertThat(column(answer(both, annotations, PILOT), "a")).containsExactlyInAnyOrder(annotation("pilotrapport"), suggested, annotation("rapport"));
            assertThat(column(answer(both, PREFIXES + "SELECT ?a { GRAPH <" + graph("pilotrapport") + "> { ?a a oa:Annotation } }", PILOT), "a"))
                    .containsExactlyInAnyOrder(annotation("pilotrapport"), suggested);
            assertThat(column(answer(both, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", PILOT), "g"))
                    .containsExactlyInAnyOrder(LAR.OntologyGraph.getURI(), graph("pilotrapport"), graph("rapport"));
            assertThat(answer(both, "SELECT * { ?s ?p ?o }", PILOT).toString()).doesNotContain(CANARY);
            assertThat(column(answer(both, annotations, RESEARCHER), "a")).hasSize(5);
        } finally {
            suggestions.close();
        }
    }

    private static List<JsonObject> answer(SparqlService service, String query, Caller caller) {
        return rows(service.query(query, caller, null));
    }

    @Test
    void theDefaultGraphIsTheUnionOfWhatTheCallerMayRead() {
        String annotations = PREFIXES + "SELECT ?a { ?a a oa:Annotation }";

        assertThat(column(select(annotations, PILOT), "a")).containsExactlyInAnyOrder(annotation("pilotrapport"), annotation("rapport"));
        assertThat(column(select(annotations, RESEARCHER), "a")).hasSize(3);
        assertThat(ask(PREFIXES + "ASK { ?c a skos:Concept ; skos:prefLabel \"Samverkan\"@sv }", PILOT)).as("the ontology is in the union").isTrue();
        assertThat(text(PREFIXES + "SELECT * { ?s rdfs:label ?l }", RESEARCHER))
                .as("the store's default graph and graphs of no document are no one's").doesNotContain(CANARY + " i");
    }

    @Test
    void fromAndFromNamedNamingAForbiddenGraphFindNothing() {
        String from = PREFIXES + "SELECT ?l FROM <" + graph("intervju") + "> { ?a rdfs:label ?l }";
        String fromNamed = PREFIXES + "SELECT ?g ?l FROM NAMED <" + graph("intervju") + "> { GRAPH ?g { ?a rdfs:label ?l } }";
        String explicit = PREFIXES + "SELECT ?l { GRAPH <" + graph("intervju") + "> { ?a rdfs:label ?l } }";

        for (String query : List.of(from, fromNamed, explicit)) {
            assertThat(select(query, PILOT)).as(query).isEmpty();
            assertThat(text(query, RESEARCHER)).as("the researcher's answer to " + query).contains(CANARY);
        }
        assertThat(select(PREFIXES + "SELECT ?l FROM <http://example.org/annan-graf> { ?s rdfs:label ?l }", RESEARCHER))
                .as("a graph of no document, even for a researcher").isEmpty();
        assertThat(select(PREFIXES + "SELECT ?l FROM <" + graph("rapport") + "> FROM <" + graph("intervju") + "> { ?a rdfs:label ?l }", PILOT))
                .as("only the allowed graph of two").extracting(b -> b.getJsonObject("l").getString("value")).containsExactly("Uppföljning för alla");
    }

    @Test
    void theUnionAndDefaultGraphNamesStayWithinTheCallersGraphs() {
        List<String> forms = List.of(
                "SELECT * { GRAPH <urn:x-arq:UnionGraph> { ?s ?p ?o } }",
                "SELECT * FROM <urn:x-arq:UnionGraph> { ?s ?p ?o }",
                "SELECT * FROM <urn:x-arq:DefaultGraph> { ?s ?p ?o }",
                "SELECT * { GRAPH <urn:x-arq:DefaultGraph> { ?s ?p ?o } }",
                "SELECT * FROM NAMED <urn:x-arq:UnionGraph> { GRAPH ?g { ?s ?p ?o } }",
                "SELECT * { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"" + CANARY + "\")) }");
        SparqlService small = new SparqlService(StoreTransactions.local(store), ReadableGraphs.of(documents), new LararenaConfig.Sparql(Duration.ofSeconds(60), 1_000_000));
        for (String form : forms) {
            String answer = new String(small.query(form, PILOT, null).body(), StandardCharsets.UTF_8);
            assertThat(answer).as(form).doesNotContain(CANARY).doesNotContain(graph("intervju"));
        }
        assertThat(column(select(PREFIXES + "SELECT ?a { GRAPH <urn:x-arq:UnionGraph> { ?a a oa:Annotation } }", PILOT), "a")).hasSize(2);
    }

    @Test
    void describeOfAForbiddenAnnotationAndConstructRevealNothing() {
        SparqlAnswer pilotDescribe = sparql.query("DESCRIBE <" + annotation("intervju") + ">", PILOT, "text/turtle");
        SparqlAnswer researcherDescribe = sparql.query("DESCRIBE <" + annotation("intervju") + ">", RESEARCHER, "text/turtle");
        SparqlAnswer construct = sparql.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o FILTER(isLiteral(?o) && CONTAINS(STR(?o), \"i\")) } }",
                PILOT, "application/n-triples");

        assertThat(pilotDescribe.contentType()).isEqualTo(SparqlService.TURTLE);
        assertThat(new String(pilotDescribe.body(), StandardCharsets.UTF_8)).doesNotContain(CANARY);
        assertThat(new String(researcherDescribe.body(), StandardCharsets.UTF_8)).contains(CANARY);
        assertThat(construct.contentType()).isEqualTo(SparqlService.N_TRIPLES);
        assertThat(new String(construct.body(), StandardCharsets.UTF_8)).contains("Samverkan i Värmland").doesNotContain(CANARY);
    }

    @Test
    void fromWithAUrlIsNeverFetchedAndServiceIsRefused() {
        String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/data.ttl";
        int before = webRequests.get();

        assertThat(select("SELECT * FROM <" + url + "> { ?s ?p ?o }", RESEARCHER)).isEmpty();
        assertThat(select("SELECT * FROM NAMED <" + url + "> { GRAPH ?g { ?s ?p ?o } }", RESEARCHER)).isEmpty();
        assertThatThrownBy(() -> sparql.query("SELECT * { SERVICE <" + url + "> { ?s ?p ?o } }", RESEARCHER, null))
                .isInstanceOf(LararenaException.class).hasMessageContaining("SERVICE")
                .satisfies(e -> assertThat(((LararenaException) e).status()).isEqualTo(400));
        assertThat(webRequests.get()).as("requests that reached the web server").isEqualTo(before);
    }

    @Test
    void updatesAreRefusedAsReadOnlyAndMalformedQueriesNameTheProblem() {
        assertThatThrownBy(() -> sparql.query("INSERT DATA { <urn:x:a> <urn:x:b> \"c\" }", RESEARCHER, null))
                .isInstanceOf(LararenaException.class).hasMessageContaining("read-only")
                .satisfies(e -> assertThat(((LararenaException) e).error()).isEqualTo("read_only"));
        assertThatThrownBy(() -> sparql.query("DROP ALL", RESEARCHER, null)).hasMessageContaining("read-only");
        assertThatThrownBy(() -> sparql.query("SELECT ?x WHERE { ?x ?y }", RESEARCHER, null))
                .isInstanceOf(LararenaException.class).hasMessageContaining("does not parse").hasMessageContaining("line 1")
                .satisfies(e -> assertThat(((LararenaException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> sparql.query("  ", RESEARCHER, null)).hasMessageContaining("send a SPARQL query");
        assertThat(ask("ASK { ?s ?p ?o }", RESEARCHER)).as("nothing was written").isTrue();
        assertThat(select("SELECT * { <urn:x:a> ?p ?o }", RESEARCHER)).isEmpty();
    }

    @Test
    void aQueryOverTheTimeLimitIsStoppedWithAClearError() {
        // Thousands of ontology triples to the fourth power: far beyond any limit.
        String crossProduct = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        SparqlService impatient = new SparqlService(StoreTransactions.local(store), ReadableGraphs.of(documents), new LararenaConfig.Sparql(Duration.ofSeconds(1), 50));

        assertThatThrownBy(() -> impatient.query(crossProduct, RESEARCHER, null))
                .isInstanceOf(LararenaException.class)
                .hasMessageContaining("LARARENA_SPARQL_TIMEOUT_SECONDS")
                .satisfies(e -> assertThat(((LararenaException) e).error()).isEqualTo("query_timeout"));
    }

    @Test
    void answersAreCutAtTheRowLimitAndSaySo() {
        SparqlAnswer answer = sparql.query("SELECT * { ?s ?p ?o }", RESEARCHER, null);
        SparqlAnswer graph = sparql.query("CONSTRUCT WHERE { ?s ?p ?o }", RESEARCHER, null);
        SparqlAnswer small = sparql.query("SELECT * { ?s ?p ?o } LIMIT 3", RESEARCHER, null);

        assertThat(answer.truncated()).isTrue();
        assertThat(rows(answer)).hasSize(50);
        assertThat(graph.truncated()).isTrue();
        assertThat(small.truncated()).isFalse();
        assertThat(rows(small)).hasSize(3);
    }

    @Test
    void aChangeOfVisibilityCountsFromTheNextQuery(@TempDir Path other) throws Exception {
        DocumentStore own = new DocumentStore(other);
        DocumentRecord record = own.create(record("pilotrapport", Visibility.RESTRICTED));
        SparqlService service = new SparqlService(StoreTransactions.local(store), ReadableGraphs.of(own), new LararenaConfig.Sparql(Duration.ofSeconds(60), 100));
        String query = "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }";
        assertThat(new String(service.query(query, PILOT, null).body(), StandardCharsets.UTF_8)).doesNotContain(graph("pilotrapport"));

        own.update(record.id(), current -> current.withVisibility(Visibility.PILOT));

        assertThat(new String(service.query(query, PILOT, null).body(), StandardCharsets.UTF_8)).contains(graph("pilotrapport"));
    }

    // --- helpers

    private static void document(String id, Visibility visibility) {
        documents.create(record(id, visibility));
    }

    private static DocumentRecord record(String id, Visibility visibility) {
        return new DocumentRecord(id, id + ".txt", id, "rapport", "Värmland", null, visibility, "0".repeat(64), 1, "forskare",
                Instant.now(), DocumentStatus.INDEXED, null, null, 1, "sv");
    }

    private static void annotate(String documentId, String label) {
        Model graph = store.getNamedModel(graph(documentId));
        Resource annotation = graph.createResource(annotation(documentId));
        annotation.addProperty(RDF.type, OA.Annotation).addProperty(RDFS.label, label)
                .addProperty(LAR.documentId, documentId)
                .addProperty(OA.hasBody, graph.createResource(LAR.BASE + "concept/samverkan"));
    }

    private static String graph(String documentId) {
        return LAR.documentGraph(documentId).getURI();
    }

    private static String annotation(String documentId) {
        return LAR.BASE + "annotation/" + documentId + "-1";
    }

    private static String text(String query, Caller caller) {
        return new String(sparql.query(query, caller, null).body(), StandardCharsets.UTF_8);
    }

    private static List<JsonObject> select(String query, Caller caller) {
        SparqlAnswer answer = sparql.query(query, caller, null);
        assertThat(answer.contentType()).isEqualTo(SparqlService.RESULTS_JSON);
        return rows(answer);
    }

    private static List<JsonObject> rows(SparqlAnswer answer) {
        JsonArray bindings = new JsonObject(new String(answer.body(), StandardCharsets.UTF_8)).getJsonObject("results").getJsonArray("bindings");
        List<JsonObject> rows = new ArrayList<>();
        bindings.forEach(b -> rows.add((JsonObject) b));
        return rows;
    }

    private static List<String> column(List<JsonObject> rows, String variable) {
        return rows.stream().map(r -> r.getJsonObject(variable).getString("value")).toList();
    }

    private static List<String> column(List<JsonObject> rows) {
        return column(rows, "g");
    }

    private static boolean ask(String query, Caller caller) {
        return new JsonObject(new String(sparql.query(query, caller, null).body(), StandardCharsets.UTF_8)).getBoolean("boolean");
    }
}
