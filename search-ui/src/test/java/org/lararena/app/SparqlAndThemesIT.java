package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.ontology.vocabulary.OA;

/**
 * {@code /sparql} and {@code /api/themes} on the real application with real Keycloak tokens: a researcher and a pilot
 * ask the same things, and nothing of a restricted interview reaches the pilot, by any form of query or count.
 */
@WithApplication
class SparqlAndThemesIT {

    private static final String CANARY = "kvistgrodesamtal";
    private static final String KONTINUITET = "https://w3id.org/lararena/tema/kontinuitet";
    private static final String SAMVERKAN = "https://w3id.org/lararena/tema/samverkan";

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("pilot")
    private static String pilot;
    @Token("admin")
    private static String admin;
    private static String interview;
    private static String report;
    private static Map<String, Long> researcherBefore;
    private static Map<String, Long> pilotBefore;

    @BeforeAll
    static void uploadAndAnnotate() throws Exception {
        report = app.upload(researcher, "rapport-samverkan.txt", "Samverkan mellan kommun och region blev bättre när vårdcentralen och "
                + "hemtjänsten började planera utskrivningar tillsammans i ett gemensamt forum varje vecka.", "pilot");
        app.awaitStatus(report, researcher, "indexed");
        researcherBefore = counts(themes(researcher, "?suggestions=true"));
        pilotBefore = counts(themes(pilot, "?suggestions=true"));
        interview = app.upload(researcher, "intervju-kontinuitet.txt", "Patienterna saknar fast läkarkontakt, " + CANARY + ", och träffar en ny "
                + "hyrläkare vid varje besök, så ingen känner dem sedan tidigare.", "restricted");
        app.awaitStatus(interview, researcher, "indexed");
        // Besides the annotator's own annotations (made at ingest), one more in each document's graph, written into the application's own store (one TDB2 database per
        // location and JVM: this is the dataset the application opened).
        Dataset store = TDB2Factory.connectDataset(app.config().dataPath("jena").toString());
        Txn.executeWrite(store, () -> {
            annotate(store, interview, KONTINUITET, "Patienterna saknar fast läkarkontakt – " + CANARY);
            annotate(store, report, SAMVERKAN, "Samverkan mellan kommun och region");
        });
    }

    @Test
    void theRestrictedInterviewsGraphIsInvisibleToThePilotThroughEveryFormOfQuery() throws Exception {
        String graph = LAR.documentGraph(interview).getURI();
        List<String> queries = List.of(
                "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }",
                "SELECT * { ?s ?p ?o FILTER(isLiteral(?o) && CONTAINS(STR(?o), \"" + CANARY + "\")) }",
                "SELECT * FROM <" + graph + "> { ?s ?p ?o }",
                "SELECT * FROM NAMED <" + graph + "> { GRAPH ?g { ?s ?p ?o } }",
                "SELECT * { GRAPH <" + graph + "> { ?s ?p ?o } }",
                "SELECT * { GRAPH <urn:x-arq:UnionGraph> { ?s <" + RDFS.label.getURI() + "> ?o } }",
                "SELECT * FROM <urn:x-arq:UnionGraph> { ?s <" + RDFS.label.getURI() + "> ?o }",
                "SELECT * FROM <urn:x-arq:DefaultGraph> { ?s <" + RDFS.label.getURI() + "> ?o }",
                "DESCRIBE <" + annotation(interview) + ">",
                "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o FILTER(isLiteral(?o)) } }");
        for (String query : queries) {
            for (HttpResponse<String> answer : List.of(get(query, pilot, null), postForm(query, pilot), postQuery(query, pilot))) {
                assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(200);
                assertThat(answer.body()).as("the pilot's answer to " + query).doesNotContain(CANARY).doesNotContain(graph);
            }
        }
        assertThat(get("SELECT * FROM <" + graph + "> { ?s ?p ?o }", researcher, null).body()).contains(CANARY);
        assertThat(get("DESCRIBE <" + annotation(interview) + ">", researcher, null).body()).contains(CANARY);
        List<String> pilotGraphs = bindings(get("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", pilot, null), "g");
        assertThat(pilotGraphs).containsExactlyInAnyOrder(LAR.OntologyGraph.getURI(), LAR.documentGraph(report).getURI());
        assertThat(bindings(get("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", researcher, null), "g")).contains(graph);
        JsonArray audit = new JsonArray(app.get("/api/admin/audit", admin).body());
        assertThat(audit.stream().map(e -> (JsonObject) e).filter(e -> "sparql_query".equals(e.getString("action"))))
                .as("researchers' queries are audited, pilots' are not")
                .anySatisfy(e -> assertThat(e.getString("user")).isEqualTo("forskare"))
                .allSatisfy(e -> assertThat(e.getString("user")).isNotEqualTo("pilot"));
    }

