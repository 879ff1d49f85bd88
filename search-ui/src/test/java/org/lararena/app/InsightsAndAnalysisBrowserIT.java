package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.web.Axe;
import org.lararena.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Insikter and Analys in a real browser with real logins, over two documents of our own writing. */
@WithApplication
class InsightsAndAnalysisBrowserIT {

    private static final String REPORT_TITLE = "Rapport om lotsmodellen";
    private static final String SAMVERKAN = "https://w3id.org/lararena/tema/samverkan";
    private static final String REPORT_TEXT = "Samverkan mellan region och kommun kring lotsmodellen har gett kortare väntan i hemsjukvården.";

    private static final String INTERVIEW_TEXT = "Lotsen i intervjun berättar att samverkan med kommunen tog ett år att få på plats.";

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("pilot")
    private static String pilot;

    @BeforeAll
    static void uploadDocuments() throws Exception {
        for (Map<String, String> document : List.of(
                Map.of("title", REPORT_TITLE, "visibility", "public", "pilot", "Värmland", "type", "rapport", "date", "2024-03-01", "text", REPORT_TEXT),
                Map.of("title", "Anteckningar om lotsmodellen", "visibility", "pilot", "pilot", "Örebro", "type", "motesanteckningar",
                        "date", "2025-02-10", "text", "Samverkansforumet diskuterade lotsmodellen och hur samverkan med primärvården kan bli tätare."),
                Map.of("title", "Intervju med en lots", "visibility", "restricted", "pilot", "Örebro", "type", "intervju",
                        "date", "2025-03-12", "text", INTERVIEW_TEXT))) {
            Map<String, String> fields = new HashMap<>(document);
            String text = fields.remove("text");
            String id = app.uploadIndexed(researcher, fields.get("type") + "-lotsmodellen.txt", text, fields);
            if (REPORT_TITLE.equals(document.get("title"))) {
                app.acceptSuggestions(id, researcher);
            }
        }
        // Pilots see reviewed codes: the report's accepted Samverkan is what their Analys counts.
        String reviewed = "/api/search?q=lotsmodellen&theme=" + URLEncoder.encode(SAMVERKAN, StandardCharsets.UTF_8);
        JsonObject found = Eventually.searchShows(() -> new JsonObject(app.get(reviewed, pilot).body()), r -> r.getLong("total", 0L) > 0);
        assertThat(found.getLong("total")).as("the pilot sees the report's reviewed Samverkan").isPositive();
    }

