package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Changing a document's visibility, and the audit log of confidential reads and changes. */
@WithApplication
class VisibilityAndAuditIT {

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("pilot")
    private static String pilot;
    @Token("admin")
    private static String admin;

    @Test
    void aRestrictedInterviewMadePilotVisibleIsFoundByPilotsAtOnceAndTheChangeIsAudited() throws Exception {
        String id = app.uploadIndexed(researcher, "intervju-synlighet.txt", "INTERVJUARE: Berätta om ekorrtrappan.", "restricted");
        assertThat(total("ekorrtrappan", pilot)).isZero();

        HttpResponse<String> changed = patch(id, "{\"visibility\":\"pilot\"}", researcher);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(total("ekorrtrappan", pilot)).isEqualTo(1);
        assertThat(app.get("/api/documents/" + id, pilot).statusCode()).isEqualTo(200);
        JsonArray audit = new JsonArray(app.get("/api/admin/audit", admin).body());
        assertThat(audit.stream().map(e -> (JsonObject) e))
                .anySatisfy(e -> assertThat(e.getString("action")).isEqualTo("change_visibility"))
                .anySatisfy(e -> assertThat(e.getString("action")).isEqualTo("read_document"));
    }

    @Test
    void onlyResearchersChangeVisibilityAndBadValuesAreA400() throws Exception {
        String id = app.uploadIndexed(researcher, "rapport-synlighet.txt", "En rapport om uppföljning.", "pilot");

        assertThat(patch(id, "{\"visibility\":\"public\"}", pilot).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = patch(id, "{\"visibility\":\"hemlig\"}", researcher);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getString("detail")).contains("visibility");
        assertThat(patch(id, "not json", researcher).statusCode()).isEqualTo(400);
        assertThat(app.get("/api/admin/audit", researcher).statusCode()).as("the audit log is for admins").isEqualTo(403);
    }

    private static long total(String query, String token) throws Exception {
        return new JsonObject(app.get("/api/search?q=" + query, token).body()).getLong("total");
    }

    private static HttpResponse<String> patch(String id, String body, String token) throws Exception {
        return app.send("PATCH", "/api/documents/" + id, body, token);
    }
}
