package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.PersonAgents;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.rdf.SplitAnnotationStore;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.testing.TestServices;

/**
 * The annotation API on the real servers: automatic suggestions after upload, review, a manual tag and its
 * retraction, bad input that stores nothing, search facets that follow each change, who may see and change what, and
 * that the researchers in an annotation's history are a neutral role to everyone else.
 */
@WithApplication
class AnnotationsApiIT {

    private static final String TEMA = LAR.BASE + "tema/";
    /** Our own writing; the made-up word finds exactly this document's passages. */
    private static final String TEXT = """
            🌿 På mötet om trollsländemodellen pratade vi länge om samverkan mellan kommunen och regionen.

            Trollsländemodellen hjälper inte mot väntetiderna på vårdcentralen, och telefonkön är full varje morgon.
            """;

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("pilot")
    private static String pilot;
    @Token("deltagare")
    private static String attendee;
    private static String documentId;

    @BeforeAll
    static void upload() throws Exception {
        documentId = app.uploadIndexed(researcher, "motesanteckningar-trollslanda.txt", TEXT, "public");
    }

    @Test
    void researchersReviewTagAndRetractAndSearchFollowsEachChange() throws Exception {
        JsonArray annotations = annotations(documentId, researcher);
        assertThat(annotations).isNotEmpty();
        assertThat(objects(annotations)).allSatisfy(a -> {
            assertThat(a.getString("origin")).isEqualTo("auto");
            assertThat(a.getString("state")).isEqualTo("suggested");
            assertThat(a.getJsonObject("theme").getString("label")).isNotBlank();
            assertThat(a.getString("matched")).isNotBlank();
            assertThat(a.getDouble("confidence")).isBetween(0.0, 1.0);
            assertThat(a.getString("exact")).isEqualTo(codePoints(passageText(a.getString("passageId")), a.getInteger("start"), a.getInteger("end")));
        });
        JsonObject samverkan = withTheme(annotations, "samverkan").get(0);
        List<JsonObject> tillganglighet = withTheme(annotations, "tillganglighet");
        assertThat(tillganglighet).isNotEmpty();
        assertThat(themeFacet()).contains(TEMA + "samverkan", TEMA + "tillganglighet");

        HttpResponse<String> accepted = send("PATCH", "/api/annotations/" + samverkan.getString("id"), "{\"state\":\"accepted\"}", researcher);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(new JsonObject(accepted.body()).getString("state")).isEqualTo("accepted");

        JsonArray ids = new JsonArray(tillganglighet.stream().map(a -> a.getString("id")).toList());
        HttpResponse<String> rejected = send("POST", "/api/documents/" + documentId + "/annotations/review",
                new JsonObject().put("ids", ids).put("state", "rejected").encode(), researcher);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(objects(new JsonArray(rejected.body()))).allSatisfy(a -> assertThat(a.getString("state")).isEqualTo("rejected"));
        assertThat(Eventually.searchShows(AnnotationsApiIT::themeFacet, f -> !f.contains(TEMA + "tillganglighet")))
                .as("a rejected theme leaves the facets within seconds").contains(TEMA + "samverkan")
                .doesNotContain(TEMA + "tillganglighet");

        // A manual tag on the made-up word, after the emoji: offsets are code points.
        String passageId = samverkan.getString("passageId");
        String text = passageText(passageId);
        int start = text.codePointCount(0, text.indexOf("trollsländemodellen"));
        JsonObject tag = new JsonObject().put("passageId", passageId).put("start", start).put("end", start + "trollsländemodellen".length())
                .put("concept", TEMA + "digitalisering");
        HttpResponse<String> added = send("POST", "/api/documents/" + documentId + "/annotations", tag.encode(), researcher);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonObject manual = new JsonObject(added.body());
        assertThat(manual.getString("origin")).isEqualTo("manual");
        assertThat(manual.getString("state")).isEqualTo("accepted");
        assertThat(manual.getString("exact")).isEqualTo("trollsländemodellen");
        assertThat(manual.getString("creator")).isEqualTo("forskare");
        assertThat(manual.getJsonObject("theme").getString("iri")).isEqualTo(TEMA + "digitalisering");
        assertThat(Eventually.searchShows(AnnotationsApiIT::themeFacet, f -> f.contains(TEMA + "digitalisering")))
                .contains(TEMA + "digitalisering");

        HttpResponse<String> retracted = send("DELETE", "/api/annotations/" + manual.getString("id"), null, researcher);
        assertThat(retracted.statusCode()).as(retracted.body()).isEqualTo(200);
        assertThat(new JsonObject(retracted.body()).getString("state")).isEqualTo("retracted");
        assertThat(Eventually.searchShows(AnnotationsApiIT::themeFacet, f -> !f.contains(TEMA + "digitalisering")))
                .doesNotContain(TEMA + "digitalisering");
        JsonArray after = annotations(documentId, researcher);
        assertThat(after).as("nothing is deleted").hasSize(annotations.size() + 1);
        assertThat(objects(after)).anySatisfy(a -> {
            assertThat(a.getString("id")).isEqualTo(manual.getString("id"));
            assertThat(a.getString("state")).isEqualTo("retracted");
        });

        JsonArray audit = new JsonArray(app.get("/api/admin/audit", TestServices.get().accessToken("admin", "admin")).body());
        Set<String> actions = objects(audit).stream().filter(e -> "forskare".equals(e.getString("user")))
                .map(e -> e.getString("action")).collect(Collectors.toSet());
        assertThat(actions).contains("annotation_accepted", "annotation_rejected", "annotation_added", "annotation_retracted");

        HttpResponse<String> jsonLd = app.get("/api/documents/" + documentId + "/annotations.jsonld", researcher);
        assertThat(jsonLd.statusCode()).isEqualTo(200);
        assertThat(jsonLd.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/ld+json"));
        JsonObject document = new JsonObject(jsonLd.body());
        assertThat(document.getJsonArray("@context").getString(0)).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(document.getJsonArray("@graph")).hasSize(after.size());

        // A forced re-annotation with the same ontology keeps every decision and every id.
        String admin = TestServices.get().accessToken("admin", "admin");
        JsonObject reannotated = app.finishedJob(send("POST", "/api/admin/reannotate", null, admin), admin);
        assertThat(reannotated.getString("state")).as(reannotated.encode()).isEqualTo("done");
        assertThat(reannotated.getJsonObject("result").getInteger("documents")).isPositive();
        assertThat(annotations(documentId, researcher)).isEqualTo(after);
        assertThat(themeFacet()).contains(TEMA + "samverkan").doesNotContain(TEMA + "tillganglighet", TEMA + "digitalisering");
    }

    @Test
    void documentsAnnotatedWithAnotherOntologyVersionAreAnnotatedAgainAtStartKeepingDecisions(@TempDir Path otherData) throws Exception {
        String id;
        String rejected;
        int count;
        try (RunningApplication first = RunningApplication.start(otherData, Map.of("LARARENA_DEMO_DATA", "false"))) {
            id = new JsonArray(first.postFile(researcher, "rapport-trollslanda.txt", "Samverkan och tillgänglighet i glesbygden.", "pilot").body())
                    .getJsonObject(0).getString("id");
            first.awaitStatus(id, researcher, "indexed");
            JsonArray before = new JsonArray(first.get("/api/documents/" + id + "/annotations", researcher).body());
            count = before.size();
            rejected = before.getJsonObject(0).getString("id");
            assertThat(first.send("PATCH", "/api/annotations/" + rejected, "{\"state\":\"rejected\"}", researcher).statusCode()).isEqualTo(200);
        }
        // As if the document had been annotated with an older ontology: a run records its version with the suggestions.
        Dataset jena = TDB2Factory.connectDataset(otherData.resolve(SplitAnnotationStore.DATA_FOLDER).toString());
        jena.executeWrite(() -> jena.getNamedModel(LAR.documentGraph(id).getURI()).getResource(AnnotationIris.documentIri(id))
                .removeAll(LAR.ontologyVersion).addProperty(LAR.ontologyVersion, "0.0.1-gammal"));

        try (RunningApplication second = RunningApplication.start(otherData, Map.of("LARARENA_DEMO_DATA", "false"))) {
            String current = OntologyLoader.fromClasspath().version();
            assertThat(Eventually.until(() -> new RdfAnnotationStore(jena).ontologyVersions(), versions -> current.equals(versions.get(id)),
                    Duration.ofSeconds(60))).containsEntry(id, current);
            JsonArray after = new JsonArray(second.get("/api/documents/" + id + "/annotations", researcher).body());
            assertThat(after).hasSize(count);
            assertThat(objects(after)).filteredOn(a -> a.getString("id").equals(rejected)).singleElement()
                    .satisfies(a -> assertThat(a.getString("state")).isEqualTo("rejected"));
        }
    }

    @Test
    void badInputIsA400NamingTheProblemAndStoresNothing() throws Exception {
        int before = annotations(documentId, researcher).size();
        String passageId = documentId + "-0";
        int length = passageText(passageId).codePointCount(0, passageText(passageId).length());
        String path = "/api/documents/" + documentId + "/annotations";

        assertBadRequest(send("POST", path, tag(passageId, length - 2, length + 5, TEMA + "samverkan"), researcher), "outside");
        assertBadRequest(send("POST", path, tag(passageId, 4, 2, TEMA + "samverkan"), researcher), "outside");
        assertBadRequest(send("POST", path, tag(passageId, 0, 3, TEMA + "finns-inte"), researcher), "concept");
        assertBadRequest(send("POST", path, tag(passageId, 0, 3, LAR.BASE + "pilot/varmland"), researcher), "concept");
        assertBadRequest(send("POST", path, tag("annat-dokument-0", 0, 3, TEMA + "samverkan"), researcher), "passageId");
        assertBadRequest(send("POST", path, new JsonObject().put("passageId", passageId).put("start", 0).encode(), researcher), "end");
        assertBadRequest(send("POST", path, "inte json", researcher), "JSON");
        String someId = annotations(documentId, researcher).getJsonObject(0).getString("id");
        assertBadRequest(send("PATCH", "/api/annotations/" + someId, "{\"state\":\"kanske\"}", researcher), "state");

        assertThat(annotations(documentId, researcher)).hasSize(before);
        assertThat(send("PATCH", "/api/annotations/finns-inte", "{\"state\":\"accepted\"}", researcher).statusCode()).isEqualTo(404);
    }

    @Test
    void pilotsGet404ForARestrictedDocumentsAnnotationsAndAttendeesCannotWrite() throws Exception {
        String restricted = indexed("intervju-trollslanda.txt",
                "INTERVJUARE: Hur fungerar samverkan med kommunen?\n\nRESPONDENT: Samverkan fungerar bra nu.", "restricted");
        JsonArray confidential = annotations(restricted, researcher);
        assertThat(confidential).isNotEmpty();
        String confidentialId = confidential.getJsonObject(0).getString("id");

        assertThat(app.get("/api/documents/" + restricted + "/annotations", pilot).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/documents/" + restricted + "/annotations.jsonld", pilot).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/documents/" + restricted + "/annotations", attendee).statusCode()).isEqualTo(404);
        HttpResponse<String> guessed = send("PATCH", "/api/annotations/" + confidentialId, "{\"state\":\"rejected\"}", pilot);
        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(guessed.body()).doesNotContain("samverkan").doesNotContain(restricted);
        assertThat(send("DELETE", "/api/annotations/" + confidentialId, null, attendee).statusCode()).isEqualTo(404);

        // An interview pilots may read: its annotations quote the passage text only, never a speaker's name.
        String shared = new JsonArray(app.postFile(researcher, "intervju-delad.txt",
                "INTERVJUARE: Hur går det?\n\nKAJSA: Samverkan med kommunen fungerar bra nu.\n\n"
                        + "INTERVJUARE: Och väntetiderna?\n\nKAJSA: Tillgängligheten på vårdcentralen har blivit bättre.", "pilot").body())
                .getJsonObject(0).getString("id");
        app.awaitStatus(shared, researcher, "indexed");
        assertThat(app.get("/api/documents/" + shared + "/passages", pilot).body()).as("the passages endpoint pseudonymises")
                .doesNotContain("KAJSA").contains("Respondent 1");
        JsonArray ofShared = annotations(shared, pilot);
        assertThat(ofShared).isNotEmpty();
        assertThat(ofShared.encode()).doesNotContain("KAJSA").doesNotContain("Kajsa");
        assertThat(app.get("/api/documents/" + shared + "/annotations.jsonld", pilot).body()).doesNotContain("KAJSA");

        // The public document: attendees read its annotations but change nothing.
        JsonArray visible = annotations(documentId, attendee);
        assertThat(visible).isNotEmpty();
        String id = visible.getJsonObject(0).getString("id");
        String state = visible.getJsonObject(0).getString("state");
        assertThat(send("PATCH", "/api/annotations/" + id, "{\"state\":\"rejected\"}", attendee).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/annotations/" + id, null, attendee).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/documents/" + documentId + "/annotations", tag(documentId + "-0", 0, 2, TEMA + "samverkan"), attendee)
                .statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/admin/reannotate", null, researcher).statusCode()).isEqualTo(403);
        assertThat(objects(annotations(documentId, researcher))).filteredOn(a -> a.getString("id").equals(id))
                .singleElement().satisfies(a -> assertThat(a.getString("state")).isEqualTo(state));
        assertThat(annotations(documentId, researcher)).hasSameSizeAs(visible);
    }

