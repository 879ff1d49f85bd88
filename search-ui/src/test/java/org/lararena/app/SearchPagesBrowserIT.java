package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.web.Axe;
import org.lararena.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages in a real browser, with real Keycloak logins, over the demo documents. */
@WithApplication(demoData = true)
class SearchPagesBrowserIT {

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    private static String restrictedInterviewId;

    @BeforeAll
    static void findDocuments() throws Exception {
        restrictedInterviewId = app.documentId(researcher, document -> "restricted".equals(document.getString("visibility")));
    }

    @Test
    void aPilotSearchesFiltersByPilotAndOpensAHitAtItsPassage() throws Exception {
        try (Browser browser = Browser.open(app.url, "pilot-search")) {
            browser.logIn("pilot", "pilot");
            assertThat(browser.find(By.cssSelector(".session .user")).getText()).contains("pilot").contains("Värmland");

            browser.go("/sok");
            browser.find(By.id("q")).sendKeys("\"fast läkarkontakt\"\n");
            browser.awaitUrl("q=%22fast");
            long before = Long.parseLong(browser.find(By.cssSelector(".total")).getText().split(" ")[0]);
            WebElement orebro = browser.find(By.xpath("//aside//section[h2='Pilot']//a[starts-with(normalize-space(.), 'Örebro')]"));
            orebro.click();
            browser.awaitUrl("pilot=");
            long after = Long.parseLong(browser.find(By.cssSelector(".total")).getText().split(" ")[0]);
            assertThat(after).isPositive().isLessThan(before);
            assertThat(browser.driver().getCurrentUrl()).contains("q=%22fast").contains("pilot=");

            browser.find(By.cssSelector(".hit h3 a")).click();
            WebElement target = browser.find(By.cssSelector(".passage:target"));
            assertThat(target.getText().toLowerCase()).contains("fast läkarkontakt");
            assertThat(browser.pageText()).doesNotContain("snäckskalsrodret").doesNotContain("lavendelsnodd");
        }
    }

    @Test
    void aPilotSeesReviewedCodesAndTicksTheSwitchToSeeTheAnnotatorsSuggestionsMarkedAndExplained() throws Exception {
        try (Browser browser = Browser.open(app.url, "pilot-suggestions")) {
            browser.logIn("pilot", "pilot");
            browser.go("/sok?q=samverkan");
            assertThat(browser.find(By.id("suggestions")).isSelected()).as("off by default for a pilot").isFalse();
            assertThat(browser.driver().findElements(By.cssSelector(".chips li.chip-suggestion"))).isEmpty();

            browser.find(By.cssSelector("label[for='suggestions']")).click();

            WebElement mark = browser.find(By.cssSelector(".hits .chips li.chip-suggestion .suggestion-mark"));
            assertThat(mark.getText()).isEqualTo("förslag");
            assertThat(browser.driver().getCurrentUrl()).contains("suggestions=true");
            assertThat(browser.find(By.id("suggestions")).isSelected()).isTrue();
            WebElement chip = browser.find(By.cssSelector(".hits .chips li.chip-suggestion a"));
            String why = browser.driver().findElement(By.id(chip.getAttribute("aria-describedby"))).getAttribute("textContent");
            assertThat(why).as("the chip says why it was suggested").contains("automatiskt förslag, ej granskat").contains("säkerhet");
            assertThat(Axe.seriousViolations(browser)).as("axe-core on Sök with suggestions").isEmpty();
        }
    }

    @Test
    void anAttendeeCannotReachARestrictedInterviewByItsAddress() throws Exception {
        try (Browser browser = Browser.open(app.url, "attendee-restricted")) {
            browser.logIn("deltagare", "deltagare");
            browser.go("/dokument/" + restrictedInterviewId);

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sidan finns inte");
            assertThat(browser.pageText()).doesNotContain("INTERVJUARE").doesNotContain("snäckskalsrodret").doesNotContain("lavendelsnodd");
            assertThat(browser.driver().findElements(By.linkText("Dokument"))).as("no link to pages the role may not use").isEmpty();
        }
    }

    @Test
    void anAttendeeOpensALearningModuleAndFollowsItsSavedSearch() throws Exception {
        try (Browser browser = Browser.open(app.url, "attendee-module")) {
            browser.logIn("deltagare", "deltagare");
            browser.go("/moduler");
            browser.find(By.linkText("Kontinuitet ur patientens perspektiv")).click();

            // The list of modules has a heading of its own: wait for the module's.
            browser.awaitText(By.tagName("h1"), "Kontinuitet ur patientens perspektiv");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Kontinuitet ur patientens perspektiv");
            assertThat(browser.pageText()).contains("Reflektionsfrågor till seminariet").contains("fast vårdkontakt");
            browser.find(By.linkText("Fast läkarkontakt")).click();
            assertThat(Long.parseLong(browser.find(By.cssSelector(".total")).getText().split(" ")[0])).isPositive();
            assertThat(browser.pageText()).doesNotContain("snäckskalsrodret").doesNotContain("lavendelsnodd");
        }
    }