    @Test
    void theAnnotatorsRealAnnotationsAreQueryableByThoseWhoMayReadTheirDocument() throws Exception {
        // A suggestion nobody has decided on quotes its passage's text at its position (docs/api.md, SPARQL).
        String quotingTheCanary = "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX lar: <" + LAR.uri + "> SELECT DISTINCT ?a { "
                + "?a oa:hasTarget ?target . { ?target oa:hasSelector/(oa:exact|oa:prefix|oa:suffix) ?t } UNION { ?target oa:hasSource/lar:text ?t } "
                + "FILTER(CONTAINS(?t, \"" + CANARY + "\")) }";
        String classifying = "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT ?a { ?a oa:motivatedBy oa:classifying }";

        List<String> found = bindings(get(quotingTheCanary, researcher, null), "a");

        assertThat(found).as("the interview's automatic annotations quote the text around the match").isNotEmpty();
        assertThat(bindings(get(quotingTheCanary, pilot, null), "a")).isEmpty();
        HttpResponse<String> pilotDescribe = get("DESCRIBE <" + found.get(0) + ">", pilot, null);
        assertThat(pilotDescribe.statusCode()).isEqualTo(200);
        assertThat(pilotDescribe.body()).doesNotContain(CANARY).doesNotContain(found.get(0));
        assertThat(get("DESCRIBE <" + found.get(0) + ">", researcher, null).body()).contains(found.get(0)).contains("http://www.w3.org/ns/oa#hasBody");
        assertThat(bindings(get(classifying, pilot, null), "a")).as("the pilot report's annotations").isNotEmpty()
                .allSatisfy(a -> assertThat(found).doesNotContain(a));
    }