    @Test
    void pilotsSeeTheResearchersInTheHistoryAsTheNeutralRoleOnEveryPathAndResearchersSeeTheirUsernames() throws Exception {
        String shared = indexed("rapport-granskad.txt", "Samverkan mellan kommunen och regionen kring hemsjukvården har blivit bättre i år.", "pilot");
        JsonObject suggestion = annotations(shared, researcher).getJsonObject(0);
        assertThat(send("PATCH", "/api/annotations/" + suggestion.getString("id"), "{\"state\":\"accepted\"}", researcher).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/documents/" + shared + "/annotations", tag(shared + "-0", 0, 9, TEMA + "digitalisering"), researcher)
                .statusCode()).isEqualTo(201);
        String graph = LAR.documentGraph(shared).getURI();
        String history = "/sparql?query=" + URLEncoder.encode("PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                + "SELECT ?agent ?nick ?creator FROM <" + graph + "> WHERE { { ?activity prov:wasAssociatedWith ?agent "
                + "OPTIONAL { ?agent foaf:nick ?nick } } UNION { ?annotation <http://purl.org/dc/terms/creator> ?creator } }",
                StandardCharsets.UTF_8);

        String pilotsHistory = app.get(history, pilot).body();
        assertThat(pilotsHistory).contains(PersonAgents.NEUTRAL_IRI, "\"" + PersonAgents.NEUTRAL_NAME + "\"").doesNotContain("agent/user/");
        assertThat(app.get(history, researcher).body()).contains(AnnotationIris.userIri("forskare"), "\"forskare\"");
        JsonObject manual = objects(annotations(shared, pilot)).stream().filter(a -> a.getString("origin").equals("manual")).findFirst().orElseThrow();
        assertThat(manual.getString("creator")).isEqualTo(PersonAgents.NEUTRAL_NAME);
        assertThat(objects(annotations(shared, researcher))).filteredOn(a -> a.getString("origin").equals("manual"))
                .singleElement().satisfies(a -> assertThat(a.getString("creator")).isEqualTo("forskare"));
        String jsonLd = app.get("/api/documents/" + shared + "/annotations.jsonld", pilot).body();
        assertThat(jsonLd).contains(PersonAgents.NEUTRAL_IRI).doesNotContain("agent/user/").doesNotContain("\"nickname\":\"forskare\"");
        assertThat(new JsonObject(app.get("/api/documents/" + shared, pilot).body()).getString("uploadedBy")).isEqualTo(PersonAgents.NEUTRAL_NAME);
        assertThat(new JsonObject(app.get("/api/documents/" + shared, researcher).body()).getString("uploadedBy")).isEqualTo("forskare");
        assertThat(app.get("/api/documents?size=200", pilot).body()).doesNotContain("\"uploadedBy\":\"forskare\"");
    }

    /** Uploads a text as the researcher and waits until it is indexed. */
    private static String indexed(String filename, String text, String visibility) throws Exception {
        String id = new JsonArray(app.postFile(researcher, filename, text, visibility).body()).getJsonObject(0).getString("id");
        app.awaitStatus(id, researcher, "indexed");
        return id;
    }

    private static void assertBadRequest(HttpResponse<String> response, String detailMentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getString("detail")).containsIgnoringCase(detailMentions);
    }

    private static String tag(String passageId, int start, int end, String concept) {
        return new JsonObject().put("passageId", passageId).put("start", start).put("end", end).put("concept", concept).encode();
    }

    private static List<JsonObject> withTheme(JsonArray annotations, String theme) {
        return objects(annotations).stream().filter(a -> a.getJsonObject("theme").getString("iri").equals(TEMA + theme)).toList();
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(JsonObject.class::cast).toList();
    }

    private static JsonArray annotations(String id, String token) throws Exception {
        HttpResponse<String> response = app.get("/api/documents/" + id + "/annotations", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonArray(response.body());
    }

    private static String passageText(String passageId) throws Exception {
        return objects(new JsonArray(app.get("/api/documents/" + documentId + "/passages", researcher).body())).stream()
                .filter(p -> p.getString("id").equals(passageId)).findFirst().orElseThrow().getString("text");
    }

    private static String codePoints(String text, int start, int end) {
        return text.codePoints().skip(start).limit(end - start)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** The theme IRIs in the facet of a search for the made-up word (as the pilot sees it with suggestions: the document is public). */
    private static List<String> themeFacet() throws Exception {
        JsonObject result = new JsonObject(app.get("/api/search?q=trollsländemodellen&suggestions=true", pilot).body());
        return objects(result.getJsonObject("facets").getJsonArray("theme")).stream().map(b -> b.getString("iri")).toList();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return app.send(method, path, body, token);
    }
}
