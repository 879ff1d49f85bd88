package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pilots see researchers' codes, not the annotator's guesses, unless they ask: through the running application
 * (real Elasticsearch and Keycloak), an unreviewed suggestion's theme is neither a chip nor a facet value for a
 * pilot by default, is both with {@code suggestions=true}, marked as a suggestion with its reason, and once a
 * researcher accepts it, it is a reviewed chip for the pilot by default.
 */
@WithApplication
class ReviewedThemesIT {

    /** A word only this passage holds, so the search finds it alone. */
    private static final String WORD = "kvistlärkorna";

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("pilot")
    private static String pilot;
    private static String documentId;

    @BeforeAll
    static void uploadAWorkshop() throws Exception {
        String workshop = """
                Vi på vårdcentralen vill ha samverkan med kommunen kring utskrivningar och en gemensam vårdplanering, sa %s.
                """.formatted(WORD);
        HttpResponse<String> uploaded = app.postFile(researcher, "workshop-kvistlarkor.txt", workshop,
                Map.of("visibility", "public", "type", "workshop"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        documentId = new JsonArray(uploaded.body()).getJsonObject(0).getString("id");
        app.awaitStatus(documentId, researcher, "indexed");
    }

    private static JsonObject search(String token, String extra) throws Exception {
        HttpResponse<String> response = app.get("/api/search?q=" + WORD + extra, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private static Optional<JsonObject> chip(JsonObject result, String iri) {
        JsonArray hits = result.getJsonArray("hits");
        assertThat(hits).as("the passage is found").hasSize(1);
        return hits.getJsonObject(0).getJsonArray("themes").stream().map(JsonObject.class::cast).filter(c -> iri.equals(c.getString("iri"))).findFirst();
    }

    private static boolean inThemeFacet(JsonObject result, String iri) {
        return result.getJsonObject("facets").getJsonArray("theme").stream().map(JsonObject.class::cast).anyMatch(b -> iri.equals(b.getString("iri")));
    }

    @Test
    void aPilotSeesAnUnreviewedSuggestionOnlyWhenAskingAndThenMarkedAndAnAcceptedOneAsReviewed() throws Exception {
        HttpResponse<String> listed = app.get("/api/documents/" + documentId + "/annotations", researcher);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonObject suggestion = new JsonArray(listed.body()).stream().map(JsonObject.class::cast)
                .filter(a -> "suggested".equals(a.getString("state")) && a.getJsonObject("theme") != null).findFirst()
                .orElseThrow(() -> new AssertionError("the annotator suggested no theme for: " + listed.body()));
        String theme = suggestion.getJsonObject("theme").getString("iri");
        assertThat(suggestion.getString("explanation")).as("the annotations API explains it")
                .startsWith("automatiskt förslag, ej granskat · ordet ’" + suggestion.getString("exact") + "’").containsPattern("säkerhet \\d,\\d\\d");

        JsonObject byDefault = search(pilot, "");
        assertThat(chip(byDefault, theme)).as("no chip for an unreviewed suggestion").isEmpty();
        assertThat(inThemeFacet(byDefault, theme)).as("no facet value for it").isFalse();

        JsonObject asked = search(pilot, "&suggestions=true");
        JsonObject marked = chip(asked, theme).orElseThrow(() -> new AssertionError("no chip with suggestions=true: " + asked.encode()));
        assertThat(marked.getBoolean("reviewed")).isFalse();
        assertThat(marked.getJsonArray("suggestions").getJsonObject(0).getString("exact")).isNotBlank();
        assertThat(inThemeFacet(asked, theme)).isTrue();
        assertThat(chip(search(researcher, ""), theme)).as("researchers see suggestions by default").isPresent();

        String page = app.get("/sok?q=" + WORD, pilot).body();
        assertThat(page).contains("Visa även automatiska förslag (ej granskade)").doesNotContain("chip-suggestion");
        String pageAsked = app.get("/sok?q=" + WORD + "&suggestions=false&suggestions=true", pilot).body();
        assertThat(pageAsked).contains("class=\"chip-suggestion\"").contains("<span class=\"suggestion-mark\">förslag</span>")
                .contains("automatiskt förslag, ej granskat");

        HttpResponse<String> accepted = app.send("PATCH", "/api/annotations/" + suggestion.getString("id"), "{\"state\": \"accepted\"}", researcher);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(new JsonObject(accepted.body()).getString("explanation")).startsWith("godtagen · automatisk");

        JsonObject afterReview = Eventually.searchShows(() -> search(pilot, ""), r -> chip(r, theme).isPresent());
        assertThat(chip(afterReview, theme)).as("the accepted suggestion is a code the pilot sees").get()
                .satisfies(c -> assertThat(c.getBoolean("reviewed")).isTrue());
        assertThat(inThemeFacet(afterReview, theme)).isTrue();
        String pageAfter = app.get("/sok?q=" + WORD, pilot).body();
        assertThat(pageAfter).contains("class=\"chip-reviewed\"");
        assertThat(List.of(pageAfter.split("chip-suggestion"))).as("the passage's other suggestions stay hidden by default").hasSize(1);
    }
}
