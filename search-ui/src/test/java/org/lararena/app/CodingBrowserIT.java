package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * Kodning, the theme tree, and the English pages in a real browser with real Keycloak logins, over two public
 * documents of our own writing.
 */
@WithApplication
class CodingBrowserIT {

    private static final String CONTINUITY = """
            Patienterna i Kil har nu fast läkarkontakt på vårdcentralen. Kontinuiteten blev bättre när samma läkare \
            träffar samma patient vid varje besök, och patienterna slipper berätta sin historia om och om igen.""";
    private static final String COLLABORATION = """
            Samverkansforum mellan regionen och kommunen träffas varje månad. Samverkan kring äldre med många \
            läkemedel har blivit tydligare sedan forumet började, och hemtjänsten vet vem de ska ringa.""";

    private static RunningApplication app;
    @Token("forskare")
    private static String researcherToken;
    private static String continuityId;
    private static String collaborationId;

    @BeforeAll
    static void uploadDocuments() throws Exception {
        continuityId = app.uploadIndexed(researcherToken, "kontinuitet-kil.txt", CONTINUITY, "public");
        collaborationId = app.uploadIndexed(researcherToken, "samverkan-forum.txt", COLLABORATION, "public");
    }

    @Test
    void aMemoWrittenWhenTheSessionHasEndedIsKeptAndSavedAfterLoggingInAgain() throws Exception {
        try (Browser browser = Browser.open(app.url, "coding-expired-session")) {
            browser.logIn("forskare", "forskare");
            browser.go("/kodning/" + continuityId);
            WebElement passage = browser.find(By.cssSelector(".passage[data-passage]"));
            String passageId = passage.getDomAttribute("data-passage");
            passage.click();
            browser.find(By.cssSelector(".memo-list li"));

            // The session ends mid-coding (as when it times out, or logout happens in another tab).
            browser.driver().manage().deleteCookieNamed("lararena.session");
            browser.find(By.id("memo-text")).sendKeys("Kontinuitet som patientens trygghet: jämför med intervjun i Örebro.");
            browser.driver().findElement(By.id("memo-save")).click();

            WebElement loginNeeded = browser.find(By.id("login-needed"));
            assertThat(loginNeeded.getText()).contains("gått ut");
            assertThat(memos(passageId)).as("nothing is sent without a session").isEmpty();

            loginNeeded.findElement(By.tagName("a")).click();
            List<WebElement> form = browser.driver().findElements(By.id("username"));
            if (!form.isEmpty()) { // Keycloak may still know the browser; otherwise it asks again
                form.get(0).sendKeys("forskare");
                browser.driver().findElement(By.id("password")).sendKeys("forskare");
                browser.driver().findElement(By.id("kc-login")).click();
            }
            browser.await(d -> d.getCurrentUrl().endsWith("/kodning/" + continuityId));

            browser.await(d -> d.findElement(By.id("memo-list")).getText().contains("jämför med intervjun i Örebro"));
            assertThat(browser.find(By.id("memo-list")).getText()).contains("forskare");
            assertThat(browser.find(By.id("coding-status")).getText()).contains("1");
            assertThat(browser.driver().findElement(By.id("login-needed")).isDisplayed()).isFalse();
            JsonArray stored = memos(passageId);
            assertThat(stored).hasSize(1);
            assertThat(stored.getJsonObject(0).getString("author")).isEqualTo("forskare");

            browser.driver().navigate().refresh();
            browser.find(By.cssSelector(".passage[data-passage]")).click();
            browser.await(d -> d.findElement(By.id("memo-list")).getText().contains("jämför med intervjun i Örebro"));
            assertThat(memos(passageId)).as("a reload does not send the kept memo twice").hasSize(1);
        }
    }

