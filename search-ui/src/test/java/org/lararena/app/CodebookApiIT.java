package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.testing.TestServices;

/**
 * The growing codebook on the real servers, without a restart: a concept a researcher adds is suggested on a document
 * uploaded afterwards, is a search facet and is offered in Kodning's type-ahead; a merge moves its annotations and
 * search follows; a deprecated concept is no longer offered; bad changes are refused in words, and only researchers
 * may read or change the codebook.
 */
@WithApplication
class CodebookApiIT {

    private static final String TEMA = LAR.BASE + "tema/";
    /** Our own writing; "trygghetsvandringar" is in no shipped label, "gökottemötet" in no other test's text. */
    private static final String TEXT = """
            Under gökottemötet berättade hemtjänsten om våra trygghetsvandringar i området kring vårdcentralen.

            Gökottemötet bestämde att trygghetsvandringar ska göras varje höst tillsammans med invånarna.
            """;

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("pilot")
    private static String pilot;
    @Token("deltagare")
    private static String attendee;

    @Test
    void aConceptAddedAtRunTimeIsSuggestedOnANewDocumentIsAFacetAndCanBeMergedAway() throws Exception {
        HttpResponse<String> added = app.send("POST", "/api/codebook/concepts", new JsonObject()
                .put("broader", "personcentrerad-vard").put("labelSv", "Trygghetsvandring").put("labelEn", "Safety walk")
                .put("definition", "En promenad där invånare och personal tillsammans ser över tryggheten i ett område.")
                .put("synonyms", new JsonArray(List.of("trygghetsvandringar"))).put("colour", "#2a7f62").encode(), researcher);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonObject answer = new JsonObject(added.body());
        String iri = TEMA + "trygghetsvandring";
        assertThat(answer.getJsonObject("concept").getString("iri")).isEqualTo(iri);
        assertThat(answer.getString("version")).endsWith("+kodbok.1");
        assertThat(answer.getString("notice")).contains("/api/admin/reannotate");

        HttpResponse<String> typeAhead = app.get("/api/concepts?q=trygghetsv", researcher);
        assertThat(objects(new JsonArray(typeAhead.body()))).extracting(c -> c.getString("iri")).contains(iri);

        String documentId = app.uploadIndexed(researcher, "gokottemotet.txt", TEXT, "public");
        JsonArray annotations = new JsonArray(app.get("/api/documents/" + documentId + "/annotations", researcher).body());
        assertThat(objects(annotations)).as("the new synonym is suggested on a document uploaded after the change")
                .anySatisfy(a -> {
                    assertThat(a.getJsonObject("concept").getString("iri")).isEqualTo(iri);
                    assertThat(a.getJsonObject("concept").getString("label")).isEqualTo("Trygghetsvandring");
                    assertThat(a.getString("exact")).isEqualTo("trygghetsvandringar");
                });
        assertThat(themeFacet()).as("the new concept is a search facet").contains(iri);

        JsonObject tree = new JsonObject(app.get("/api/codebook", researcher).body());
        JsonObject node = find(tree.getJsonArray("concepts"), iri);
        assertThat(node.getLong("annotations")).isPositive();
        assertThat(node.getString("colour")).isEqualTo("#2a7f62");

        HttpResponse<String> merged = app.send("POST", "/api/codebook/concepts/trygghetsvandring/merge",
                new JsonObject().put("into", "personcentrerad-vard").encode(), researcher);
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(new JsonObject(merged.body()).getJsonObject("moved").getInteger("documents")).isEqualTo(1);
        assertThat(new JsonObject(merged.body()).getJsonObject("concept").getBoolean("deprecated")).isTrue();
        assertThat(Eventually.searchShows(CodebookApiIT::themeFacet, f -> !f.contains(iri)))
                .as("search follows the annotations the merge moved").doesNotContain(iri).contains(TEMA + "personcentrerad-vard");
        assertThat(objects(new JsonArray(app.get("/api/documents/" + documentId + "/annotations", researcher).body())))
                .noneSatisfy(a -> assertThat(a.getJsonObject("concept").getString("iri")).isEqualTo(iri));
        assertThat(objects(new JsonArray(app.get("/api/concepts?q=trygghetsv", researcher).body())))
                .as("a merged concept is no longer offered").extracting(c -> c.getString("iri")).doesNotContain(iri);
        String passageId = objects(new JsonArray(app.get("/api/documents/" + documentId + "/annotations", researcher).body())).get(0)
                .getString("passageId");
        HttpResponse<String> tagged = app.send("POST", "/api/documents/" + documentId + "/annotations", new JsonObject()
                .put("passageId", passageId).put("start", 0).put("end", 4).put("concept", iri).encode(), researcher);
        assertThat(tagged.statusCode()).as("nor taken for new tags").isEqualTo(400);
        assertThat(new JsonObject(tagged.body()).getString("detail")).contains("no longer in use").contains("Personcentrerad vård");

        JsonArray changes = new JsonArray(app.get("/api/codebook/changes", researcher).body());
        assertThat(objects(changes)).extracting(c -> c.getString("kind")).containsExactly("merge", "add");
        assertThat(objects(changes)).allSatisfy(c -> assertThat(c.getString("user")).isEqualTo("forskare"));
        JsonArray audit = new JsonArray(app.get("/api/admin/audit", TestServices.get().accessToken("admin", "admin")).body());
        assertThat(objects(audit)).extracting(e -> e.getString("action")).contains("codebook_add", "codebook_merge");
    }

