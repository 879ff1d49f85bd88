package org.lararena.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Deque's axe-core accessibility engine, run in the page a {@link Browser} shows. The engine is {@code axe.min.js}
 * from the {@code com.deque.html.axe-core:selenium} jar on the test classpath (Maven Central, never a CDN); the
 * test injects it through WebDriver, so the pages' Content-Security-Policy does not stand in the way.
 */
public final class Axe {

    private static final String SOURCE = load();

    private Axe() {
    }

    /**
     * The serious and critical violations of the WCAG 2.x A/AA and best-practice rules on the page as it is now, one
     * line each (rule, impact, help text, up to three elements); empty when there are none.
     */
    public static List<String> seriousViolations(Browser browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        page.executeScript(SOURCE);
        Object answer = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(result => done(JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) })))))
                  .catch(e => done(JSON.stringify({ error: String(e) })));
                """);
        String json = String.valueOf(answer);
        if (json.startsWith("{")) {
            throw new IllegalStateException("axe-core did not run: " + new JsonObject(json).getString("error"));
        }
        List<String> lines = new ArrayList<>();
        for (Object item : new JsonArray(json)) {
            JsonObject violation = (JsonObject) item;
            lines.add(violation.getString("id") + " (" + violation.getString("impact") + "): " + violation.getString("help") + " at "
                    + violation.getJsonArray("nodes").encode());
        }
        return lines;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (dependency com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
