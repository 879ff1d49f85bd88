package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Two researchers code one interview blind in a real browser (real Keycloak logins, real Elasticsearch): forskare
 * accepts, rejects and tags in Kodning and marks the interview done; forskare2 sees none of it until they have marked
 * it done too, codes it differently, compares on Analys → Samstämmighet (the figures are {@code /api/agreement}'s),
 * adopts their own coding as the consensus with one click (the page then shows it), writes another passage by passage,
 * and Sök follows each consensus.
 */
@WithApplication
class TeamCodingBrowserIT {

    private static final String TEMA = LAR.BASE + "tema/";
    /** Our own writing: an interview in speaker turns, declared an interview, so it is coded blind. */
    private static final String INTERVIEW = """
            I: Berätta om samverkan med kommunen.

            IP: Samverkan med kommunens hemtjänst fungerar bättre nu, vi har gemensamma möten varannan vecka och ringer varandra direkt.

            I: Hur är det att nå vårdcentralen?

            IP: Telefonkön är lång på måndagar och väntetiderna till läkare är flera veckor.

            I: Vad betyder kontinuitet för dina patienter?

            IP: Kontinuitet betyder att patienten möter samma distriktssköterska vid varje besök, det ger trygghet.
            """;
    private static final String FORSKARE_TAG = "vid varje besök";
    private static final String FORSKARE2_TAG = "ringer varandra direkt";

    private static RunningApplication app;
    @Token("forskare")
    private static String forskareToken;
    @Token("forskare2")
    private static String forskare2Token;
    private static String documentId;

    @BeforeAll
    static void uploadInterview() throws Exception {
        documentId = app.uploadIndexed(forskareToken, "intervju-hemtjanst-teamkodning.txt", INTERVIEW,
                Map.of("visibility", "restricted", "type", "intervju"));
    }

    @Test
    void twoResearchersCodeBlindCompareOnSamstammighetAndTheAdoptedConsensusReachesSearch() throws Exception {
        JsonArray suggestions = layer(forskareToken);
        JsonObject collaboration = firstWithTheme(suggestions, "samverkan");
        JsonObject continuity = firstWithTheme(suggestions, "kontinuitet");
        String collaborationPassage = collaboration.getString("passageId");
        String continuityPassage = continuity.getString("passageId");

        try (Browser browser = Browser.open(app.url, "team-coding-forskare")) {
            browser.logIn("forskare", "forskare");
            browser.go("/kodning/" + documentId);
            assertThat(browser.find(By.id("team-status")).getText()).as("interviews are coded blind").contains("Blind kodning");
            review(browser, collaboration.getString("id"), "accepted");
            review(browser, continuity.getString("id"), "rejected");
            tag(browser, FORSKARE_TAG, "Samma personal");

            markDone(browser, "forskare");
            assertThat(browser.driver().findElement(By.id("mark-done")).isDisplayed()).as("done once").isFalse();
        }

        try (Browser browser = Browser.open(app.url, "team-coding-forskare2")) {
            browser.logIn("forskare2", "forskare2");
            browser.go("/kodning/" + documentId);
            browser.await(d -> d.findElement(By.id("team-status")).getText().contains("forskare: klar"));
            WebElement accepted = browser.find(By.cssSelector("#annotations li[data-id='" + collaboration.getString("id") + "']"));
            assertThat(accepted.getDomAttribute("data-state")).as("forskare2's own layer: undecided").isEqualTo("suggested");
            assertThat(browser.find(By.id("team-status")).getText()).contains("Blind kodning");
            String blindList = browser.find(By.id("annotations")).getText();
            assertThat(blindList).as("blind: neither forskare's decisions nor their tag").doesNotContain("Kollegor").doesNotContain(FORSKARE_TAG);
            assertThat(browser.driver().findElement(By.id("history")).getText()).doesNotContain("forskare:");

            // forskare2 codes differently: rejects every collaboration suggestion of that passage, accepts the continuity one.
            for (Object item : suggestions) {
                JsonObject suggestion = (JsonObject) item;
                if (suggestion.getString("passageId").equals(collaborationPassage) && hasTheme(suggestion, "samverkan")) {
                    review(browser, suggestion.getString("id"), "rejected");
                }
            }
            review(browser, continuity.getString("id"), "accepted");
            tag(browser, FORSKARE2_TAG, "Telefontillgänglighet");

            markDone(browser, "forskare2");
            browser.await(d -> d.findElement(By.id("annotations")).getText().contains(FORSKARE_TAG));
            assertThat(browser.find(By.cssSelector("#annotations li[data-id='" + collaboration.getString("id") + "'] .decisions")).getText())
                    .as("done: forskare's decision shows").contains("forskare godtagen");
            assertThat(browser.driver().findElement(By.id("history")).getText()).contains("forskare:");
            assertThat(browser.find(By.id("team-status")).getText()).doesNotContain("Blind kodning");

            // Before the consensus, an annotation one researcher accepted counts for search (docs/team-coding.md).
            awaitSearch(browser, "samverkan", collaborationPassage, true);

            browser.go("/analys");
            browser.find(By.linkText("Samstämmighet mellan kodare")).click();
            browser.find(By.cssSelector("input[name='documents'][value='" + documentId + "']")).click();
            WebElement coders = browser.find(By.id("coders"));
            coders.clear();
            coders.sendKeys("forskare,forskare2");
            new Select(browser.find(By.id("level"))).selectByValue("theme");
            browser.driver().findElement(By.cssSelector(".agreement-form button[type='submit']")).click();

            WebElement table = browser.find(By.cssSelector("table.agreement"));
            assertThat(table.findElement(By.tagName("thead")).getText()).contains("α").contains("κ forskare/forskare2");
            JsonObject figures = agreement();
            for (Object item : figures.getJsonArray("concepts")) {
                JsonObject theme = (JsonObject) item;
                List<WebElement> cells = table.findElements(By.xpath(".//tbody/tr[th='" + theme.getString("label") + "']/td"));
                assertThat(cells).as("row of %s", theme.getString("label")).isNotEmpty();
                assertThat(seen(cells.get(0))).as("α of %s", theme.getString("label")).isEqualTo(shown(theme.getValue("alpha")));
                assertThat(seen(cells.get(1))).as("percent of %s", theme.getString("label")).isEqualTo(shown(theme.getValue("percent")));
            }
            JsonObject collaborationFigures = figures.getJsonArray("concepts").stream().map(JsonObject.class::cast)
                    .filter(c -> c.getString("iri").equals(TEMA + "samverkan")).findFirst().orElseThrow();
            assertThat(collaborationFigures.getDouble("percent")).as("the coders differ on collaboration").isLessThan(1.0);
            List<WebElement> overall = table.findElements(By.cssSelector("tfoot td"));
            assertThat(seen(overall.get(0))).isEqualTo(shown(figures.getJsonObject("overall").getValue("alpha")));
            assertThat(seen(overall.get(1))).isEqualTo(shown(figures.getJsonObject("overall").getValue("percent")));
            // A figure that cannot be computed (a theme neither coder applied) opens to its reason by keyboard, not only on hover.
            WebElement noFigure = table.findElement(By.cssSelector("details.no-figure"));
            WebElement reason = noFigure.findElement(By.className("reason"));
            assertThat(reason.isDisplayed()).as("closed, the table stays compact").isFalse();
            noFigure.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
            browser.await(d -> reason.isDisplayed());
            assertThat(reason.getText()).startsWith("ingen");

            // The passage where they differ, side by side: forskare's span there, none of forskare2's.
            List<WebElement> differing = browser.find(By.cssSelector("section.differences"))
                    .findElement(By.xpath(".//tbody/tr[td/a[contains(@href, '#" + collaborationPassage + "')]]")).findElements(By.tagName("td"));
            assertThat(differing.get(1).getText()).contains(collaboration.getString("exact"));
            assertThat(differing.get(2).getText()).doesNotContain(collaboration.getString("exact"));

            String comparison = browser.driver().getCurrentUrl();
            assertThat(browser.find(By.cssSelector("section.differences .consensus-now")).getText()).isEqualTo("Ingen konsensus ännu.");
            browser.find(By.cssSelector("button[data-adopt='forskare2'][data-document='" + documentId + "']")).click();
            // The page loads again and shows the consensus now in force, with forskare2's span in its column.
            browser.await(d -> d.findElement(By.cssSelector("section.differences .consensus-now")).getText()
                    .startsWith("Gällande konsensus: forskare2s kodning, satt av forskare2"));
            String tagPassage = passageOf(FORSKARE2_TAG);
            assertThat(tagPassage).as("the first collaboration suggestion is in another passage than the tag").isNotEqualTo(collaborationPassage);
            assertThat(differingRow(browser, tagPassage).get(3).getText()).as("the consensus column").contains(FORSKARE2_TAG);
            assertThat(differingRow(browser, collaborationPassage).get(3).getText()).doesNotContain(collaboration.getString("exact"));

            // The consensus reaches search: forskare2's coding stands, forskare's collaboration no longer does.
            awaitSearch(browser, "samverkan", collaborationPassage, false);
            awaitSearch(browser, "kontinuitet", continuityPassage, true);
            awaitSearch(browser, "tillganglighet", tagPassage, true);

            // Passage by passage: forskare's coding stands in one passage, forskare2's in another, nobody's in a third.
            browser.go(comparison.substring(comparison.indexOf("/analys")));
            List<WebElement> collaborationRow = differingRow(browser, collaborationPassage);
            assertThat(collaborationRow.get(4).findElement(By.cssSelector("input[value='forskare2']")).isSelected())
                    .as("the choice starts from the consensus in force").isTrue();
            collaborationRow.get(4).findElement(By.cssSelector("input[value='forskare']")).click();
            differingRow(browser, continuityPassage).get(4).findElement(By.cssSelector("input[value='forskare2']")).click();
            differingRow(browser, tagPassage).get(4).findElement(By.cssSelector("input[value='']")).click();
            browser.find(By.cssSelector("button.write-consensus[data-document='" + documentId + "']")).click();
            browser.await(d -> d.findElement(By.cssSelector("section.differences .consensus-now")).getText()
                    .startsWith("Gällande konsensus: skriven passage för passage, satt av forskare2"));
            assertThat(differingRow(browser, collaborationPassage).get(3).getText()).contains(collaboration.getString("exact"));
            assertThat(differingRow(browser, tagPassage).get(3).getText()).doesNotContain(FORSKARE2_TAG);
            assertThat(differingRow(browser, continuityPassage).get(3).getText()).contains(continuity.getString("exact"));

            awaitSearch(browser, "samverkan", collaborationPassage, true);
            awaitSearch(browser, "tillganglighet", tagPassage, false);
            awaitSearch(browser, "kontinuitet", continuityPassage, true);
        }
    }

    /** The cells of the row of Samstämmighet's differences for {@code passageId}: passage, each coder, consensus, choice. */
    private static List<WebElement> differingRow(Browser browser, String passageId) {
        return browser.find(By.cssSelector("section.differences tr[data-passage='" + passageId + "']")).findElements(By.tagName("td"));
    }

    /** Waits until Sök filtered by {@code theme} does (or does not) list {@code passageId}, loading the page again while not. */
    private static void awaitSearch(Browser browser, String theme, String passageId, boolean listed) {
        String url = "/sok?theme=" + URLEncoder.encode(TEMA + theme, StandardCharsets.UTF_8);
        browser.go(url);
        browser.await(d -> {
            boolean found = !d.findElements(By.cssSelector(".hits a[href$='#" + passageId + "']")).isEmpty();
            if (found != listed) {
                browser.go(url);
                return false;
            }
            return true;
        });
    }

    /** Clicks the annotation's accept or reject button in Kodning and waits until the list shows the new state. */
    private static void review(Browser browser, String annotationId, String state) {
        String item = "#annotations li[data-id='" + annotationId + "']";
        browser.await(d -> {
            d.findElement(By.cssSelector(item + " button.set-" + state)).click();
            return true;
        });
        browser.await(d -> state.equals(d.findElement(By.cssSelector(item)).getDomAttribute("data-state")));
    }

    /** Clicks "Markera som klar" and waits until Kodstatus shows {@code coder} done. */
    private static void markDone(Browser browser, String coder) {
        WebElement done = browser.find(By.id("mark-done"));
        // Into the middle of the window, as a reader scrolls to it: at the very top the sticky status line covers it.
        browser.script("arguments[0].scrollIntoView({block: 'center'})", done);
        done.click();
        browser.await(d -> d.findElement(By.id("team-status")).getText().contains(coder + ": klar"));
    }

    /** Selects {@code phrase} in the passage text that holds it, as a mouse drag would, and tags it with {@code concept}. */
    private static void tag(Browser browser, String phrase, String concept) {
        // The page paints suggestions as spans, so the phrase may run over several text nodes: find it in the passage's text, then map.
        browser.script("""
                for (const text of document.querySelectorAll('.passage .text')) {
                  const at = text.textContent.indexOf(arguments[0]);
                  if (at < 0) continue;
                  const end = at + arguments[0].length;
                  const range = document.createRange();
                  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
                  let offset = 0;
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const length = node.textContent.length;
                    if (offset <= at && at < offset + length) range.setStart(node, at - offset);
                    if (offset < end && end <= offset + length) range.setEnd(node, end - offset);
                    offset += length;
                  }
                  getSelection().removeAllRanges();
                  getSelection().addRange(range);
                  return;
                }
                throw new Error('phrase not found');
                """, phrase);
        // Tagged from the box beside the selection: t opens it, the type-ahead picks the concept, Enter tags.
        browser.driver().findElement(By.tagName("body")).sendKeys("t");
        WebElement input = browser.find(By.id("concept"));
        input.sendKeys(concept);
        browser.await(d -> d.findElement(By.cssSelector("#concept-options [aria-selected='true']")).getText().startsWith(concept));
        input.sendKeys(Keys.ENTER);
        WebElement tagged = browser.find(By.xpath("//ol[@id='annotations']/li[q='" + phrase + "']"));
        assertThat(tagged.getText()).contains(concept);
    }

    private static String passageOf(String exact) throws Exception {
        return layer(forskare2Token).stream().map(JsonObject.class::cast).filter(a -> exact.equals(a.getString("exact")))
                .findFirst().orElseThrow().getString("passageId");
    }

    /** A figure's cell as a sighted reader sees it: the value, or the dash (the reason beside it is for screen readers). */
    private static String seen(WebElement cell) {
        List<WebElement> dash = cell.findElements(By.cssSelector("[aria-hidden='true']"));
        return dash.isEmpty() ? cell.getText() : dash.get(0).getText();
    }

    /** A figure as the page prints it: two decimals, or a dash where it cannot be computed. */
    private static String shown(Object value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.2f", ((Number) value).doubleValue());
    }

    private static JsonObject agreement() throws Exception {
        HttpResponse<String> response = app.get("/api/agreement?documents=" + documentId + "&coders=forskare,forskare2&level=theme", forskare2Token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    private static JsonArray layer(String token) throws Exception {
        HttpResponse<String> response = app.get("/api/documents/" + documentId + "/annotations", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonArray(response.body());
    }

    private static boolean hasTheme(JsonObject annotation, String theme) {
        JsonObject top = annotation.getJsonObject("theme");
        return top != null && (TEMA + theme).equals(top.getString("iri"));
    }

    private static JsonObject firstWithTheme(JsonArray annotations, String theme) {
        return annotations.stream().map(JsonObject.class::cast).filter(a -> hasTheme(a, theme)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion of " + theme + " in " + annotations.encode()));
    }
}
