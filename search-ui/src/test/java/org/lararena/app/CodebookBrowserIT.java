package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lararena.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * Kodbok in a real browser: a researcher finds the page in the menu, chooses a concept in the tree, adds a concept
 * under it from the keyboard and sees it saved in the tree; a label another concept has is refused with the rule in
 * an alert; a pilot has no Kodbok in the menu.
 */
@WithApplication
class CodebookBrowserIT {

    private static RunningApplication app;

    @Test
    void aResearcherAddsAConceptFromTheKeyboardAndAClashIsRefusedWithTheRule() throws Exception {
        try (Browser browser = Browser.open(app.url, "codebook-researcher")) {
            browser.logIn("forskare", "forskare");
            browser.go("/sok");
            browser.find(By.cssSelector("#main-nav a[href='/kodbok']")).click();
            browser.find(By.xpath("//ul[@class='codebook-tree']//a[normalize-space(.)='Fast läkarkontakt']")).click();
            browser.awaitText(By.id("valt-rubrik"), "Fast läkarkontakt");
            assertThat(browser.find(By.id("valt-rubrik")).getText()).isEqualTo("Fast läkarkontakt");
            assertThat(new Select(browser.find(By.id("add-broader"))).getFirstSelectedOption().getText().strip()).isEqualTo("Fast läkarkontakt");

            browser.find(By.id("add-labelSv")).sendKeys("Hembesöksläkare");
            browser.find(By.id("add-definition")).sendKeys("En läkare som gör hembesök hos patienter som inte kan komma till mottagningen.");
            browser.find(By.id("add-synonyms")).sendKeys("hembesöksläkaren", Keys.ENTER, "läkare på hembesök");
            browser.find(By.id("add-colour")).sendKeys("#7b3f00", Keys.ENTER);

            assertThat(browser.find(By.cssSelector("p.notice[role='status']")).getText()).contains("Ändringen är sparad").contains("+kodbok.1");
            assertThat(browser.find(By.id("valt-rubrik")).getText()).isEqualTo("Hembesöksläkare");
            assertThat(browser.find(By.cssSelector(".codebook-tree a[aria-current]")).getText()).isEqualTo("Hembesöksläkare");
            assertThat(browser.pageText()).contains("forskare lade till ”Hembesöksläkare” under ”Fast läkarkontakt”");

            browser.find(By.id("add-labelSv")).sendKeys("Hembesöksläkare");
            browser.find(By.id("add-definition")).sendKeys("Samma etikett igen.");
            browser.find(By.cssSelector("form.codebook-add button[type='submit']")).click();
            assertThat(browser.find(By.cssSelector("p.error[role='alert']")).getText())
                    .contains("Ändringen gjordes inte").contains("UniqueLabelInScheme");
        }
        try (Browser browser = Browser.open(app.url, "codebook-pilot")) {
            browser.logIn("pilot", "pilot");
            browser.go("/sok");
            assertThat(browser.driver().findElements(By.cssSelector("#main-nav a[href='/kodbok']"))).isEmpty();
        }
    }
}
