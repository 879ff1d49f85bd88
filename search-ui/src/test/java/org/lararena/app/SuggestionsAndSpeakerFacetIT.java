package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.testing.TestServices;

/** {@code /api/suggest} and the speaker-role facet, through the running application, for every kind of caller. */
class SuggestionsAndSpeakerFacetIT {

    /** A word only the restricted interview holds: it must never be suggested to anyone but researchers. */
    private static final String CANARY = "kvistgrodornas";

    @TempDir
    static Path dataDir;
    private static RunningApplication app;
    private static String researcher;
    private static String pilot;
    private static String attendee;

    @BeforeAll
    static void uploadAnInterviewAndAWorkshop() throws Exception {
        TestServices services = TestServices.get();
        researcher = services.accessToken("forskare", "forskare");
        pilot = services.accessToken("pilot", "pilot");
        attendee = services.accessToken("deltagare", "deltagare");
        app = RunningApplication.start(dataDir, Map.of());
        String interview = """
                INTERVJUARE: Hur fungerar vårdcentralen för dig?

                GUNNEL: Vårdcentralen ringer alltid tillbaka, och jag minns %s vid dammen när jag väntade på svar.

                INTERVJUARE: Och vårdcentralens läkare?

                GUNNEL: Vårdcentralerna här har bytt läkare ofta, det blir ingen kontinuitet.
                """.formatted(CANARY);
        String workshop = """
                MODERATOR: Välkomna till workshoppen om vårdcentralen och samverkan med kommunen.

                ASTRID: Vi på vårdcentralen vill ha samverkan kring utskrivningar och en gemensam plan.

                MODERATOR: Vad behöver vårdcentralerna av kommunen?

                ASTRID: Att vårdplaneringen sker tidigt, så att vårdcentralen hinner förbereda hemgången.
                """;
        List<String> ids = new ArrayList<>();
        ids.add(id(app.postFile(researcher, "intervju-gunnel.txt", interview, Map.of("visibility", "restricted", "type", "intervju"))));
        ids.add(id(app.postFile(researcher, "workshop-astrid.txt", workshop, Map.of("visibility", "public", "type", "workshop"))));
        for (String id : ids) {
            app.awaitStatus(id, researcher, "indexed");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private static String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new JsonArray(response.body()).getJsonObject(0).getString("id");
    }

    private static JsonObject get(String path, String token) throws Exception {
        HttpResponse<String> response = app.get(path, token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private static List<String> texts(JsonObject suggestions, String kind) {
        List<String> texts = new ArrayList<>();
        suggestions.getJsonArray("suggestions").forEach(s -> {
            JsonObject suggestion = (JsonObject) s;
            if (kind.equals(suggestion.getString("kind"))) {
                texts.add(suggestion.getString("text"));
            }
        });
        return texts;
    }

    private static String suggest(String typed) {
        return "/api/suggest?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8);
    }

    @Test
    void themesCompleteInSwedishAndEnglishAndWordsCompleteFolded() throws Exception {
        JsonObject swedish = get(suggest("samver"), researcher);
        JsonObject english = get(suggest("samver") + "&lang=en", researcher);
        JsonObject folded = get(suggest("vardc"), pilot);

        assertThat(texts(swedish, "theme")).contains("Samverkan");
        assertThat(swedish.getJsonArray("suggestions").getJsonObject(0).getString("iri")).startsWith("https://w3id.org/lararena/");
        assertThat(texts(english, "theme")).contains("Collaboration");
        assertThat(texts(folded, "term")).first().isEqualTo("vårdcentralen");
        assertThat(texts(folded, "term")).allMatch(t -> t.startsWith("vårdc"));
        assertThat(get(suggest("v"), researcher).getJsonArray("suggestions").size()).isBetween(1, 10);
    }

    @Test
    void aWordOfARestrictedInterviewIsSuggestedToResearchersOnly() throws Exception {
        assertThat(texts(get(suggest("kvistg"), researcher), "term")).contains(CANARY);
        for (String token : Arrays.asList(pilot, attendee, null)) {
            assertThat(app.get(suggest("kvistg"), token).body()).doesNotContain(CANARY);
            assertThat(app.get(suggest("kvist"), token).body()).doesNotContain("kvistgrod");
        }
    }

    @Test
    void badInputGivesAnEmptyListOrAClearRefusalNeverAServerError() throws Exception {
        assertThat(get("/api/suggest", researcher).getJsonArray("suggestions")).isEmpty();
        assertThat(get(suggest("   "), researcher).getJsonArray("suggestions")).isEmpty();
        assertThat(get(suggest("\u0000vard\u0007"), researcher).getJsonArray("suggestions")).isNotEmpty();
        for (String odd : List.of("*", "\"", "title:x^5", "~", "((", "ö".repeat(200))) {
            assertThat(app.get(suggest(odd), researcher).statusCode()).as(odd).isEqualTo(200);
        }
        HttpResponse<String> tooLong = app.get(suggest("a".repeat(10_000)), researcher);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(tooLong.body()).getString("detail")).contains("longer than 200");
    }

    @Test
    void theSpeakerFacetCountsRolesNeverNamesAndTheSpeakerFilterUsesThem() throws Exception {
        JsonObject forResearcher = get("/api/search?q=" + URLEncoder.encode("vårdcentralen", StandardCharsets.UTF_8), researcher);
        JsonObject forPilot = get("/api/search?q=" + URLEncoder.encode("vårdcentralen", StandardCharsets.UTF_8), pilot);
        JsonObject onlyModerators = get("/api/search?speaker=moderator&q=" + URLEncoder.encode("vårdcentralen", StandardCharsets.UTF_8), pilot);

        assertThat(facet(forResearcher)).containsEntry("intervjuare", 2L).containsEntry("respondent", 2L)
                .containsEntry("moderator", 2L).containsEntry("deltagare", 2L);
        assertThat(facet(forPilot)).containsOnlyKeys("moderator", "deltagare");
        assertThat(forPilot.encode()).doesNotContain("ASTRID").doesNotContain("GUNNEL");
        assertThat(onlyModerators.getJsonArray("hits")).hasSize(2);
        assertThat(facet(onlyModerators)).as("the facet ignores its own filter").containsEntry("deltagare", 2L);
    }

    @Test
    void aQuestionAsTheModeratorAskedItFindsTheAnswerFirstAndTheModeratorsTurnStillBelowIt() throws Exception {
        JsonArray hits = get("/api/search?q=" + URLEncoder.encode("Vad behöver vårdcentralerna av kommunen?", StandardCharsets.UTF_8), pilot)
                .getJsonArray("hits");

        assertThat(hits.getJsonObject(0).getString("text")).as("the answer, found through the question it answers").contains("vårdplaneringen");
        assertThat(hits.stream().map(h -> ((JsonObject) h).getString("text"))).as("the moderator's own turn is still found")
                .anySatisfy(text -> assertThat(text).startsWith("Vad behöver vårdcentralerna"));
    }

    private static Map<String, Long> facet(JsonObject result) {
        Map<String, Long> counts = new HashMap<>();
        result.getJsonObject("facets").getJsonArray("speaker").forEach(b -> {
            JsonObject bucket = (JsonObject) b;
            counts.put(bucket.getString("value"), bucket.getLong("count"));
        });
        return counts;
    }
}
