package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;

/**
 * What a pilot's search says, through the running application (real Elasticsearch and Keycloak), in the search
 * answer and on Sök.
 * <ul>
 * <li>Pilots see researchers' codes, not the annotator's guesses, unless they ask: an unreviewed suggestion's theme is
 * neither a chip nor a facet value for a pilot by default, is both with {@code suggestions=true}, marked as a
 * suggestion with its reason, and once a researcher accepts it, it is a reviewed chip for the pilot by default.</li>
 * <li>A search of two keywords also finds the passages that hold one of them, and counts them: Sök says beside the
 * count how many hold both, and nothing of it when all do, for one word or for a quoted phrase.</li>
 * <li>Analys in English says its count, its tables and its themes in English, in the page, in the charts' data and in
 * the downloads.</li>
 * </ul>
 */
@WithApplication
class SearchAnswersIT {

    /** A word only the workshop's passage holds, so the search finds it alone. */
    private static final String WORD = "kvistlärkorna";
    /** A word only the two notes hold. */
    private static final String NOTES_WORD = "tallskrikorna";

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("pilot")
    private static String pilot;
    private static String documentId;

    @BeforeAll
    static void uploadAWorkshopAndTwoNotes() throws Exception {
        String workshop = """
                Vi på vårdcentralen vill ha samverkan med kommunen kring utskrivningar och en gemensam vårdplanering, sa %s.
                """.formatted(WORD);
        documentId = upload("workshop-kvistlarkor.txt", workshop, "workshop");
        upload("anteckning-fika.txt", "Mötet om %s handlade om fikarasten vid bokhyllan.\n".formatted(NOTES_WORD), "rapport");
        upload("anteckning-fjallstugor.txt", "Sedan flyttade %s till fjällstugorna vid sjön.\n".formatted(NOTES_WORD), "rapport");
    }

    /** Uploads a public document and waits until it is indexed; its id. */
    private static String upload(String name, String text, String type) throws Exception {
        HttpResponse<String> uploaded = app.postFile(researcher, name, text, Map.of("visibility", "public", "type", type));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        String id = new JsonArray(uploaded.body()).getJsonObject(0).getString("id");
        app.awaitStatus(id, researcher, "indexed");
        return id;
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

    /** Sök for {@code query}. */
    private static String sok(String query) throws Exception {
        return page("/sok?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static String page(String address) throws Exception {
        HttpResponse<String> response = app.get(address, pilot);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** What the page says in the element whose start tag {@code startTag} opens, up to the next tag. */
    private static String said(String page, String startTag) {
        Matcher said = Pattern.compile(Pattern.quote(startTag) + "([^<]*)<").matcher(page);
        assertThat(said.find()).as(startTag).isTrue();
        return said.group(1);
    }

    /** The count line of Sök for {@code query}. */
    private static String countLine(String query) throws Exception {
        return said(sok(query), "<p class=\"total\" id=\"total\" aria-live=\"polite\">");
    }

    @Test
    void sokSaysHowManyHoldBothOfTwoKeywordsWhenTheCountAlsoHoldsThePassagesWithOneOfThem() throws Exception {
        assertThat(countLine(NOTES_WORD + " fjällstugorna")).isEqualTo("2 träffar · 1 med båda orden först, sedan de med ett av dem");
        assertThat(countLine(NOTES_WORD + " snöskotrarna")).isEqualTo("2 träffar · ingen har båda orden");

        assertThat(countLine("fikarasten bokhyllan")).as("every hit holds both").isEqualTo("1 träff");
        assertThat(countLine(NOTES_WORD)).as("one word").isEqualTo("2 träffar");
        assertThat(countLine("\"" + NOTES_WORD + " handlade\"")).as("a quoted phrase").isEqualTo("1 träff");
    }

    @Test
    void sokKeepsOnlyThePassagesWithBothOfTwoKeywordsAtAClickAndGivesTheOthersBackAtAnother() throws Exception {
        String both = page(bothKeywordsLink(sok(NOTES_WORD + " fjällstugorna"), "Visa bara de med båda orden"));
        assertThat(said(both, "<p class=\"total\" id=\"total\" aria-live=\"polite\">")).isEqualTo("1 träff · alla med båda orden");
        assertThat(both).contains("vid sjön").doesNotContain("fikarasten");

        assertThat(said(page("/analys?q=" + URLEncoder.encode(NOTES_WORD + " fjällstugorna", StandardCharsets.UTF_8) + "&bothKeywords=true"),
                "<p class=\"total\">")).as("Analys opened on that search").startsWith("1 passage med båda orden som du får läsa");

        String again = page(bothKeywordsLink(both, "Visa även de med ett av dem"));
        assertThat(said(again, "<p class=\"total\" id=\"total\" aria-live=\"polite\">"))
                .isEqualTo("2 träffar · 1 med båda orden först, sedan de med ett av dem");
    }

    @Test
    void analysInEnglishSaysItsCountAndNamesTheThemesInEnglishOnThePageInTheChartsAndInTheDownloads() throws Exception {
        Ontology ontology = OntologyLoader.shipped();
        String search = "q=" + URLEncoder.encode(WORD, StandardCharsets.UTF_8) + "&suggestions=true";
        JsonArray swedishThemes = analysis("/api/analysis?" + search).getJsonObject("cooccurrence").getJsonArray("themes");
        JsonArray englishThemes = analysis("/api/analysis?" + search + "&lang=en").getJsonObject("cooccurrence").getJsonArray("themes");
        assertThat(englishThemes).as("the annotator suggested themes for the workshop's passage").isNotEmpty();
        for (int i = 0; i < englishThemes.size(); i++) {
            Concept concept = ontology.concept(englishThemes.getJsonObject(i).getString("iri")).orElseThrow();
            assertThat(englishThemes.getJsonObject(i).getString("label")).isEqualTo(concept.labelEn());
            assertThat(swedishThemes.getJsonObject(i).getString("label")).isEqualTo(concept.labelSv());
        }
        String firstTheme = englishThemes.getJsonObject(0).getString("label");

        String english = page("/analys?" + search + "&lang=en");
        assertThat(said(english, "<p class=\"total\">")).isEqualTo("1 passage you may read. ");
        assertThat(english).contains("<h1>Analysis</h1>", "Themes over time", "Download CSV", "Show the search in Search")
                .contains("data-src=\"/api/analysis?" + search.replace("&", "&amp;") + "&amp;lang=en\"")
                .doesNotContain("Ladda ner", "som du får läsa");
        HttpResponse<String> csv = app.get("/api/analysis?" + search + "&lang=en&format=csv&table=cooccurrence", pilot);
        assertThat(csv.body()).startsWith("\uFEFFTheme," + firstTheme);
        assertThat(said(page("/analys?" + search), "<p class=\"total\">")).as("in Swedish by default").isEqualTo("1 passage som du får läsa. ");
    }

    private static JsonObject analysis(String address) throws Exception {
        HttpResponse<String> response = app.get(address, pilot);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    /** The address of the link beside the count that says {@code text}. */
    private static String bothKeywordsLink(String page, String text) {
        Matcher link = Pattern.compile("<p class=\"both-keywords\"><a href=\"([^\"]*)\">" + Pattern.quote(text) + "</a>").matcher(page);
        assertThat(link.find()).as("a link '%s' beside the count", text).isTrue();
        return link.group(1).replace("&amp;", "&");
    }
}