    @Test
    void aTagMadeAfterLoggingOutInAnotherTabIsSentOnceTheResearcherLogsInAgain() throws Exception {
        try (Browser browser = Browser.open(app.url, "coding-logged-out-elsewhere")) {
            browser.logIn("forskare", "forskare");
            browser.go("/kodning/" + continuityId);
            // The status reads "Hämtar annoteringar …" while the list loads: wait for the count.
            String count = browser.await(d -> {
                String text = d.findElement(By.id("annotations-status")).getText();
                return text.matches("\\d+ annotering(ar)?") ? text : null;
            });
            int listed = browser.driver().findElements(By.cssSelector("#annotations li")).size();
            assertThat(count).as("the status counts the annotations listed").isEqualTo(listed == 1 ? "1 annotering" : listed + " annoteringar");
            String codingTab = browser.driver().getWindowHandle();

            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.go("/sok");
            browser.find(By.cssSelector(".session form button")).click();
            browser.await(d -> !d.findElements(By.linkText("Logga in")).isEmpty());
            browser.driver().close();
            browser.driver().switchTo().window(codingTab);

            select(browser, "varje besök");
            browser.driver().findElement(By.tagName("body")).sendKeys("t");
            browser.find(By.id("concept")).sendKeys("Kontinuitet");
            browser.await(d -> d.findElement(By.cssSelector("#concept-options [aria-selected='true']")).getText().startsWith("Kontinuitet"));
            browser.driver().findElement(By.id("concept")).sendKeys(Keys.ENTER);
            WebElement loginNeeded = browser.find(By.id("login-needed"));
            assertThat(manualTags("varje besök")).as("nothing stored while logged out").isZero();

            loginNeeded.findElement(By.tagName("a")).click();
            browser.find(By.id("username")).sendKeys("forskare");
            browser.driver().findElement(By.id("password")).sendKeys("forskare");
            browser.driver().findElement(By.id("kc-login")).click();
            browser.await(d -> d.getCurrentUrl().endsWith("/kodning/" + continuityId));

            WebElement tagged = browser.find(By.xpath("//ol[@id='annotations']/li[q='varje besök']"));
            assertThat(tagged.getText()).contains("Kontinuitet");
            assertThat(manualTags("varje besök")).isEqualTo(1);
            browser.awaitText(By.id("coding-status"), "Du är inloggad igen");
            assertThat(browser.find(By.id("coding-status")).getText())
                    .as("the kept tag is counted once, in the singular").isEqualTo("Du är inloggad igen: 1 sparad åtgärd gjordes.");
        }
    }

    private static long manualTags(String exact) throws Exception {
        return new JsonArray(app.get("/api/documents/" + continuityId + "/annotations", researcherToken).body()).stream()
                .map(JsonObject.class::cast).filter(a -> exact.equals(a.getString("exact")) && "manual".equals(a.getString("origin"))).count();
    }

    @Test
    void theThemeTreeOpensFromTheKeyboardAndANarrowerConceptFiltersTheSearch() throws Exception {
        try (Browser browser = Browser.open(app.url, "theme-tree")) {
            browser.go("/sok");
            long all = total(browser);
            WebElement continuity = browser.find(By.xpath("//ul[contains(@class,'tree')]/li[a[starts-with(normalize-space(.), 'Kontinuitet')]]"));
            WebElement named = continuity.findElement(By.xpath(".//a[starts-with(normalize-space(.), 'Fast läkarkontakt')]"));
            assertThat(named.isDisplayed()).as("narrower concepts start folded").isFalse();

            WebElement twisty = continuity.findElement(By.cssSelector("button.twisty"));
            assertThat(twisty.getDomAttribute("aria-expanded")).isEqualTo("false");
            twisty.sendKeys(Keys.ENTER);
            assertThat(twisty.getDomAttribute("aria-expanded")).isEqualTo("true");
            assertThat(named.isDisplayed()).isTrue();
            assertThat(named.findElement(By.className("count")).getText()).isEqualTo("1");

            named.sendKeys(Keys.ENTER);
            browser.await(d -> d.getCurrentUrl().contains("theme="));
            assertThat(total(browser)).isEqualTo(1).isLessThan(all);
            assertThat(browser.find(By.cssSelector(".hit")).getText()).contains("fast läkarkontakt");
            assertThat(browser.find(By.cssSelector(".tree a.chosen")).isDisplayed()).as("the chosen concept's branch stays open").isTrue();
        }
    }

