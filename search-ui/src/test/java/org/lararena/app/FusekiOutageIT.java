package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.services.ManagedFuseki;
import org.lararena.platform.services.ManagedProcess;
import org.lararena.platform.services.Ports;
import org.lararena.platform.testing.TestServices;

/**
 * The annotations in a shared RDF store: a Fuseki run as {@code ./lararena up} runs it (its own JVM, TDB2 on disk),
 * named by LARARENA_RDF_URL. Killed (SIGKILL) while a researcher codes: the coding action is a 503 naming the RDF
 * store; started again, coding resumes and nothing acknowledged before is lost.
 */
class FusekiOutageIT {

    /** Our own writing. */
    private static final String TEXT = """
            Samverkan mellan kommunen och regionen har blivit bättre sedan vi fick gemensamma möten.

            Kontinuitet betyder att man träffar samma distriktssköterska varje gång, det skapar trygghet.
            """;

    @TempDir
    Path dataDir;

    @TempDir
    Path fusekiDir;

    @Test
    void codingWhileFusekiIsAwayIsA503NamingItAndResumesWithNothingAcknowledgedLost() throws Exception {
        // The test JVM's classpath holds Fuseki (a provided dependency), as search-ui/target/fuseki does for ./lararena up.
        ManagedFuseki fuseki = new ManagedFuseki(fusekiDir, Ports.freePort(), 256, LararenaConfig.Rdf.JENA_NODE_CACHE, Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path"));
        ManagedProcess process = fuseki.start(Duration.ofMinutes(2));
        String token = TestServices.get().accessToken("forskare", "forskare");
        try (RunningApplication app = RunningApplication.start(dataDir, Map.of("LARARENA_RDF_URL", fuseki.url().toString(),
                "LARARENA_DEMO_DATA", "false"))) {
            String id = new JsonArray(app.postFile(token, "samverkan-fuseki.txt", TEXT, "public").body()).getJsonObject(0).getString("id");
            app.awaitStatus(id, token, "indexed");
            List<String> suggestions = annotations(app, token, id).stream().map(a -> a.getString("id")).toList();
            assertThat(suggestions).as("the annotator's suggestions, stored in Fuseki").hasSizeGreaterThanOrEqualTo(2);
            assertThat(review(app, token, suggestions.get(0)).statusCode()).isEqualTo(200);

            Sigkill.kill(process);
            HttpResponse<String> away = review(app, token, suggestions.get(1));
            assertThat(away.statusCode()).as(away.body()).isEqualTo(503);
            assertThat(new JsonObject(away.body()).getString("detail")).contains("RDF store").contains(fuseki.url().toString());

            process = fuseki.start(Duration.ofMinutes(2));
            HttpResponse<String> back = review(app, token, suggestions.get(1));
            assertThat(back.statusCode()).as("coding resumes: " + back.body()).isEqualTo(200);
            List<JsonObject> after = annotations(app, token, id);
            assertThat(after.stream().filter(a -> a.getString("id").equals(suggestions.get(0))).findFirst().orElseThrow().getString("state"))
                    .as("acknowledged before Fuseki went away").isEqualTo("accepted");
            assertThat(after.stream().filter(a -> a.getString("id").equals(suggestions.get(1))).findFirst().orElseThrow().getString("state"))
                    .isEqualTo("accepted");
        } finally {
            process.close();
        }
    }

    private static HttpResponse<String> review(RunningApplication app, String token, String annotationId) throws Exception {
        return app.send("PATCH", "/api/annotations/" + annotationId, "{\"state\":\"accepted\"}", token);
    }

    private static List<JsonObject> annotations(RunningApplication app, String token, String documentId) throws Exception {
        HttpResponse<String> response = app.get("/api/documents/" + documentId + "/annotations", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonArray(response.body()).stream().map(JsonObject.class::cast).toList();
    }
}