    @Test
    void badChangesAreRefusedInWordsAndChangeNothing() throws Exception {
        String version = new JsonObject(app.get("/api/codebook", researcher).body()).getString("version");
        assertRefused(app.send("POST", "/api/codebook/concepts", new JsonObject().put("broader", "samverkan").put("labelSv", " ")
                .put("definition", "Något.").encode(), researcher), 400, "Swedish label");
        assertRefused(app.send("POST", "/api/codebook/concepts", new JsonObject().put("broader", "finns-inte").put("labelSv", "Nytt")
                .put("definition", "Något.").encode(), researcher), 404, "finns-inte");
        // "hälsoplan" is a synonym of Personcentrerad vård already.
        assertRefused(app.send("POST", "/api/codebook/concepts", new JsonObject().put("broader", "samverkan").put("labelSv", "Vårdplanering")
                .put("definition", "Planering.").put("synonyms", new JsonArray(List.of("hälsoplan"))).encode(), researcher), 409, "UniqueLabelInScheme");
        assertRefused(app.send("PATCH", "/api/codebook/concepts/kontinuitet", new JsonObject().put("broader", "fast-lakarkontakt").encode(),
                researcher), 409, "top theme");
        assertRefused(app.send("POST", "/api/codebook/concepts/fast-lakarkontakt/merge", new JsonObject().put("into", "fast-lakarkontakt").encode(),
                researcher), 400, "itself");
        assertRefused(app.send("POST", "/api/codebook/concepts", "inte json", researcher), 400, "JSON");
        assertThat(new JsonObject(app.get("/api/codebook", researcher).body()).getString("version")).isEqualTo(version);
    }

    @Test
    void onlyResearchersReadOrChangeTheCodebook() throws Exception {
        for (String token : List.of(pilot, attendee)) {
            assertThat(app.get("/api/codebook", token).statusCode()).isEqualTo(403);
            assertThat(app.get("/api/codebook/changes", token).statusCode()).isEqualTo(403);
            assertThat(app.send("POST", "/api/codebook/concepts/fast-lakarkontakt/deprecate", null, token).statusCode()).isEqualTo(403);
            assertThat(app.send("PATCH", "/api/codebook/concepts/fast-lakarkontakt", "{\"labelSv\":\"X\"}", token).statusCode()).isEqualTo(403);
        }
        assertThat(app.get("/api/codebook", null).statusCode()).isEqualTo(401);
        assertThat(app.get("/kodbok", researcher).body()).contains("Begreppsträd").contains("/api/export.qdc");
        assertThat(app.get("/kodbok", pilot).statusCode()).isEqualTo(403);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String words) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("error")).isNotBlank();
        assertThat(body.getString("detail")).contains(words);
    }

    private static List<String> themeFacet() throws Exception {
        JsonObject result = new JsonObject(app.get("/api/search?q=gökottemötet&suggestions=true", pilot).body());
        return objects(result.getJsonObject("facets").getJsonArray("theme")).stream().map(b -> b.getString("iri")).toList();
    }

    private static JsonObject find(JsonArray concepts, String iri) {
        for (JsonObject concept : objects(concepts)) {
            if (concept.getString("iri").equals(iri)) {
                return concept;
            }
            JsonObject found = find(concept.getJsonArray("narrower"), iri);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(JsonObject.class::cast).toList();
    }
}