    @Test
    void theEnglishSwitchTurnsThePagesAndThemeLabelsIntoEnglishAndIsRemembered() throws Exception {
        try (Browser browser = Browser.open(app.url, "english")) {
            // With the annotator's suggestions: nothing is reviewed here, and a reader who is not logged in sees reviewed codes only.
            browser.go("/sok?q=samverkan&suggestions=true");
            assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("sv");
            browser.find(By.linkText("English")).click();
            browser.awaitText(By.tagName("h1"), "Search lessons learned");

            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Search lessons learned");
            assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            assertThat(browser.driver().getCurrentUrl()).contains("q=samverkan");
            assertThat(browser.pageText()).contains("Theme").contains("Collaboration").contains("Log in");
            assertThat(total(browser)).isPositive();

            browser.go("/moduler");
            assertThat(browser.find(By.cssSelector("nav")).getText()).contains("Search").contains("Learning modules");
            browser.find(By.linkText("Svenska")).click();
            browser.awaitText(By.cssSelector("nav"), "Lärmoduler");
            assertThat(browser.find(By.cssSelector("nav")).getText()).contains("Sök").contains("Lärmoduler");
        }
    }

    @Test
    void aResearcherTagsASpanAndAcceptsASuggestionThatReadersThenSeeColoured() throws Exception {
        try (Browser browser = Browser.open(app.url, "coding-tag-accept")) {
            browser.logIn("forskare", "forskare");
            browser.go("/kodning/" + continuityId);
            browser.find(By.id("annotations-status"));
            browser.await(d -> !d.findElement(By.id("annotations-status")).getText().isBlank());

            select(browser, "samma patient");
            browser.driver().findElement(By.tagName("body")).sendKeys("t");
            // A synonym from the ontology (not the preferred label): the type-ahead resolves it to its concept.
            browser.find(By.id("concept")).sendKeys("personkontinuitet");
            browser.await(d -> d.findElement(By.cssSelector("#concept-options [aria-selected='true']")).getText().startsWith("Relationskontinuitet"));
            browser.driver().findElement(By.id("concept")).sendKeys(Keys.ENTER);
            WebElement tagged = browser.find(By.xpath("//ol[@id='annotations']/li[q='samma patient']"));
            assertThat(tagged.getText()).contains("Relationskontinuitet").contains("forskare");
            assertThat(browser.find(By.id("history")).getText()).contains("samma patient");

            WebElement body = browser.driver().findElement(By.tagName("body"));
            body.sendKeys("j");
            // 'j' moves to the next suggestion: read its id from the list as it stands once the move is drawn.
            String suggestionId = browser.await(d -> {
                WebElement current = d.findElement(By.cssSelector("#annotations li.current"));
                return "suggested".equals(current.getDomAttribute("data-state")) ? current.getDomAttribute("data-id") : null;
            });
            body.sendKeys("a");
            browser.await(d -> "accepted".equals(d.findElement(By.cssSelector("#annotations li[data-id='" + suggestionId + "']"))
                    .getDomAttribute("data-state")));

            JsonArray stored = new JsonArray(app.get("/api/documents/" + continuityId + "/annotations", researcherToken).body());
            assertThat(stored.stream().map(JsonObject.class::cast))
                    .anySatisfy(a -> {
                        assertThat(a.getString("exact")).isEqualTo("samma patient");
                        assertThat(a.getString("origin")).isEqualTo("manual");
                        assertThat(a.getString("creator")).contains("forskare");
                    })
                    .anySatisfy(a -> {
                        assertThat(a.getString("id")).isEqualTo(suggestionId);
                        assertThat(a.getString("state")).isEqualTo("accepted");
                    });

            browser.go("/dokument/" + continuityId);
            WebElement span = browser.find(By.xpath("//span[contains(@class,'ann') and normalize-space(.)='samma patient']"));
            assertThat(span.getDomAttribute("class")).containsPattern("theme-\\d+");
            assertThat(browser.find(By.cssSelector(".legend")).getText()).contains("Kontinuitet");
        }
    }

