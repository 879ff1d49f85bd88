package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.testing.TestServices;

/** Changing a document's visibility, the audit log of confidential reads and changes, and the failure rate limit. */
@WithApplication
class VisibilityAndAuditIT {

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("pilot")
    private static String pilot;

    @Test
    void aRestrictedInterviewMadePilotVisibleIsFoundByPilotsAtOnceAndTheChangeIsAudited() throws Exception {
        String id = new JsonArray(app.postFile(researcher, "intervju-synlighet.txt", "INTERVJUARE: Berätta om ekorrtrappan.", "restricted").body())
                .getJsonObject(0).getString("id");
        app.awaitStatus(id, researcher, "indexed");
        assertThat(total("ekorrtrappan", pilot)).isZero();

        HttpResponse<String> changed = patch(id, "{\"visibility\":\"pilot\"}", researcher);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(total("ekorrtrappan", pilot)).isEqualTo(1);
        assertThat(app.get("/api/documents/" + id, pilot).statusCode()).isEqualTo(200);
        JsonArray audit = new JsonArray(app.get("/api/admin/audit", TestServices.get().accessToken("admin", "admin")).body());
        assertThat(audit.stream().map(e -> (JsonObject) e))
                .anySatisfy(e -> assertThat(e.getString("action")).isEqualTo("change_visibility"))
                .anySatisfy(e -> assertThat(e.getString("action")).isEqualTo("read_document"));
    }

    @Test
    void onlyResearchersChangeVisibilityAndBadValuesAreA400() throws Exception {
        String id = new JsonArray(app.postFile(researcher, "rapport-synlighet.txt", "En rapport om uppföljning.", "pilot").body())
                .getJsonObject(0).getString("id");
        app.awaitStatus(id, researcher, "indexed");

        assertThat(patch(id, "{\"visibility\":\"public\"}", pilot).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = patch(id, "{\"visibility\":\"hemlig\"}", researcher);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getString("detail")).contains("visibility");
        assertThat(patch(id, "not json", researcher).statusCode()).isEqualTo(400);
        assertThat(app.get("/api/admin/audit", researcher).statusCode()).as("the audit log is for admins").isEqualTo(403);
    }

    @Test
    void manyInvalidTokensFromOneAddressAreSlowedDownWith429(@TempDir Path otherData) throws Exception {
        try (RunningApplication other = RunningApplication.start(otherData, Map.of())) {
            int lastStatus = 0;
            for (int i = 0; i < 31; i++) {
                lastStatus = other.get("/api/documents", "forged-token-" + i).statusCode();
            }
            HttpResponse<String> evenValid = other.get("/api/documents", researcher);

            assertThat(lastStatus).isEqualTo(429);
            assertThat(evenValid.statusCode()).isEqualTo(429);
            assertThat(evenValid.headers().firstValue("Retry-After")).isPresent();
        }
    }

    private static long total(String query, String token) throws Exception {
        return new JsonObject(app.get("/api/search?q=" + query, token).body()).getLong("total");
    }

    private static HttpResponse<String> patch(String id, String body, String token) throws Exception {
        return RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/api/documents/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
