package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.web.Axe;
import org.lararena.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every page on a phone (390 px) and a desktop (1400 px), as a researcher, a pilot and someone not logged in, over
 * the demo documents: nothing scrolls sideways, axe-core finds no serious or critical violation, and a screenshot
 * of each page at each width goes to {@code target/screenshots/pages/}. Then the things a walkthrough missed, each
 * asserted as a user would notice it.
 */
@WithApplication(demoData = true)
class PagesOnAnyScreenBrowserIT {

    private static final int PHONE = 390;
    private static final int DESKTOP = 1400;
    private static final Path SCREENSHOTS = Path.of("target/screenshots/pages");

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    private static String restrictedInterviewId;
    /** The Örebro steering group's notes: meeting notes with a bullet list and annotations. */
    private static String meetingNotesId;

    @BeforeAll
    static void findDocuments() throws Exception {
        restrictedInterviewId = app.documentId(researcher, document -> "restricted".equals(document.getString("visibility")));
        meetingNotesId = app.documentId(researcher, document -> "motesanteckningar-styrgrupp-orebro.md".equals(document.getString("filename")));
    }

    @Test
    void everyPageFitsAPhoneAndADesktopWithoutSeriousAccessibilityViolations() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        try (Browser browser = Browser.open(app.url, "pages-anonymous")) {
            checkPages(browser, "anonym", pages("/sok", "/sok?q=samverkan", "/moduler", "/insikter", "/dokument/" + restrictedInterviewId), softly);
        }
        try (Browser browser = Browser.open(app.url, "pages-pilot")) {
            browser.logIn("pilot", "pilot");
            checkPages(browser, "pilot", pages("/sok?q=v%C3%A5rd", "/dokument", "/ladda-upp", "/analys"), softly);
        }
        try (Browser browser = Browser.open(app.url, "pages-researcher")) {
            browser.logIn("forskare", "forskare");
            browser.go("/moduler");
            String module = browser.find(By.cssSelector("main a[href^='/moduler/']")).getAttribute("href");
            checkPages(browser, "forskare", pages("/sok", "/sok?q=kontinuitet&theme=" + URLEncoder.encode(firstTheme(browser), StandardCharsets.UTF_8),
                    "/dokument", "/dokument/" + restrictedInterviewId, "/dokument/" + meetingNotesId, "/kodning/" + meetingNotesId,
                    "/ladda-upp", "/analys", "/kodbok", "/kodbok?begrepp=fast-lakarkontakt", "/insikter", "/insikter/ny", "/moduler", module.substring(module.indexOf("/moduler/")), "/finns-inte"), softly);
        }
        softly.assertAll();
    }

    private static Map<String, String> pages(String... paths) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : paths) {
            pages.put(path.replaceAll("[^A-Za-z0-9åäöÅÄÖ-]+", "_").replaceAll("^_|_$", ""), path);
        }
        return pages;
    }

    private static void checkPages(Browser browser, String role, Map<String, String> pages, SoftAssertions softly) throws Exception {
        for (int width : List.of(DESKTOP, PHONE)) {
            browser.resize(width);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.go(page.getValue());
                awaitSettled(browser);
                long innerWidth = (Long) browser.script("return window.innerWidth");
                long scrollWidth = (Long) browser.script("return document.scrollingElement.scrollWidth");
                softly.assertThat(innerWidth).as("%s at %d px: the window is as wide as asked", page.getValue(), width).isEqualTo(width);
                softly.assertThat(scrollWidth).as("%s as %s at %d px scrolls sideways (widest: %s)", page.getValue(), role, width, widest(browser))
                        .isLessThanOrEqualTo(innerWidth);
                browser.screenshot(SCREENSHOTS.resolve(role + "-" + (page.getKey().isEmpty() ? "start" : page.getKey()) + "-" + width + ".png"));
                softly.assertThat(Axe.seriousViolations(browser)).as("axe-core on %s as %s at %d px", page.getValue(), role, width).isEmpty();
            }
        }
    }

    /** Waits until the page and its scripts are done: loaded, and the Analys charts drawn. */
    private static void awaitSettled(Browser browser) {
        browser.await(d -> "complete".equals(browser.script("return document.readyState"))
                && Boolean.TRUE.equals(browser.script("const a = document.getElementById('analysis'); return !a || a.dataset.ready === 'true';")));
    }

    /** The element reaching furthest right, for a readable failure. */
    private static String widest(Browser browser) {
        return String.valueOf(browser.script("""
                let widest = null, right = 0;
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect().right;
                  if (r > right) { right = r; widest = e; }
                }
                return widest ? widest.tagName + '.' + widest.className + ' ' + Math.round(right) + 'px' : '';
                """));
    }

    private static String firstTheme(Browser browser) {
        browser.go("/sok");
        String href = browser.find(By.cssSelector(".theme-facet a")).getAttribute("href");
        return URLDecoder.decode(href.substring(href.indexOf("theme=") + 6).split("&")[0], StandardCharsets.UTF_8);
    }

    @Test
    void onAPhoneTheMenuOpensFromAButtonAndTheHitsStartNearTheTop() throws Exception {
        try (Browser browser = Browser.open(app.url, "phone-menu")) {
            browser.logIn("forskare", "forskare");
            browser.resize(PHONE);
            browser.go("/sok?q=samverkan");
            WebElement modules = browser.driver().findElement(By.cssSelector("#main-nav a[href='/moduler']"));
            assertThat(modules.isDisplayed()).as("the navigation is folded").isFalse();
            WebElement menu = browser.find(By.cssSelector("button.menu-toggle"));
            assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
            menu.click();
            assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(modules.isDisplayed()).isTrue();
            assertThat(modules.getRect().getX() + modules.getRect().getWidth()).as("Lärmoduler is on the screen").isLessThanOrEqualTo(PHONE);
            menu.click();

            WebElement firstHit = browser.find(By.cssSelector(".hit h3 a"));
            assertThat(firstHit.getRect().getY()).as("the first hit starts within the first screen").isLessThan(700);
            WebElement filters = browser.driver().findElement(By.cssSelector("details.filters"));
            assertThat(filters.getAttribute("open")).as("the facets are folded behind Filter").isNull();
            filters.findElement(By.tagName("summary")).click();
            assertThat(browser.find(By.cssSelector(".theme-facet a")).isDisplayed()).isTrue();

            browser.resize(DESKTOP);
            assertThat(browser.find(By.cssSelector(".theme-facet a")).isDisplayed()).as("on a desktop the facets are open").isTrue();
            assertThat(menu.isDisplayed()).as("and the navigation needs no button").isFalse();
            assertThat(modules.isDisplayed()).isTrue();
        }
    }

    @Test
    void onAPhoneDocumentsAreCardsChartsFitAndALongTitleStaysShort() throws Exception {
        try (Browser browser = Browser.open(app.url, "phone-documents")) {
            browser.logIn("forskare", "forskare");
            browser.resize(PHONE);
            browser.go("/dokument");
            WebElement table = browser.find(By.cssSelector("table.documents"));
            assertThat(table.getRect().getWidth()).as("the list is as wide as the screen, not 1,274 px").isLessThanOrEqualTo(PHONE);
            assertThat(browser.find(By.cssSelector("table.documents tbody tr")).getCssValue("display")).isEqualTo("block");
            assertThat(browser.find(By.cssSelector("table.documents tbody tr td:nth-child(2)")).getText()).as("each value is labelled in a card")
                    .isNotBlank();

            browser.go("/analys");
            awaitSettled(browser);
            for (WebElement canvas : browser.driver().findElements(By.cssSelector(".chart canvas"))) {
                assertThat(canvas.getRect().getWidth()).as("a chart fits the phone").isLessThanOrEqualTo(PHONE);
            }
            browser.resize(DESKTOP);
            browser.await(d ->
                    d.findElement(By.cssSelector("#chart-matrix canvas")).getRect().getWidth() > PHONE);

            browser.resize(PHONE);
            browser.go("/dokument/" + restrictedInterviewId);
            WebElement heading = browser.find(By.tagName("h1"));
            double lineHeight = Double.parseDouble(heading.getCssValue("line-height").replace("px", ""));
            assertThat(heading.getRect().getHeight() / lineHeight).as("the heading wraps to at most three lines: %s", heading.getText())
                    .isLessThanOrEqualTo(3.05);
        }
    }

    @Test
    void errorPagesKeepTheHeaderSpeakSwedishAndOfferLoginOnlyToThoseLoggedOut() throws Exception {
        try (Browser browser = Browser.open(app.url, "error-pages")) {
            browser.go("/dokument/" + restrictedInterviewId);
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sidan finns inte");
            assertThat(browser.find(By.cssSelector(".error-detail")).getText()).contains("Här finns ingen sida");
            assertThat(browser.pageText()).doesNotContain("no document").doesNotContain("INTERVJUARE");
            assertThat(browser.find(By.cssSelector("header.top nav")).getText()).contains("Sök");
            assertThat(browser.driver().findElements(By.linkText("Logga in"))).isNotEmpty();

            browser.logIn("pilot", "pilot");
            browser.go("/ladda-upp");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Ingen behörighet");
            assertThat(browser.find(By.cssSelector(".error-detail")).getText()).contains("Din roll får inte");
            assertThat(browser.pageText()).doesNotContain("your role");
            assertThat(browser.find(By.cssSelector(".session .user")).getText()).contains("pilot");
            assertThat(browser.driver().findElements(By.linkText("Logga in"))).as("the pilot is logged in already").isEmpty();
            browser.go("/finns-inte");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sidan finns inte");
            assertThat(browser.driver().findElements(By.linkText("Logga in"))).isEmpty();
            assertThat(browser.driver().findElements(By.linkText("Dokument"))).as("the navigation of the pilot's role").isNotEmpty();
        }
    }

    @Test
    void loggingInLooksLikeLararenaKeepsTheLanguageAndReturnsToThePageYouWereOn() throws Exception {
        try (Browser browser = Browser.open(app.url, "login-returns")) {
            // Reading in English, the login is in English too, whatever the browser's own language.
            browser.go("/moduler?lang=en");
            browser.find(By.linkText("Log in")).click();
            assertThat(browser.find(By.id("kc-login")).getText()).isEqualTo("Sign In");
            assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            browser.go("/moduler?lang=sv");

            browser.find(By.linkText("Kontinuitet ur patientens perspektiv")).click();
            browser.find(By.cssSelector(".module-body"));
            String module = browser.driver().getCurrentUrl();
            browser.find(By.linkText("Logga in")).click();
            // Keycloak's page in Swedish, with Lärarena's name, header and stylesheet (the project's login theme).
            WebElement submit = browser.find(By.id("kc-login"));
            assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("sv");
            assertThat(submit.getText()).isEqualTo("Logga in");
            assertThat(browser.driver().findElement(By.cssSelector("label[for='username']")).getText()).isEqualTo("Användarnamn eller e-post");
            assertThat(browser.driver().findElement(By.cssSelector("label[for='password']")).getText()).isEqualTo("Lösenord");
            assertThat(browser.driver().findElement(By.id("kc-header-wrapper")).getText()).startsWith("Lärarena");
            assertThat(browser.driver().findElements(By.cssSelector("link[rel='stylesheet'][href$='/css/lararena.css']"))).hasSize(1);
            assertThat(browser.script("return getComputedStyle(document.querySelector('.pf-v5-c-login__header')).backgroundColor"))
                    .as("the application's header colour").isEqualTo("rgb(18, 48, 79)");
            for (int width : List.of(DESKTOP, PHONE)) {
                browser.resize(width);
                browser.screenshot(SCREENSHOTS.resolve("anonym-login-" + width + ".png"));
                assertThat((Long) browser.script("return document.scrollingElement.scrollWidth"))
                        .isLessThanOrEqualTo((Long) browser.script("return window.innerWidth"));
            }
            browser.find(By.id("username")).sendKeys("deltagare");
            browser.driver().findElement(By.id("password")).sendKeys("deltagare");
            browser.driver().findElement(By.id("kc-login")).click();
            browser.await(d -> d.getCurrentUrl().startsWith(app.url.toString()));
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(module);
            assertThat(browser.find(By.cssSelector(".session .user")).getText()).contains("deltagare");
        }
    }

    @Test
    void aLearningModuleReadsFirstHasOneHeadingAndItsThemeChipsFilterSearch() throws Exception {
        try (Browser browser = Browser.open(app.url, "module-page")) {
            browser.go("/moduler");
            browser.find(By.linkText("Kontinuitet ur patientens perspektiv")).click();
            browser.find(By.cssSelector(".module-body"));
            assertThat(browser.driver().findElements(By.tagName("h1"))).as("the title once").hasSize(1);
            Boolean bodyFirst = (Boolean) browser.script("""
                    const body = document.querySelector('.module-body'), chips = document.querySelector('article .chips');
                    return !!(body && chips && (body.compareDocumentPosition(chips) & Node.DOCUMENT_POSITION_FOLLOWING));""");
            assertThat(bodyFirst).as("the module's text comes before its links").isTrue();
            WebElement chip = browser.find(By.cssSelector("article .chips a"));
            assertThat(chip.getAttribute("href")).as("a theme chip filters by theme, as on Insikter").contains("theme=").doesNotContain("q=");
            // A chip of an unreviewed suggestion also says "förslag": the filter bar names the theme alone.
            String theme = chip.getText().replaceFirst(" förslag$", "");
            chip.click();
            browser.awaitText(By.cssSelector(".active-filters"), "Tema: " + theme);
            assertThat(browser.find(By.cssSelector(".active-filters")).getText()).contains("Tema: " + theme);
        }
    }

    @Test
    void theDocumentListSearchesFiltersSortsPagesAndSpeaksSwedish() throws Exception {
        try (Browser browser = Browser.open(app.url, "document-list")) {
            browser.logIn("forskare", "forskare");
            browser.go("/dokument");
            String text = browser.find(By.cssSelector("table.documents")).getText();
            assertThat(text).doesNotContain("indexed").doesNotContain("restricted").doesNotContain("motesanteckningar")
                    .contains("Mötesanteckningar").contains("Bara forskare").contains("Klar");

            new Select(browser.find(By.name("type"))).selectByVisibleText("Intervju");
            browser.driver().findElement(By.cssSelector("form.document-filters button")).click();
            browser.awaitUrl("type=intervju");
            List<String> types = columnTexts(browser, 2);
            assertThat(types).isNotEmpty().containsOnly("Intervju");

            browser.go("/dokument?sort=title");
            List<String> titles = columnTexts(browser, 1);
            Collator swedish = Collator.getInstance(Locale.forLanguageTag("sv"));
            assertThat(titles).isSortedAccordingTo((a, b) -> swedish.compare(a.toLowerCase(), b.toLowerCase()));

            browser.find(By.name("q")).sendKeys("workshop\n");
            browser.awaitUrl("q=workshop");
            assertThat(columnTexts(browser, 1)).isNotEmpty().allSatisfy(title -> assertThat(title.toLowerCase() + " "
                    + browser.pageText().toLowerCase()).contains("workshop"));
            assertThat(columnTexts(browser, 1).size()).isLessThan(titles.size());

            browser.go("/dokument?size=5&sort=title");
            assertThat(browser.find(By.cssSelector("p.total")).getText()).matches("1–5 av \\d+ dokument");
            assertThat(columnTexts(browser, 1)).hasSize(5).isEqualTo(titles.subList(0, 5));
            browser.find(By.cssSelector(".pager a[rel=next]")).click();
            browser.awaitUrl("page=1");
            assertThat(browser.find(By.cssSelector("p.total")).getText()).startsWith("6–10 av");
            assertThat(columnTexts(browser, 1)).isEqualTo(titles.subList(5, 10));
            browser.find(By.cssSelector(".pager a[rel=prev]")).click();
            browser.awaitUrl("page=0");
            assertThat(browser.find(By.cssSelector("p.total")).getText()).startsWith("1–5 av");
        }
    }

    private static List<String> columnTexts(Browser browser, int column) {
        browser.find(By.cssSelector("table.documents"));
        List<String> texts = new ArrayList<>();
        for (WebElement cell : browser.driver().findElements(By.cssSelector("table.documents tbody td:nth-child(" + column + ")"))) {
            texts.add(cell.getAttribute("textContent").strip());
        }
        return texts;
    }

    @Test
    void searchesThatAreNotSearchesSaySoAndALongPasteSaysItWasCut() throws Exception {
        try (Browser browser = Browser.open(app.url, "not-a-search")) {
            for (String query : List.of("\"", "-", "OR OR", "*", "(", "\\")) {
                browser.go("/sok?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                assertThat(browser.find(By.cssSelector(".not-a-search")).getText()).as(query).contains("inga ord att söka på");
                assertThat(browser.driver().findElements(By.cssSelector(".hit"))).as("no hits for %s", query).isEmpty();
                assertThat(browser.driver().findElements(By.cssSelector(".total"))).as("no count for %s", query).isEmpty();
            }
            browser.go("/sok?q=" + URLEncoder.encode("vård ".repeat(2000), StandardCharsets.UTF_8));
            assertThat(browser.find(By.cssSelector(".query-cut")).getText().replace('\u00a0', ' ')).contains("10 000 tecken").contains("första 1 000");
            assertThat(browser.find(By.cssSelector(".total")).getText()).matches("\\d+ träff(ar)?");
        }
    }

    @Test
    void pagingSaysWhereYouAreAndTheKeyboardSkipsToTheHits() throws Exception {
        try (Browser browser = Browser.open(app.url, "paging")) {
            browser.go("/sok");
            long total = Long.parseLong(browser.find(By.cssSelector(".total")).getText().split(" ")[0]);
            assertThat(browser.find(By.cssSelector(".pager .range")).getText()).isEqualTo("1–10 av " + total + " träffar");
            browser.find(By.cssSelector(".pager a[rel=next]")).click();
            browser.awaitUrl("page=1");
            assertThat(browser.find(By.cssSelector(".pager .range")).getText()).isEqualTo("11–20 av " + total + " träffar");
            browser.find(By.cssSelector(".pager a[rel=prev]")).click();
            browser.await(d -> !d.getCurrentUrl().contains("page="));
            assertThat(browser.find(By.cssSelector(".pager .range")).getText()).startsWith("1–10 av");

            browser.go("/sok?q=samverkan");
            WebElement body = browser.driver().findElement(By.tagName("body"));
            int presses = 0;
            while (presses < 20 && !"skip-hits".equals(browser.driver().switchTo().activeElement().getAttribute("class"))) {
                browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
                presses++;
            }
            assertThat(presses).as("Tab presses to reach \"Hoppa till träffar\"").isLessThan(20);
            assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Hoppa till träffar");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("href")).as("the next Tab is the first hit").contains("/dokument/");
            assertThat(body).isNotNull();
        }
    }

    @Test
    void filtersShowAsABarWithClearAllSayHowThemesCombineAndChipsFilter() throws Exception {
        try (Browser browser = Browser.open(app.url, "filters")) {
            browser.logIn("forskare", "forskare");
            browser.go("/sok?q=v%C3%A5rd");
            long before = Long.parseLong(browser.find(By.cssSelector(".total")).getText().split(" ")[0]);
            assertThat(browser.driver().findElements(By.xpath("//aside//section[h2='Talarroll']"))).as("interviews have speaker roles").isNotEmpty();
            WebElement chip = browser.find(By.cssSelector("ol.hits:not(.same-document) > li.hit > ul.chips a"));
            // A chip of an unreviewed suggestion also says "förslag": the filter bar names the theme alone.
            String theme = chip.getText().replaceFirst(" förslag$", "");
            chip.click();
            browser.awaitUrl("theme=");
            long narrowed = Long.parseLong(browser.find(By.cssSelector(".total")).getText().split(" ")[0]);
            assertThat(narrowed).isPositive().isLessThanOrEqualTo(before);
            assertThat(browser.find(By.cssSelector(".active-filters")).getText()).contains("Tema: " + theme).contains("Rensa alla");

            List<WebElement> otherThemes = browser.driver().findElements(By.cssSelector(".theme-facet > ul.tree > li > a:not(.chosen)"));
            otherThemes.get(0).click();
            browser.await(d -> d.getCurrentUrl().split("theme=").length == 3);
            assertThat(browser.driver().findElements(By.cssSelector(".active-filters .chips li"))).hasSize(2);
            assertThat(browser.find(By.cssSelector(".active-filters .combine")).getText()).contains("minst ett").contains("(eller)");

            browser.find(By.linkText("Rensa alla")).click();
            browser.await(d -> !d.getCurrentUrl().contains("theme="));
            assertThat(browser.driver().findElements(By.cssSelector(".active-filters"))).isEmpty();
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("theme=").contains("q=v%C3%A5rd");

            browser.go("/sok?type=rapport");
            assertThat(browser.find(By.cssSelector(".total")).getText()).doesNotStartWith("0");
            assertThat(browser.driver().findElements(By.xpath("//aside//section[h2='Talarroll']"))).as("reports have no speaker roles: no empty facet")
                    .isEmpty();
            assertThat(browser.find(By.cssSelector(".active-filters")).getText()).contains("Dokumenttyp: Rapport");
        }
    }

    @Test
    void hitsOfOneDocumentAreGroupedAndTextKeepsItsLines() throws Exception {
        try (Browser browser = Browser.open(app.url, "grouped-hits")) {
            browser.logIn("forskare", "forskare");
            browser.go("/sok?q=hemtj%C3%A4nsten&size=30");
            List<String> documents = new ArrayList<>();
            for (WebElement hit : browser.driver().findElements(By.cssSelector("ol.hits:not(.same-document) > li.hit"))) {
                documents.add(hit.getAttribute("data-document"));
            }
            assertThat(documents).as("each document once in the list").doesNotHaveDuplicates().isNotEmpty();
            WebElement more = browser.find(By.cssSelector(".more-in-document summary"));
            assertThat(more.getText()).matches("(\\d+ fler träffar|1 träff till) i dokumentet");
            more.click();
            assertThat(browser.find(By.cssSelector(".more-in-document .hit a")).isDisplayed()).isTrue();

            browser.go("/dokument/" + meetingNotesId);
            WebElement bulleted = browser.find(By.xpath("//li[contains(@class,'passage')]//p[contains(@class,'text')][contains(., 'Anteckningarna från juni')]"));
            assertThat(bulleted.getText()).as("a list keeps its lines").contains("\n");
        }
    }

    @Test
    void themesAreToldApartByLetterAndTintTheirSpansAreReachableByKeyAndTheLegendShowsOneAlone() throws Exception {
        try (Browser browser = Browser.open(app.url, "theme-legend")) {
            browser.logIn("forskare", "forskare");
            browser.go("/dokument/" + meetingNotesId);
            browser.await(d -> !d.findElements(By.cssSelector(".passage .ann")).isEmpty());

            List<WebElement> legend = browser.driver().findElements(By.cssSelector(".legend li[data-theme]"));
            assertThat(legend).hasSizeGreaterThan(10);
            List<String> letters = legend.stream().map(li -> li.findElement(By.className("badge")).getText()).toList();
            assertThat(letters).doesNotHaveDuplicates().allMatch(letter -> !letter.isBlank());
            List<double[]> tints = legend.stream().map(li -> lab(li.getCssValue("background-color"))).toList();
            double closest = Double.MAX_VALUE;
            for (int i = 0; i < tints.size(); i++) {
                for (int j = i + 1; j < tints.size(); j++) {
                    closest = Math.min(closest, Math.sqrt(Math.pow(tints.get(i)[0] - tints.get(j)[0], 2) + Math.pow(tints.get(i)[1] - tints.get(j)[1], 2)
                            + Math.pow(tints.get(i)[2] - tints.get(j)[2], 2)));
                }
            }
            assertThat(closest).as("the two closest theme tints differ by a colour difference (CIE76 ΔE) of at least 8").isGreaterThanOrEqualTo(8);

            WebElement span = browser.find(By.cssSelector(".passage .ann"));
            assertThat(span.getAttribute("tabindex")).isEqualTo("0");
            assertThat((String) browser.script("return getComputedStyle(arguments[0], '::before').content", span)).as("the theme's letter")
                    .matches("\"[A-Z0-9]+\"");
            browser.script("arguments[0].focus()", span);
            String shownLabel = (String) browser.script("return getComputedStyle(arguments[0], '::after').content", span);
            assertThat(shownLabel).as("the label shows on focus").isNotIn("none", "normal", "\"\"").contains(span.getAttribute("aria-label"));

            String spanTheme = Arrays.stream(span.getAttribute("class").split(" ")).filter(c -> c.startsWith("theme-")).findFirst().orElseThrow();
            WebElement toggle = browser.find(By.cssSelector(".legend li." + spanTheme + " button.legend-toggle"));
            toggle.click();
            assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
            List<WebElement> spans = browser.driver().findElements(By.cssSelector(".passage .ann"));
            assertThat(spans).filteredOn(s -> !s.getAttribute("class").contains("dimmed")).isNotEmpty()
                    .allMatch(s -> s.getAttribute("class").contains(spanTheme));
            toggle.click();
            assertThat(browser.driver().findElements(By.cssSelector(".passage .ann.dimmed"))).as("all themes again").isEmpty();
        }
    }

    /** A CSS rgb()/rgba() colour in CIELAB (D65). */
    private static double[] lab(String css) {
        String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Double.parseDouble(parts[i]) / 255;
            rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        DoubleUnaryOperator f = t -> t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
        return new double[] {116 * f.applyAsDouble(y) - 16, 500 * (f.applyAsDouble(x) - f.applyAsDouble(y)), 200 * (f.applyAsDouble(y) - f.applyAsDouble(z))};
    }
}