    @Test
    void textIsTaggedFromTheBoxBesideTheSelectionWithTheKeyboardAloneAndUndoKeepsTheCursor() throws Exception {
        String phrase = "hemtjänsten vet vem de ska ringa";
        try (Browser browser = Browser.open(app.url, "coding-tag-popup")) {
            browser.logIn("forskare", "forskare");
            browser.go("/kodning/" + collaborationId);
            browser.await(d -> !d.findElements(By.cssSelector("#annotations li[data-state='suggested']")).isEmpty());
            JavascriptExecutor script = (JavascriptExecutor) browser.driver();
            select(browser, phrase);
            assertThat(browser.find(By.id("selection-preview")).getText()).as("the panel says what will be tagged").contains(phrase);

            WebElement body = browser.driver().findElement(By.tagName("body"));
            body.sendKeys("t");
            WebElement popup = browser.find(By.id("tag-popup"));
            browser.await(d -> popup.isDisplayed());
            assertThat(popup.getDomAttribute("role")).isEqualTo("dialog");
            assertThat(browser.find(By.id(popup.getDomAttribute("aria-labelledby"))).getText()).isEqualTo("Tagga markeringen");
            assertThat(browser.find(By.id("tag-quote")).getText()).isEqualTo(phrase);
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("concept");
            assertThat(script.executeScript("return CSS.highlights.has('tag-selection')")).as("the selection stays marked").isEqualTo(true);

            // Escape closes the box and keeps the selection, so t opens it again for the same text.
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.await(d -> !popup.isDisplayed());
            assertThat(script.executeScript("return getSelection().toString()")).isEqualTo(phrase);
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).as("focus goes back").isNotEqualTo("concept");
            browser.driver().switchTo().activeElement().sendKeys("t");
            browser.await(d -> popup.isDisplayed());

            // In the box, t is a letter like any other.
            WebElement concept = browser.driver().switchTo().activeElement();
            concept.sendKeys("Samarbete");
            assertThat(concept.getDomProperty("value")).isEqualTo("Samarbete");
            assertThat(popup.isDisplayed()).isTrue();
            browser.await(d -> d.findElement(By.cssSelector("#concept-options [aria-selected='true']")).getText()
                    .startsWith("Samarbete mellan professioner"));
            concept.sendKeys(Keys.ENTER);

            WebElement tagged = browser.find(By.xpath("//ol[@id='annotations']/li[q='" + phrase + "']"));
            assertThat(tagged.getText()).contains("Samarbete mellan professioner");
            assertThat(popup.isDisplayed()).isFalse();
            assertThat(browser.find(By.id("coding-status")).getText()).contains("Taggade");
            assertThat(browser.find(By.id("undo")).isEnabled()).as("Ångra is offered at once").isTrue();

            body.sendKeys("j");
            String currentId = browser.await(d -> d.findElement(By.cssSelector("#annotations li.current")).getDomAttribute("data-id"));
            body.sendKeys("u");
            browser.await(d -> "retracted".equals(d.findElement(By.xpath("//ol[@id='annotations']/li[q='" + phrase + "']"))
                    .getDomAttribute("data-state")));
            browser.await(d -> d.findElement(By.id("coding-status")).getText().startsWith("Ångrade"));
            WebElement current = browser.find(By.cssSelector("#annotations li.current"));
            assertThat(current.getDomAttribute("data-id")).as("undo keeps the cursor on the current item").isEqualTo(currentId);
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("data-id")).isEqualTo(currentId);

