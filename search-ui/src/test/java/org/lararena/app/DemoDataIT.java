package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.testing.TestServices;

/** The demo documents: loaded once on the first start of a data directory, indexed, and kept confidential. */
class DemoDataIT {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartLoadsTheDemoDocumentsOnceAndRestrictedInterviewsStayWithResearchers() throws Exception {
        TestServices services = TestServices.get();
        String researcher = services.accessToken("forskare", "forskare");
        String pilot = services.accessToken("pilot", "pilot");
        int loaded;
        try (RunningApplication app = RunningApplication.start(dataDir, Map.of("LARARENA_DEMO_DATA", "true"))) {
            List<JsonObject> documents = app.documents(researcher);
            loaded = documents.size();
            assertThat(loaded).isGreaterThanOrEqualTo(5);
            for (JsonObject document : documents) {
                app.awaitStatus(document.getString("id"), researcher, "indexed");
            }
            for (String canary : List.of("snäckskalsrodret", "lavendelsnodd")) {
                assertThat(total(app, canary, researcher)).as("researcher finds " + canary).isEqualTo(1);
                assertThat(total(app, canary, pilot)).as("pilot must not find " + canary).isZero();
                assertThat(app.get("/api/search?q=" + canary, pilot).body()).doesNotContain(canary);
            }
            assertThat(total(app, "samverkan", pilot)).as("pilots find shared material").isPositive();
            // Researchers' codes on a public report and a pilots' workshop: what a pilot sees without asking for suggestions.
            assertThat(Eventually.searchShows(() -> reviewedThemeCount(app, pilot), count -> count > 0))
                    .as("a pilot's theme tree counts the demo's reviewed codes").isPositive();
            String attendee = services.accessToken("deltagare", "deltagare");
            assertThat(Eventually.searchShows(() -> reviewedThemeCount(app, attendee), count -> count > 0))
                    .as("an attendee's theme tree counts the public report's reviewed codes").isPositive();
            // A learning module's theme chips and saved searches count reviewed codes, as every attendee's search does.
            Map<String, Long> found = Eventually.searchShows(() -> moduleLinkTotals(app, attendee), totals -> !totals.containsValue(0L));
            assertThat(found).as("the modules' theme chips and saved searches").hasSizeGreaterThan(10);
            assertThat(found).as("module links that find nothing reviewed an attendee may read").doesNotContainValue(0L);
        }

        try (RunningApplication restarted = RunningApplication.start(dataDir, Map.of("LARARENA_DEMO_DATA", "true"))) {
            assertThat(restarted.documents(researcher)).as("a restart neither loses nor repeats the demo").hasSize(loaded);
        }
    }

    private static final Pattern MODULE = Pattern.compile("href=\"/moduler/([a-z0-9-]+)\"");
    private static final Pattern SEARCH_LINK = Pattern.compile("href=\"/sok\\?([^\"]*)\"");

    /** The searches linked from the learning modules (theme chips, saved searches), each with how many passages it finds for the caller. */
    private static Map<String, Long> moduleLinkTotals(RunningApplication app, String token) throws Exception {
        Map<String, Long> totals = new LinkedHashMap<>();
        Matcher modules = MODULE.matcher(app.get("/moduler", token).body());
        while (modules.find()) {
            Matcher links = SEARCH_LINK.matcher(app.get("/moduler/" + modules.group(1), token).body());
            while (links.find()) {
                String query = links.group(1).replace("&amp;", "&");
                totals.put(modules.group(1) + ": /sok?" + query, new JsonObject(app.get("/api/search?" + query, token).body()).getLong("total"));
            }
        }
        return totals;
    }

    /** The passages of every top theme in the caller's theme tree, counted as their searches count them by default. */
    private static long reviewedThemeCount(RunningApplication app, String token) throws Exception {
        return new JsonArray(app.get("/api/themes", token).body()).stream().mapToLong(theme -> ((JsonObject) theme).getLong("count")).sum();
    }

    private static long total(RunningApplication app, String query, String token) throws Exception {
        return new JsonObject(app.get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token).body()).getLong("total");
    }
}
