package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A document longer than a part ({@code LARARENA_DOCUMENT_PART_PASSAGES}, 10 here, so 25 passages are three parts):
 * the API gives the passages and annotations of a range, Dokument and Kodning show one part with links to the
 * others, and a link to a passage opens the part that holds it, in a real browser.
 */
@WithApplication(settings = "LARARENA_DOCUMENT_PART_PASSAGES=10")
class LongDocumentInPartsIT {

    private static final int PARAGRAPHS = 25;
    private static final List<String> PLACES = List.of("Kil", "Arvika", "Torsby", "Sunne", "Hagfors");

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("forskare2")
    private static String colleague;
    private static String documentId;

    /** Our own writing: a paragraph a passage, each with words of the codebook and its own number. */
    private static String report() {
        return IntStream.range(0, PARAGRAPHS).mapToObj(i -> ("Avsnitt %d. I %s har vårdcentralen och kommunen byggt upp samverkan kring "
                + "äldre patienter med många läkemedel, och kontinuiteten blev bättre när samma sjuksköterska följer patienten "
                + "hem efter sjukhusvistelsen. Väntetiderna på telefon var den största frågan i uppföljning nummer %d.")
                .formatted(i + 1, PLACES.get(i % PLACES.size()), i + 1)).collect(Collectors.joining("\n\n"));
    }

    @BeforeAll
    static void upload() throws Exception {
        documentId = app.uploadIndexed(researcher, "uppfoljning-i-delar.txt", report(), "public");
        assertThat(passages("")).as("one passage a paragraph, for the parts below to be what they are").hasSize(PARAGRAPHS);
    }

    @Test
    void theApiGivesThePassagesAndAnnotationsOfARangeAndRefusesOneLargerThanAPart() throws Exception {
        assertThat(ordinals(passages("?from=10&count=10"))).containsExactlyElementsOf(IntStream.range(10, 20).boxed().toList());
        assertThat(ordinals(passages("?from=20"))).containsExactly(20, 21, 22, 23, 24);

        JsonArray all = annotations("");
        JsonArray part = annotations("?from=10&count=10");
        Set<String> partPassages = IntStream.range(10, 20).mapToObj(i -> documentId + "-" + i).collect(Collectors.toSet());
        assertThat(part).isNotEmpty();
        assertThat(objects(part)).allSatisfy(a -> assertThat(partPassages).contains(a.getString("passageId")));
        assertThat(ids(part)).isEqualTo(objects(all).stream().filter(a -> partPassages.contains(a.getString("passageId")))
                .map(a -> a.getString("id")).collect(Collectors.toSet()));

        JsonArray log = new JsonArray(app.get("/api/documents/" + documentId + "/review-log", researcher).body());
        JsonArray ofPeople = new JsonArray(app.get("/api/documents/" + documentId + "/review-log?annotator=false", researcher).body());
        assertThat(objects(log)).filteredOn(entry -> entry.getString("coder").equals("annotator")).as("its entry for each suggestion")
                .hasSize(all.size());
        assertThat(objects(ofPeople)).as("people's reviews only").noneMatch(entry -> entry.getString("coder").equals("annotator"))
                .hasSize(log.size() - all.size());

        for (String bad : List.of("?count=11", "?from=-1", "?from=tio")) {
            HttpResponse<String> refused = app.get("/api/documents/" + documentId + "/annotations" + bad, researcher);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(new JsonObject(refused.body()).getString("detail")).as(bad).contains(bad.substring(1, bad.indexOf('=')));
        }
    }

    @Test
    void dokumentAndKodningShowThePartThatHoldsAPassageWithLinksToThePartsAround() throws Exception {
        for (String page : List.of("/dokument/", "/kodning/")) {
            HttpResponse<String> shown = app.get(page + documentId + "?from=13", researcher);
            assertThat(shown.statusCode()).as(page).isEqualTo(200);
            String html = shown.body();
            assertThat(html).as(page).contains("data-passage=\"" + documentId + "-10\"", "data-passage=\"" + documentId + "-19\"")
                    .doesNotContain("data-passage=\"" + documentId + "-9\"", "data-passage=\"" + documentId + "-20\"")
                    .contains("Stycke 11–20 av 25", page + documentId + "?from=0\"", page + documentId + "?from=20\"")
                    .contains("<option value=\"0\">1–10</option>", "<option value=\"10\" selected>11–20</option>", "<option value=\"20\">21–25</option>");
        }
        assertThat(app.get("/dokument/" + documentId + "?from=13", researcher).body()).as("coding starts at the part being read")
                .contains("/kodning/" + documentId + "?from=10\"");
        assertThat(app.get("/kodning/" + documentId + "?from=13", researcher).body()).as("and goes back to it")
                .contains("/dokument/" + documentId + "?from=10\"");
        String last = app.get("/dokument/" + documentId + "?from=999", researcher).body();
        assertThat(last).as("a number past the end is the last part").contains("Stycke 21–25 av 25").doesNotContain("rel=\"next\"");
        assertThat(app.get("/dokument/" + documentId + "?from=nio", researcher).statusCode()).isEqualTo(400);
    }