            // On a phone the box fits the screen, and Ångra stays in sight along its bottom.
            browser.resize(390);
            select(browser, phrase);
            browser.driver().switchTo().activeElement().sendKeys("t");
            browser.await(d -> popup.isDisplayed());
            assertThat(script.executeScript("""
                    const box = document.getElementById('tag-popup').getBoundingClientRect();
                    return box.left >= 0 && box.right <= document.documentElement.clientWidth
                        && document.scrollingElement.scrollWidth <= document.documentElement.clientWidth""")).isEqualTo(true);
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.await(d -> !popup.isDisplayed());
            assertThat(script.executeScript("""
                    const undo = document.getElementById('undo').getBoundingClientRect();
                    return undo.top >= 0 && undo.bottom <= innerHeight""")).as("Ångra in sight at 390 px").isEqualTo(true);
        }
        assertThat(new JsonArray(app.get("/api/documents/" + collaborationId + "/annotations", researcherToken).body()).stream()
                .map(JsonObject.class::cast).filter(a -> phrase.equals(a.getString("exact")) && "manual".equals(a.getString("origin")))
                .map(a -> a.getString("state"))).as("the undone tag is retracted").containsExactly("retracted");
    }

    @Test
    void checkedSuggestionsAreRejectedTogetherUndoneWithUAndRejectedOnesAreHiddenFromReaders() throws Exception {
        String first;
        String second;
        try (Browser browser = Browser.open(app.url, "coding-bulk-undo")) {
            browser.logIn("forskare", "forskare");
            browser.go("/kodning/" + collaborationId);
            browser.await(d -> d.findElements(By.cssSelector("#annotations li[data-state='suggested'] input.pick")).size() >= 2);
            List<WebElement> boxes = browser.driver().findElements(By.cssSelector("#annotations li[data-state='suggested'] input.pick"));
            first = boxes.get(0).findElement(By.xpath("..")).getDomAttribute("data-id");
            second = boxes.get(1).findElement(By.xpath("..")).getDomAttribute("data-id");
            boxes.get(0).click();
            boxes.get(1).click();
            browser.driver().findElement(By.id("reject-selected")).click();
            String a = first;
            String b = second;
            browser.await(d -> state(a).equals("rejected") && state(b).equals("rejected"));
            browser.await(d -> "rejected".equals(d.findElement(By.cssSelector("#annotations li[data-id='" + a + "']")).getDomAttribute("data-state")));

            browser.driver().findElement(By.tagName("body")).sendKeys("u");
            browser.await(d -> state(a).equals("suggested") && state(b).equals("suggested"));
            browser.await(d -> d.findElement(By.id("coding-status")).getText().startsWith("Ångrade"));

            browser.find(By.cssSelector("#annotations li[data-id='" + a + "'] button.set-rejected")).click();
            browser.await(d -> state(a).equals("rejected"));
        }
        try (Browser reader = Browser.open(app.url, "reader-annotations")) {
            reader.logIn("deltagare", "deltagare");
            reader.go("/dokument/" + collaborationId);
            reader.await(d -> !d.findElements(By.cssSelector("#annotations li")).isEmpty());
            assertThat(reader.driver().findElements(By.cssSelector("#annotations li[data-id='" + first + "']"))).as("rejected: hidden").isEmpty();
            assertThat(reader.driver().findElements(By.cssSelector("#annotations li[data-id='" + second + "']"))).hasSize(1);
            assertThat(reader.driver().findElements(By.cssSelector(".passage .ann"))).isNotEmpty();
            assertThat(reader.driver().findElements(By.cssSelector("#annotations button, #annotations input"))).as("no review for readers").isEmpty();
        }
    }

    private static String state(String annotationId) {
        try {
            JsonArray stored = new JsonArray(app.get("/api/documents/" + collaborationId + "/annotations", researcherToken).body());
            return stored.stream().map(JsonObject.class::cast).filter(a -> a.getString("id").equals(annotationId))
                    .map(a -> a.getString("state")).findFirst().orElse("missing");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Selects {@code phrase} in the first passage's text, as a mouse drag would. */
    private static void select(Browser browser, String phrase) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const text = document.querySelector('.passage .text');
                const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const at = node.textContent.indexOf(arguments[0]);
                  if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + arguments[0].length);
                    getSelection().removeAllRanges();
                    getSelection().addRange(range);
                    return;
                  }
                }
                throw new Error('phrase not found');
                """, phrase);
    }

    private static JsonArray memos(String passageId) throws Exception {
        return new JsonArray(app.get("/api/passages/" + passageId + "/memos", researcherToken).body());
    }

    private static long total(Browser browser) {
        return Long.parseLong(browser.find(By.cssSelector(".total")).getText().split(" ")[0]);
    }
}