    @Test
    void aResearcherUploadsFilesAndSeesEachReachItsEnd(@TempDir Path files) throws Exception {
        Path note = Files.writeString(files.resolve("webbanteckning.txt"), "Anteckning från webben om tjänstedesign i Örebro.");
        Path empty = Files.writeString(files.resolve("tom.txt"), "");
        try (Browser browser = Browser.open(app.url, "researcher-upload")) {
            browser.logIn("forskare", "forskare");
            browser.go("/ladda-upp");
            // "Standard" says what it means for the type chosen: no workshop record is made researchers-only unawares.
            WebElement standard = browser.find(By.id("visibility-default"));
            assertThat(standard.getText()).isEqualTo("Standard: bara forskare, eftersom ingen typ är vald (välj typ för att dela med piloter)");
            Select type = new Select(browser.find(By.id("type")));
            type.selectByVisibleText("Workshopdokumentation");
            assertThat(standard.getText()).isEqualTo("Standard: Piloter");
            type.selectByVisibleText("Intervju");
            assertThat(standard.getText()).isEqualTo("Standard: Bara forskare");
            type.selectByIndex(0);
            browser.find(By.id("files")).sendKeys(note + "\n" + empty);
            browser.driver().findElement(By.id("visibility")).sendKeys("Alla");
            browser.driver().findElement(By.id("send")).click();

            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
                    d.findElements(By.cssSelector("#progress li[data-status=indexed]")).size() == 1
                            && d.findElements(By.cssSelector("#progress li[data-status=failed]")).size() == 1);
            WebElement failed = browser.find(By.cssSelector("#progress li[data-status=failed]"));
            assertThat(failed.getText()).contains("tom.txt").contains("Misslyckades");
            assertThat(failed.findElement(By.className("detail")).getText()).isEqualTo("Filen är tom.");
            assertThat(browser.find(By.cssSelector("#progress li[data-status=indexed]")).getText()).contains("webbanteckning.txt").contains("Klar");
            assertThat(browser.find(By.cssSelector("#progress li[data-status=indexed] a.name")).getAttribute("href"))
                    .as("the row opens its document").contains("/dokument/");
        }
    }

    @Test
    void aDoubleClickedUploadSendsTheFileOnce(@TempDir Path files) throws Exception {
        Path note = Files.writeString(files.resolve("dubbelklick.txt"), "Anteckning om samverkan kring dubbelklickade formulär.");
        try (Browser browser = Browser.open(app.url, "researcher-double-submit")) {
            browser.logIn("forskare", "forskare");
            browser.go("/ladda-upp");
            browser.find(By.id("files")).sendKeys(note.toString());
            WebElement send = browser.driver().findElement(By.id("send"));
            // Two clicks in the same turn of the page's event loop: an impatient double click, or a stuck mouse.
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click(); arguments[0].click();", send);

            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
                    d.findElements(By.cssSelector("#progress li[data-status=indexed]")).size() == 1);
            assertThat(browser.driver().findElements(By.cssSelector("#progress li"))).hasSize(1);
        }
        assertThat(app.documents(researcher).stream().filter(document -> "dubbelklick.txt".equals(document.getString("filename"))))
                .as("one document, not an original and a duplicate").hasSize(1);
    }

    @Test
    void aPilotIsRefusedTheUploadPage() throws Exception {
        try (Browser browser = Browser.open(app.url, "pilot-upload-refused")) {
            browser.logIn("pilot", "pilot");
            assertThat(browser.driver().findElements(By.linkText("Ladda upp"))).isEmpty();
            browser.go("/ladda-upp");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Ingen behörighet");
        }
    }

    @Test
    void theHeaderShowsWhoIsLoggedInAndLogoutEndsTheSession() throws Exception {
        try (Browser browser = Browser.open(app.url, "researcher-logout")) {
            browser.logIn("forskare", "forskare");
            browser.go("/sok");
            assertThat(browser.find(By.cssSelector(".session .user")).getText()).contains("forskare").contains("(forskare)");
            assertThat(browser.driver().findElements(By.linkText("Ladda upp"))).isNotEmpty();

            browser.find(By.cssSelector(".session form button")).click();
            // The logout goes through Keycloak and back home; leaving before it is back would cut it short.
            browser.find(By.linkText("Logga in"));
            browser.go("/sok");

            assertThat(browser.find(By.linkText("Logga in")).isDisplayed()).isTrue();
            browser.go("/login");
            assertThat(browser.find(By.id("username")).isDisplayed()).as("Keycloak asks again: its session ended too").isTrue();
        }
    }

    @Test
    void tenThousandPastedCharactersStillGiveAResultPage() throws Exception {
        try (Browser browser = Browser.open(app.url, "long-query")) {
            browser.go("/sok?q=" + URLEncoder.encode("vård ".repeat(2000), StandardCharsets.UTF_8));

            assertThat(browser.find(By.cssSelector(".total")).getText()).matches("\\d+ träff(ar)?");
        }
    }
}