    @Test
    void answersHaveTheProtocolsMediaTypesAndTheOntologyIsThere() throws Exception {
        HttpResponse<String> ask = get("ASK { GRAPH <" + LAR.OntologyGraph.getURI() + "> { ?c <http://www.w3.org/2004/02/skos/core#prefLabel> \"Samverkan\"@sv } }", pilot, null);
        HttpResponse<String> turtle = get("DESCRIBE <" + SAMVERKAN + ">", pilot, "text/turtle");
        HttpResponse<String> nTriples = get("CONSTRUCT WHERE { <" + SAMVERKAN + "> ?p ?o }", pilot, "application/n-triples");

        assertThat(ask.headers().firstValue("Content-Type").orElse("")).startsWith("application/sparql-results+json");
        assertThat(new JsonObject(ask.body()).getBoolean("boolean")).isTrue();
        assertThat(turtle.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
        assertThat(turtle.body()).contains("Samverkan");
        assertThat(nTriples.headers().firstValue("Content-Type").orElse("")).startsWith("application/n-triples");
        assertThat(nTriples.body()).contains("<" + SAMVERKAN + ">");
        assertThat(ask.headers().firstValue("X-Lararena-Row-Limit")).hasValue("10000");
    }

    @Test
    void anonymousCallersUpdatesAndBrokenQueriesAreRefusedClearly() throws Exception {
        HttpResponse<String> anonymous = get("ASK { ?s ?p ?o }", null, null);
        HttpResponse<String> updateParam = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/sparql"))
                .header("Authorization", "Bearer " + researcher).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("update=" + encode("DROP ALL"))).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> updateBody = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/sparql"))
                .header("Authorization", "Bearer " + researcher).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> updateAsQuery = get("INSERT DATA { <urn:x:a> <urn:x:b> \"" + CANARY + "\" }", researcher, null);
        HttpResponse<String> malformed = get("SELECT ?x WHERE { ?x }", researcher, null);
        HttpResponse<String> plainText = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/sparql"))
                .header("Authorization", "Bearer " + researcher).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("ASK { ?s ?p ?o }")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> huge = postQuery("ASK { ?s ?p ?o } # " + "x".repeat(70_000), researcher);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        for (HttpResponse<String> update : List.of(updateParam, updateBody, updateAsQuery)) {
            assertThat(update.statusCode()).as(update.body()).isEqualTo(400);
            assertThat(new JsonObject(update.body()).getString("error")).isEqualTo("read_only");
        }
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(plainText.statusCode()).isEqualTo(415);
        assertThat(new JsonObject(plainText.body()).getString("detail")).contains("application/sparql-query");
        assertThat(huge.statusCode()).isEqualTo(413);
        HttpResponse<String> empty = app.get("/sparql", researcher);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(empty.body()).getString("detail")).contains("send a SPARQL query");
        assertThat(postQuery("", researcher).statusCode()).isEqualTo(400);
        assertThat(new JsonObject(malformed.body()).getString("detail")).contains("does not parse").contains("line 1");
        assertThat(bindings(get("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", researcher, null), "g"))
                .as("the graphs after the refused updates").hasSize(3);
    }

    @Test
    void themeCountsDifferBetweenResearcherAndPilotExactlyByTheRestrictedInterview() throws Exception {
        Map<String, Long> researcherAfter = counts(themes(researcher, "?suggestions=true"));
        Map<String, Long> pilotAfter = counts(themes(pilot, "?suggestions=true"));

        assertThat(pilotBefore).as("before the interview, both see the same").isEqualTo(researcherBefore);
        assertThat(pilotAfter).as("the pilot's counts leave the interview out").isEqualTo(researcherBefore);
        assertThat(researcherAfter.get(KONTINUITET)).as("the researcher's count includes it").isGreaterThan(researcherBefore.get(KONTINUITET));
        assertThat(pilotAfter.get(SAMVERKAN)).isPositive();
        for (String iri : researcherAfter.keySet()) {
            long difference = researcherAfter.get(iri) - pilotAfter.get(iri);
            long restrictedHits = searchTotal(researcher, iri) - searchTotal(pilot, iri);
            assertThat(difference).as("the difference for %s is the restricted passages with it", iri).isEqualTo(restrictedHits);
        }
    }

    @Test
    void aPilotsThemeCountsLeaveUnreviewedSuggestionsOutUnlessAsked() throws Exception {
        Map<String, Long> reviewedOnly = counts(themes(pilot, ""));
        Map<String, Long> withSuggestions = counts(themes(pilot, "?suggestions=true"));
        assertThat(withSuggestions.values().stream().mapToLong(Long::longValue).sum())
                .as("the annotator suggested themes nobody has reviewed").isGreaterThan(reviewedOnly.values().stream().mapToLong(Long::longValue).sum());
        for (String iri : reviewedOnly.keySet()) {
            long searched = new JsonObject(app.get("/api/search?theme=" + encode(iri), pilot).body()).getLong("total");
            assertThat(reviewedOnly.get(iri)).as("%s counted as the pilot's own search counts it", iri).isEqualTo(searched);
        }
        assertThat(app.get("/api/themes?suggestions=kanske", pilot).statusCode()).isEqualTo(400);
    }

    @Test
    void themesAreATreeInSwedishOrEnglishAndBadLanguagesAre400() throws Exception {
        JsonArray swedish = themes(pilot, "");
        JsonArray english = themes(pilot, "?lang=en");
        HttpResponse<String> bad = app.get("/api/themes?lang=fi", pilot);

        assertThat(swedish).hasSize(19);
        JsonObject kontinuitet = node(swedish, KONTINUITET);
        assertThat(kontinuitet.getString("label")).isEqualTo("Kontinuitet");
        assertThat(kontinuitet.getJsonArray("narrower")).isNotEmpty();
        assertThat(node(english, KONTINUITET).getString("label")).isEqualTo(kontinuitet.getString("labelEn")).isNotEqualTo("Kontinuitet");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(app.get("/api/themes", null).statusCode()).isEqualTo(401);
    }

    // --- helpers

    private static void annotate(Dataset store, String documentId, String concept, String quote) {
        Model graph = store.getNamedModel(LAR.documentGraph(documentId));
        graph.createResource(annotation(documentId)).addProperty(RDF.type, OA.Annotation)
                .addProperty(OA.hasBody, graph.createResource(concept))
                .addProperty(LAR.documentId, documentId)
                .addProperty(RDFS.label, quote);
    }

    private static String annotation(String documentId) {
        return LAR.BASE + "annotation/" + documentId + "-it";
    }

    private static HttpResponse<String> get(String query, String token, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.url.resolve("/sparql?query=" + encode(query))).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return RunningApplication.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String query, String token) throws Exception {
        return RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/sparql"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + encode(query))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postQuery(String query, String token) throws Exception {
        return RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/sparql"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/sparql-query; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> bindings(HttpResponse<String> answer, String variable) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new JsonObject(answer.body()).getJsonObject("results").getJsonArray("bindings").stream()
                .map(b -> ((JsonObject) b).getJsonObject(variable).getString("value")).toList();
    }

    private static JsonArray themes(String token, String query) throws Exception {
        HttpResponse<String> response = app.get("/api/themes" + query, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonArray(response.body());
    }

    /** Every concept's count in the tree, by IRI. */
    private static Map<String, Long> counts(JsonArray tree) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tree.forEach(n -> {
            JsonObject node = (JsonObject) n;
            counts.put(node.getString("iri"), node.getLong("count"));
            counts.putAll(counts(node.getJsonArray("narrower")));
        });
        return counts;
    }

    private static JsonObject node(JsonArray tree, String iri) {
        return tree.stream().map(n -> (JsonObject) n).filter(n -> n.getString("iri").equals(iri)).findFirst().orElseThrow();
    }

    /** Passages with the theme, suggestions included as {@code /api/themes} counts them (pilots see reviewed ones only unless they ask). */
    private static long searchTotal(String token, String themeIri) throws Exception {
        return new JsonObject(app.get("/api/search?suggestions=true&theme=" + encode(themeIri), token).body()).getLong("total");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
