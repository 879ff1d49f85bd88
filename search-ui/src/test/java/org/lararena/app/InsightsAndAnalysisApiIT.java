package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/insights} (roles, drafts, quotes the reader may read, pseudonyms, 400s naming the field) and
 * {@code /api/analysis} (who may, and counts over readable passages only), over documents of our own writing.
 */
@WithApplication
class InsightsAndAnalysisApiIT {

    private static final String SAMVERKAN = "https://w3id.org/lararena/tema/samverkan";

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("pilot")
    private static String pilot;
    @Token("deltagare")
    private static String attendee;
    /** A passage of a restricted interview, a respondent's turn of a pilot-visible interview, and one of a public report. */
    private static String restrictedPassage;
    private static String pilotInterviewPassage;
    private static String publicPassage;

    @BeforeAll
    static void uploadDocuments() throws Exception {
        restrictedPassage = passageOf(app.uploadIndexed(researcher, "intervju-bryggan.txt",
                "INTERVJUARE: Hur fungerar samverkan med kommunen kring bryggmodellen?\n\nGUNNEL: Samverkan med kommunen går bra, vi ringer varandra om bryggmodellen varje dag.\n\nINTERVJUARE: Tack, det räcker så.\n",
                Map.of("visibility", "restricted", "pilot", "Värmland", "type", "intervju")), "GUNNEL");
        pilotInterviewPassage = passageOf(app.uploadIndexed(researcher, "intervju-fyrtornet.txt",
                "INTERVJUARE: Hur fungerar samverkan kring fyrtornsmodellen?\n\nHALVARD: Samverkan kring fyrtornsmodellen bygger på att vi träffas varje vecka.\n\nINTERVJUARE: Tack, det räcker så.\n",
                Map.of("visibility", "pilot", "pilot", "Örebro", "type", "intervju")), "HALVARD");
        publicPassage = passageOf(app.uploadIndexed(researcher, "rapport-bryggmodellen.txt",
                "Samverkan mellan region och kommun kring bryggmodellen har gett kortare väntetider i hemsjukvården.\n",
                Map.of("visibility", "public", "pilot", "Värmland", "type", "rapport", "date", "2024-05-02")), null);
    }

