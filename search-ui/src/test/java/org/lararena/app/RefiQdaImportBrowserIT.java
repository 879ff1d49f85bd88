package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.Concept;
import org.lararena.ontology.OntologyLoader;
import org.lararena.web.Axe;
import org.lararena.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The import forms in a real browser, as a researcher without scripts would use them: a QDC codebook chosen on Kodbok
 * is previewed with its new code preset to become a concept, and imported; a QDPX project chosen on Dokument is
 * previewed, its unmatched code set to "Nytt begrepp", and imported with its coding on that new concept.
 */
@WithApplication
class RefiQdaImportBrowserIT {

    private static final String TEXT = "Vi pratade om hembesök och om trygghetsvandringar i området.";

    private static RunningApplication app;
    @TempDir
    Path files;

    @Test
    void aResearcherImportsACodebookAndAProjectThroughThePreview() throws Exception {
        Concept theme = OntologyLoader.fromClasspath().topThemes().get(0);
        Path qdc = Files.writeString(files.resolve("kodbok.qdc"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"AA000000-0000-0000-0000-000000000001\" name=\""
                + theme.labelSv() + "\" isCodable=\"true\"><Code guid=\"AA000000-0000-0000-0000-000000000002\" name=\"Hembesök\""
                + " isCodable=\"true\"/></Code></Codes></CodeBook>\n");
        int start = TEXT.indexOf("trygghetsvandringar");
        Path qdpx = files.resolve("projekt.qdpx");
        try (OutputStream out = Files.newOutputStream(qdpx); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("project.qde"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Vandringar\">"
                    + "<CodeBook><Codes><Code guid=\"BB000000-0000-0000-0000-000000000001\" name=\"Trygghetsvandring\" isCodable=\"true\"/>"
                    + "</Codes></CodeBook><Sources><TextSource guid=\"DD000000-0000-0000-0000-000000000001\" name=\"Samtalet\">"
                    + "<PlainTextContent>" + TEXT + "</PlainTextContent><PlainTextSelection guid=\"EE000000-0000-0000-0000-000000000001\""
                    + " startPosition=\"" + start + "\" endPosition=\"" + (start + "trygghetsvandringar".length()) + "\">"
                    + "<Coding guid=\"EE000000-0000-0000-0000-000000000002\"><CodeRef targetGUID=\"BB000000-0000-0000-0000-000000000001\"/>"
                    + "</Coding></PlainTextSelection></TextSource></Sources></Project>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        try (Browser browser = Browser.open(app.url, "import-researcher")) {
            browser.logIn("forskare", "forskare");
            browser.go("/kodbok");
            browser.find(By.id("import-qdc")).sendKeys(qdc.toString());
            browser.find(By.cssSelector("form.import button[type='submit']")).click();
            browser.awaitText(By.tagName("h1"), "Importera en kodbok (QDC)");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Importera en kodbok (QDC)");
            Select newCode = new Select(browser.find(By.name("kod.aa000000-0000-0000-0000-000000000002")));
            assertThat(newCode.getFirstSelectedOption().getText()).isEqualTo("Nytt begrepp: Hembesök");
            assertThat(Axe.seriousViolations(browser)).as("axe-core on the preview").isEmpty();
            assertThat(new Select(browser.find(By.name("kod.aa000000-0000-0000-0000-000000000001"))).getFirstSelectedOption().getText().strip())
                    .isEqualTo(theme.labelSv());
            browser.find(By.cssSelector("form.import-mapping button[type='submit']")).click();
            browser.awaitText(By.cssSelector("p[role='status']"), "Kodboken är importerad");
            assertThat(browser.find(By.cssSelector("p[role='status']")).getText()).contains("Kodboken är importerad: 1 nytt begrepp");
            assertThat(Axe.seriousViolations(browser)).as("axe-core on the result").isEmpty();
            browser.go("/kodbok");
            assertThat(browser.find(By.cssSelector(".codebook-tree")).getText()).contains("Hembesök");

            browser.go("/dokument");
            browser.find(By.id("import-qdpx")).sendKeys(qdpx.toString());
            browser.find(By.cssSelector("form.import button[type='submit']")).click();
            Select code = new Select(browser.find(By.name("kod.bb000000-0000-0000-0000-000000000001")));
            assertThat(code.getFirstSelectedOption().getText()).as("a code that matches nothing is skipped unless chosen").isEqualTo("Hoppa över");
            code.selectByValue("_skapa");
            browser.find(By.cssSelector("form.import-mapping button[type='submit']")).click();
            browser.awaitText(By.cssSelector("p[role='status']"), "Importen är klar");
            assertThat(browser.find(By.cssSelector("p[role='status']")).getText())
                    .contains("Importen är klar: 1 dokument, 1 kodning med 1 begrepp (1 nytt)");
        }
    }
}