    @Test
    void aLinkToAPassageOfALaterPartOpensThatPartWithItsAnnotationsPainted() throws Exception {
        String passageId = documentId + "-22";
        try (Browser browser = Browser.open(app.url, "long-document-parts")) {
            browser.logIn("forskare", "forskare");
            // A link as search hits made them before documents had parts: the passage's id alone.
            browser.go("/dokument/" + documentId + "#" + passageId);
            browser.awaitUrl("?from=22");
            browser.await(d -> passageId.equals(d.switchTo().activeElement().getDomAttribute("data-passage")));
            browser.await(d -> !d.findElements(By.cssSelector(".passage .ann")).isEmpty());

            List<String> shownPassages = browser.driver().findElements(By.cssSelector(".passage[data-passage]")).stream()
                    .map(p -> p.getDomAttribute("data-passage")).toList();
            assertThat(shownPassages).containsExactlyElementsOf(IntStream.range(20, 25).mapToObj(i -> documentId + "-" + i).toList());
            browser.await(d -> d.findElements(By.cssSelector("#annotations li.annotation")).size() == annotations("?from=20&count=10").size());

            WebElement previous = browser.find(By.cssSelector("nav.parts a[rel='prev']"));
            previous.click();
            browser.awaitUrl("?from=10");
            browser.await(d -> d.findElements(By.cssSelector(".passage[data-passage]")).size() == 10);

            // Any part in one step: the list of parts and its button, no script needed.
            new Select(browser.find(By.cssSelector("nav.parts select[name='from']"))).selectByValue("20");
            browser.driver().findElement(By.cssSelector("nav.parts button[type='submit']")).click();
            browser.awaitUrl("from=20");
            browser.await(d -> d.findElements(By.cssSelector(".passage[data-passage]")).size() == 5);
        }
    }

    @Test
    void kodningNamesAndUndoesADecisionMadeInAnotherPart() throws Exception {
        JsonObject suggestion = objects(annotations("?from=20&count=10")).stream()
                .filter(a -> a.getString("passageId").equals(documentId + "-23")).findFirst().orElseThrow();
        HttpResponse<String> accepted = app.send("PATCH", "/api/annotations/" + suggestion.getString("id"), "{\"state\":\"accepted\"}", researcher);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        JsonObject entry = objects(new JsonArray(app.get("/api/documents/" + documentId + "/review-log?annotator=false", researcher).body()))
                .stream().filter(e -> e.getString("annotationId").equals(suggestion.getString("id"))).findFirst().orElseThrow();
        assertThat(entry.getJsonObject("annotation").getString("passageId")).isEqualTo(documentId + "-23");
        HttpResponse<String> layerOfAnotherPart = app.get("/api/documents/" + documentId + "/annotations?from=0&count=10&coder=forskare", colleague);
        assertThat(layerOfAnotherPart.statusCode()).as("a coder of the document, though not of this part: " + layerOfAnotherPart.body())
                .isEqualTo(200);

        try (Browser browser = Browser.open(app.url, "long-document-kodning")) {
            browser.logIn("forskare", "forskare");
            browser.go("/kodning/" + documentId + "?from=0");
            browser.await(d -> d.findElement(By.id("history")).getText().contains("“" + suggestion.getString("exact") + "”"));
            assertThat(browser.find(By.id("history")).getText()).contains(suggestion.getJsonObject("concept").getString("label"));

            browser.await(d -> d.findElement(By.id("undo")).isEnabled());
            browser.find(By.id("undo")).click();
            browser.await(d -> objects(annotations("?from=20&count=10")).stream()
                    .anyMatch(a -> a.getString("id").equals(suggestion.getString("id")) && a.getString("state").equals("suggested")));
        }
    }

    @Test
    void kodningsKeysGoOnIntoTheNextPartPastTheLastSuggestionAndBackBeforeTheFirst() throws Exception {
        By suggested = By.cssSelector("#annotations li.annotation[data-state='suggested']");
        try (Browser browser = Browser.open(app.url, "long-document-keys")) {
            browser.logIn("forskare", "forskare");
            browser.go("/kodning/" + documentId + "?from=0");
            browser.await(d -> !d.findElements(suggested).isEmpty());
            List<WebElement> suggestions = browser.driver().findElements(suggested);
            for (int i = 0; i < suggestions.size(); i++) {
                browser.driver().switchTo().activeElement().sendKeys("j");
            }
            String last = suggestions.getLast().getDomAttribute("data-id");
            browser.await(d -> last.equals(d.findElement(By.cssSelector("#annotations li.current")).getDomAttribute("data-id")));

            browser.driver().switchTo().activeElement().sendKeys("j");
            browser.awaitUrl("?from=10");
            browser.await(d -> !d.findElements(suggested).isEmpty());
            browser.driver().switchTo().activeElement().sendKeys("j");
            String first = browser.driver().findElements(suggested).getFirst().getDomAttribute("data-id");
            browser.await(d -> first.equals(d.findElement(By.cssSelector("#annotations li.current")).getDomAttribute("data-id")));
            browser.driver().switchTo().activeElement().sendKeys("k");
            browser.awaitUrl("?from=0");
        }
    }

    private static JsonArray passages(String query) throws Exception {
        HttpResponse<String> response = app.get("/api/documents/" + documentId + "/passages" + query, researcher);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonArray(response.body());
    }

    private static JsonArray annotations(String query) {
        try {
            HttpResponse<String> response = app.get("/api/documents/" + documentId + "/annotations" + query, researcher);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new JsonArray(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> ordinals(JsonArray passages) {
        return objects(passages).stream().map(p -> p.getInteger("ordinal")).toList();
    }

    private static Set<String> ids(JsonArray annotations) {
        return objects(annotations).stream().map(a -> a.getString("id")).collect(Collectors.toSet());
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(JsonObject.class::cast).toList();
    }
}