    @Test
    void aResearcherCreatesAndPublishesAnInsightFromASearchHitAndAnAttendeeReadsIt() throws Exception {
        String title = "Lotsmodellen kortar väntan när region och kommun samverkar";
        try (Browser browser = Browser.open(app.url, "researcher-insight")) {
            browser.logIn("forskare", "forskare");
            browser.go("/sok?q=lotsmodellen");
            browser.find(By.xpath("//li[contains(@class,'hit')][.//h3/a[normalize-space(.)='" + REPORT_TITLE + "']]//a[@class='add-to-insight']")).click();

            browser.awaitText(By.tagName("h1"), "Ny insikt");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Ny insikt");
            // The passage shows as its quote and document, not as an id, and its themes come ticked.
            WebElement supporting = browser.find(By.cssSelector(".form-quotes"));
            assertThat(supporting.findElement(By.cssSelector("blockquote.quote")).getText()).contains("kortare väntan").contains(REPORT_TITLE);
            assertThat(supporting.findElement(By.cssSelector("input[name='passage']")).isSelected()).isTrue();
            assertThat(supporting.findElements(By.cssSelector(".warning"))).as("a public quote needs no warning").isEmpty();
            assertThat(browser.find(By.id("passages")).getDomProperty("value")).isBlank();
            assertThat(browser.find(By.xpath("//fieldset//label[normalize-space(.)='Samverkan']/input")).isSelected()).isTrue();
            browser.find(By.id("title")).sendKeys(title);
            browser.find(By.id("text")).sendKeys("Både rapporten och forumets anteckningar pekar åt samma håll.");
            browser.find(By.xpath("//button[normalize-space(.)='Spara som utkast']")).click();

            browser.awaitText(By.tagName("h1"), title);
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(browser.find(By.cssSelector(".insight .meta")).getText()).contains("Utkast");
            assertThat(browser.find(By.cssSelector("blockquote.quote")).getText()).contains("kortare väntan");
            browser.find(By.xpath("//button[normalize-space(.)='Publicera']")).click();
            browser.awaitText(By.cssSelector(".insight .meta"), "Publicerad");
            assertThat(browser.find(By.cssSelector(".insight .meta")).getText()).contains("Publicerad");
        }
        try (Browser browser = Browser.open(app.url, "attendee-insight")) {
            browser.logIn("deltagare", "deltagare");
            assertThat(browser.driver().findElements(By.linkText("Analys"))).as("Analys is not for attendees").isEmpty();
            browser.go("/insikter");
            browser.find(By.linkText(title)).click();

            browser.awaitText(By.tagName("h1"), title);
            WebElement quote = browser.find(By.cssSelector("blockquote.quote"));
            assertThat(quote.getText()).contains("kortare väntan");
            assertThat(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Avpublicera']"))).as("only researchers edit").isEmpty();
            quote.findElement(By.linkText(REPORT_TITLE)).click();
            assertThat(browser.find(By.cssSelector(".passage:target")).getText()).contains("lotsmodellen");
        }
    }

    @Test
    void theInsightFormWarnsThatAQuoteFromARestrictedDocumentIsHiddenFromReaders() throws Exception {
        JsonObject hit = new JsonObject(app.get("/api/search?q=" + URLEncoder.encode("lotsen intervjun", StandardCharsets.UTF_8),
                researcher).body()).getJsonArray("hits").stream().map(JsonObject.class::cast)
                .filter(h -> "Intervju med en lots".equals(h.getString("title"))).findFirst().orElseThrow();
        try (Browser browser = Browser.open(app.url, "insight-restricted-quote")) {
            browser.logIn("forskare", "forskare");
            browser.go("/insikter/ny?passage=" + hit.getString("passageId"));
            WebElement quote = browser.find(By.cssSelector(".form-quotes li"));
            assertThat(quote.getText()).contains("tog ett år att få på plats").contains("Intervju med en lots").doesNotContain(hit.getString("passageId"));
            assertThat(quote.findElement(By.cssSelector(".warning")).getText()).contains("bara forskare ser det");
            assertThat(browser.driver().findElements(By.cssSelector("fieldset input[name='theme']:checked"))).as("its top theme ticked")
                    .extracting(box -> box.findElement(By.xpath("..")).getText().strip()).contains("Samverkan");
            assertThat(browser.driver().findElements(By.cssSelector("fieldset input[name='theme']"))).as("only top themes offered").hasSize(19);
        }
    }

    @Test
    void aPilotOpensAnalysisSeesTheHeatMapAndClicksACellIntoTheFilteredSearch() throws Exception {
        try (Browser browser = Browser.open(app.url, "pilot-analysis")) {
            browser.logIn("pilot", "pilot");
            // Analys opens on the search Sök shows, and Sök on the one Analys shows.
            browser.go("/sok?q=lotsmodellen");
            browser.find(By.linkText("Analys")).click();
            browser.await(d -> d.getCurrentUrl().endsWith("/analys?q=lotsmodellen"));
            assertThat(browser.find(By.linkText("Sök")).getDomAttribute("href")).isEqualTo("/sok?q=lotsmodellen");
            browser.await(d -> !d.findElements(By.cssSelector("#analysis[data-ready='true']")).isEmpty());
            WebElement chart = browser.find(By.cssSelector("#chart-matrix canvas"));
            assertThat(browser.find(By.cssSelector("button.png[data-chart='matrix']")).isDisplayed()).isTrue();
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            assertThat((String) js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-matrix')).getDataURL({type: 'png'})"))
                    .startsWith("data:image/png");

            @SuppressWarnings("unchecked")
            List<Number> cell = (List<Number>) js.executeScript("""
                    const element = document.getElementById('chart-matrix');
                    const chart = echarts.getInstanceByDom(element);
                    const option = chart.getOption();
                    const point = chart.convertToPixel({ seriesIndex: 0 },
                        [option.xAxis[0].data.indexOf('Värmland'), option.yAxis[0].data.indexOf('Samverkan')]);
                    return [point[0], point[1], element.clientWidth, element.clientHeight];""");
            new Actions(browser.driver()).moveToElement(browser.find(By.id("chart-matrix")),
                    (int) Math.round(cell.get(0).doubleValue() - cell.get(2).doubleValue() / 2),
                    (int) Math.round(cell.get(1).doubleValue() - cell.get(3).doubleValue() / 2)).click().perform();

            browser.await(d -> d.getCurrentUrl().contains("/sok"));
            assertThat(browser.driver().getCurrentUrl()).contains("q=lotsmodellen").contains("theme=").contains("pilot=V%C3%A4rmland");
            assertThat(browser.find(By.cssSelector(".total")).getText()).isEqualTo("1 träff");
            assertThat(browser.find(By.cssSelector(".hit h3")).getText()).isEqualTo(REPORT_TITLE);

            // Back to the heat map, so the saved screenshot shows it.
            browser.driver().navigate().back();
            browser.await(d -> !d.findElements(By.cssSelector("#analysis[data-ready='true']")).isEmpty());
        }
    }

    @Test
    void aPilotsAnalysisCountsReviewedCodesUntilTheSwitchAsksForTheAnnotatorsSuggestions() throws Exception {
        try (Browser browser = Browser.open(app.url, "pilot-analysis-suggestions")) {
            browser.logIn("pilot", "pilot");
            browser.go("/analys?q=lotsmodellen");
            assertThat(browser.find(By.id("suggestions")).isSelected()).as("off by default for a pilot").isFalse();
            // Only the Värmland report is reviewed; the Örebro notes' Samverkan is the annotator's guess.
            assertThat(matrixCells(browser)).contains("Samverkan, Värmland").doesNotContain("Samverkan, Örebro");

            browser.find(By.cssSelector("label[for='suggestions']")).click();

            browser.await(d -> d.getCurrentUrl().contains("suggestions=true"));
            assertThat(browser.find(By.id("suggestions")).isSelected()).isTrue();
            assertThat(matrixCells(browser)).as("the notes' unreviewed Samverkan counts once asked for").contains("Samverkan, Värmland", "Samverkan, Örebro");
            assertThat(browser.find(By.cssSelector("a.csv")).getDomAttribute("href")).as("the download counts alike").contains("suggestions=true");
            assertThat(Axe.seriousViolations(browser)).as("axe-core on Analys with its switch").isEmpty();
        }
    }

    /** The matrix table's non-empty cells, each as "theme, pilot" (the words its link is read out with, less the count). */
    private static List<String> matrixCells(Browser browser) {
        return browser.driver().findElements(By.cssSelector("table.matrix td a")).stream().map(a -> a.getDomAttribute("aria-label"))
                .map(label -> label.substring(label.indexOf(": ") + 2)).toList();
    }
}