    /** The first passage of the document, or the first spoken by {@code speaker}. */
    private static String passageOf(String documentId, String speaker) throws Exception {
        JsonArray passages = new JsonArray(app.get("/api/documents/" + documentId + "/passages", researcher).body());
        return passages.stream().map(p -> (JsonObject) p).filter(p -> speaker == null || speaker.equals(p.getString("speaker")))
                .findFirst().orElseThrow().getString("id");
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.url.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return RunningApplication.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject insight(String title, List<String> passages, String status) {
        return new JsonObject().put("title", title).put("text", "Vi såg det i flera piloter.").put("themes", new JsonArray(List.of(SAMVERKAN)))
                .put("passages", new JsonArray(passages)).put("status", status);
    }

    @Test
    void aPublishedInsightShowsEachReaderOnlyTheQuotesTheyMayReadWithPseudonymsForNonResearchers() throws Exception {
        HttpResponse<String> created = send("POST", "/api/insights", researcher,
                insight("Täta kontakter bär samverkan", List.of(restrictedPassage, pilotInterviewPassage, publicPassage), "published").encode());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = new JsonObject(created.body()).getString("id");

        JsonObject forResearcher = new JsonObject(app.get("/api/insights/" + id, researcher).body());
        JsonObject forPilot = new JsonObject(app.get("/api/insights/" + id, pilot).body());
        JsonObject forAttendee = new JsonObject(app.get("/api/insights/" + id, attendee).body());

        assertThat(forResearcher.getJsonArray("quotes")).hasSize(3);
        assertThat(forResearcher.encode()).contains("GUNNEL").contains("HALVARD");
        assertThat(forPilot.getJsonArray("passages").getList()).containsExactly(pilotInterviewPassage, publicPassage);
        assertThat(forPilot.getJsonArray("quotes").getJsonObject(0).getString("speaker")).startsWith("Respondent");
        assertThat(forPilot.encode()).doesNotContain("GUNNEL").doesNotContain("HALVARD").doesNotContain("bryggmodellen varje dag")
                .doesNotContain(restrictedPassage);
        assertThat(forAttendee.getJsonArray("passages").getList()).containsExactly(publicPassage);
        assertThat(forAttendee.encode()).doesNotContain("fyrtornsmodellen").doesNotContain("GUNNEL");
        // Nobody reviewed the report's suggested Samverkan: a quote's themes are codes for researchers' eyes only.
        assertThat(quoteThemes(forResearcher, publicPassage)).as("researchers count suggestions").contains(SAMVERKAN);
        assertThat(quoteThemes(forPilot, publicPassage)).as("a pilot's quote shows reviewed codes only").isEmpty();
        assertThat(quoteThemes(forAttendee, publicPassage)).as("an attendee's quote shows reviewed codes only").isEmpty();
        JsonArray listed = new JsonArray(app.get("/api/insights?theme=" + URLEncoder.encode(SAMVERKAN, StandardCharsets.UTF_8), attendee).body());
        assertThat(listed.stream().map(i -> ((JsonObject) i).getString("id"))).contains(id);
    }

    /** The themes an insight's quote of {@code passageId} carries. */
    private static List<Object> quoteThemes(JsonObject insight, String passageId) {
        return insight.getJsonArray("quotes").stream().map(JsonObject.class::cast).filter(q -> passageId.equals(q.getString("passageId")))
                .findFirst().orElseThrow().getJsonArray("themes").getList();
    }

    @Test
    void anInsightSubmittedTwiceAtOnceIsStoredOnce() throws Exception {
        String twice = insight("Dubbelklickad insikt om samverkan", List.of(publicPassage), "draft").encode();

        HttpResponse<String> first = send("POST", "/api/insights", researcher, twice);
        HttpResponse<String> second = send("POST", "/api/insights", researcher, twice);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(new JsonObject(second.body()).getString("id")).isEqualTo(new JsonObject(first.body()).getString("id"));
        assertThat(new JsonArray(app.get("/api/insights", researcher).body()).stream()
                .filter(i -> ((JsonObject) i).getString("title").equals("Dubbelklickad insikt om samverkan"))).hasSize(1);
    }

    @Test
    void draftsAreForResearchersOnlyAndOnlyResearchersWrite() throws Exception {
        String id = new JsonObject(send("POST", "/api/insights", researcher, insight("Ett utkast", List.of(publicPassage), "draft").encode()).body())
                .getString("id");

        assertThat(app.get("/api/insights/" + id, pilot).statusCode()).isEqualTo(404);
        assertThat(new JsonArray(app.get("/api/insights", attendee).body()).encode()).doesNotContain(id);
        assertThat(send("POST", "/api/insights", attendee, insight("Får inte", List.of(), "draft").encode()).statusCode()).isEqualTo(403);
        assertThat(send("PATCH", "/api/insights/" + id, pilot, "{\"status\":\"published\"}").statusCode()).isEqualTo(403);
        assertThat(app.get("/api/insights", null).statusCode()).isEqualTo(401);

        assertThat(send("PATCH", "/api/insights/" + id, researcher, "{\"status\":\"published\"}").statusCode()).isEqualTo(200);
        assertThat(app.get("/api/insights/" + id, attendee).statusCode()).isEqualTo(200);
        assertThat(send("PATCH", "/api/insights/" + id, researcher, "{\"status\":\"draft\"}").statusCode()).isEqualTo(200);
        assertThat(app.get("/api/insights/" + id, attendee).statusCode()).as("unpublished again").isEqualTo(404);

        assertThat(send("DELETE", "/api/insights/" + id, researcher, null).statusCode()).isEqualTo(204);
        assertThat(app.get("/api/insights/" + id, researcher).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        Map<String, JsonObject> bad = Map.of(
                "title", insight("   ", List.of(), "draft"),
                "text", insight("Ok", List.of(), "draft").put("text", "å".repeat(10_001)),
                "themes", insight("Ok", List.of(), "draft").put("themes", new JsonArray(List.of("https://example.org/inget"))),
                "passages", insight("Ok", List.of("finns-inte-1"), "draft"),
                "status", insight("Ok", List.of(), "hemlig"));
        for (Map.Entry<String, JsonObject> entry : bad.entrySet()) {
            HttpResponse<String> response = send("POST", "/api/insights", researcher, entry.getValue().encode());
            assertThat(response.statusCode()).as(entry.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(new JsonObject(response.body()).getString("detail")).as(entry.getKey()).contains(entry.getKey());
        }
        assertThat(send("POST", "/api/insights", researcher, "inte json").statusCode()).isEqualTo(400);
        assertThat(new JsonArray(app.get("/api/insights", researcher).body()).encode()).as("nothing was stored").doesNotContain("\"Ok\"");
    }

    @Test
    void theModulesInsightsAreListedReadOnly() throws Exception {
        JsonArray all = new JsonArray(app.get("/api/insights", attendee).body());
        JsonObject fromModule = all.stream().map(i -> (JsonObject) i).filter(i -> i.getBoolean("readOnly")).findFirst().orElseThrow();

        assertThat(send("PATCH", "/api/insights/" + fromModule.getString("id"), researcher, "{\"title\":\"Nytt\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void analysisCountsOnlyWhatTheCallerMayReadAndIsRefusedToAttendees() throws Exception {
        JsonObject forResearcher = new JsonObject(app.get("/api/analysis?q=bryggmodellen", researcher).body());
        JsonObject forPilot = new JsonObject(app.get("/api/analysis?q=bryggmodellen&suggestions=true", pilot).body());

        assertThat(forPilot.getLong("total")).as("only the public report").isEqualTo(1);
        assertThat(forResearcher.getLong("total")).as("the restricted interview too").isGreaterThan(1);
        JsonObject matrix = forPilot.getJsonObject("matrix");
        int row = matrix.getJsonArray("themes").stream().map(t -> ((JsonObject) t).getString("iri")).toList().indexOf(SAMVERKAN);
        int column = matrix.getJsonArray("pilots").getList().indexOf("Värmland");
        assertThat(matrix.getJsonArray("counts").getJsonArray(row).getLong(column)).isEqualTo(1);
        assertThat(forPilot.getJsonObject("overTime").getJsonArray("years").getList()).contains(2024);

        HttpResponse<String> csv = app.get("/api/analysis?q=bryggmodellen&format=csv&table=matrix&suggestions=true", pilot);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains("Tema,").contains("Samverkan");
        assertThat(app.get("/api/analysis", attendee).statusCode()).isEqualTo(403);
        assertThat(app.get("/api/analysis?format=xml", researcher).statusCode()).isEqualTo(400);
        assertThat(app.get("/analys", null).statusCode()).as("anonymous callers are sent to log in").isEqualTo(302);
        String page = app.get("/analys?q=bryggmodellen&suggestions=true&pilot=" + URLEncoder.encode("Värmland", StandardCharsets.UTF_8), pilot).body();
        assertThat(page).as("the page names its filter and has the matrix as a table").contains("Pilot: Värmland").contains("<table class=\"matrix\">")
                .contains("<th scope=\"row\">Samverkan</th>");
        assertThat(app.get("/analys", attendee).statusCode()).isEqualTo(403);
    }
}
