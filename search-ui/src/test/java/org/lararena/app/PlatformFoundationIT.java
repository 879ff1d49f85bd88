package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.services.ManagedElasticsearch;
import org.lararena.platform.services.Ports;
import org.lararena.platform.services.UnprivilegedAccount;
import org.lararena.platform.testing.TestServices;

/**
 * The foundation's end-to-end slice through real Elasticsearch, Keycloak and Jena: the application as
 * {@code ./lararena up} wires it, with tokens from the development realm.
 */
class PlatformFoundationIT {

    private static final HttpClient HTTP = RunningApplication.HTTP;

    @TempDir
    static Path dataDir;

    /** Two paragraphs long enough to be passages of their own (the segmenter joins very short ones). */
    static final String PARAGRAPH_ONE = "Inledningsvis beskrev gruppen hur arbetet i regionen hade startat under våren, med tre "
            + "vårdcentraler som först prövade att ringa upp patienter samma dag. Medarbetarna berättade att det tog tid att "
            + "hitta en gemensam rutin, men att telefonköerna blev kortare redan efter några veckor och att färre patienter "
            + "hänvisades vidare till akuten.";
    static final String PARAGRAPH_TWO = "Därefter provade en av vårdcentralerna en ny mottagning för äldre med stora behov, där "
            + "MARKER visade vägen för hur distriktssköterskor och hemtjänst kunde planera besöken tillsammans. Patienterna fick "
            + "en fast kontakt, och de anhöriga sade att de för första gången visste vem de skulle ringa när något hände.";

    private static TestServices services;
    private static RunningApplication app;

    @BeforeAll
    static void startApplication() {
        services = TestServices.get();
        app = RunningApplication.start(dataDir, Map.of());
    }

    @AfterAll
    static void stopApplication() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRequestWithoutATokenIsRefusedWith401AndAJsonReason() throws Exception {
        HttpResponse<String> response = get("/api/search?q=samverkan", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("unauthorized");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void aTextFilePostedByAResearcherBecomesSearchable() throws Exception {
        String token = services.accessToken("forskare", "forskare");
        String marker = "pilotverksamhet" + UUID.randomUUID().toString().substring(0, 8);
        String text = PARAGRAPH_ONE + "\n\n" + PARAGRAPH_TWO.replace("MARKER", marker) + "\n";

        HttpResponse<String> upload = app.postFile(token, "anteckning.txt", text, "public");

        assertThat(upload.statusCode()).isEqualTo(202);
        JsonObject accepted = new JsonArray(upload.body()).getJsonObject(0);
        assertThat(accepted.getString("status")).isEqualTo("queued");
        JsonObject document = app.awaitStatus(accepted.getString("id"), token, "indexed");
        assertThat(document.getInteger("passages")).isPositive();

        JsonObject result = new JsonObject(get("/api/search?q=" + marker, token).body());
        assertThat(result.getLong("total")).isEqualTo(1);
        JsonObject hit = result.getJsonArray("hits").getJsonObject(0);
        assertThat(hit.getString("documentId")).isEqualTo(accepted.getString("id"));
        assertThat(hit.getString("text")).contains(marker);
        assertThat(hit.getString("highlight")).contains("<mark>" + marker + "</mark>");
    }

    @Test
    void aPilotCannotSeeARestrictedDocumentAndGets404NotForbidden() throws Exception {
        String researcher = services.accessToken("forskare", "forskare");
        HttpResponse<String> upload = app.postFile(researcher, "intervju.txt", "INTERVJUARE: Hur började det?\n", "restricted");
        String id = new JsonArray(upload.body()).getJsonObject(0).getString("id");

        HttpResponse<String> asPilot = get("/api/documents/" + id, services.accessToken("pilot", "pilot"));

        assertThat(asPilot.statusCode()).isEqualTo(404);
        assertThat(get("/api/documents/" + id, researcher).statusCode()).isEqualTo(200);
    }

    @Test
    void anAttendeeMayNotUpload() throws Exception {
        HttpResponse<String> upload = app.postFile(services.accessToken("deltagare", "deltagare"), "x.txt", "text", "public");

        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(upload.body()).getString("detail")).contains("researcher");
    }

    @Test
    void healthIsUpWhenElasticsearchKeycloakAndJenaAnswer() throws Exception {
        HttpResponse<String> response = get("/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject checks = new JsonObject(response.body()).getJsonObject("checks");
        assertThat(checks.fieldNames()).containsExactlyInAnyOrder("elasticsearch", "keycloak", "jena", "jena-suggestions");
        checks.forEach(check -> assertThat(((JsonObject) check.getValue()).getString("status")).as(check.getKey()).isEqualTo("up"));
    }

    @Test
    void healthAndSearchAre503NamingElasticsearchWhenItCannotBeReached(@TempDir Path otherDataDir) throws Exception {
        try (RunningApplication withoutElasticsearch = RunningApplication.start(otherDataDir,
                Map.of("LARARENA_ES_URLS", "http://127.0.0.1:" + Ports.freePort()))) {
            HttpResponse<String> response = withoutElasticsearch.get("/health", null);

            assertThat(response.statusCode()).isEqualTo(503);
            JsonObject body = new JsonObject(response.body());
            assertThat(body.getString("detail")).contains("elasticsearch").doesNotContain("keycloak");
            assertThat(body.getJsonObject("checks").getJsonObject("keycloak").getString("status")).isEqualTo("up");

            HttpResponse<String> search = withoutElasticsearch.get("/api/search?q=samverkan", services.accessToken("pilot", "pilot"));
            assertThat(search.statusCode()).isEqualTo(503);
            assertThat(new JsonObject(search.body()).getString("detail")).containsIgnoringCase("Elasticsearch");
        }
    }

    @Test
    void theApplicationRefusesToStartWhenTheRealmCannotGiveVerificationKeys(@TempDir Path otherDataDir) {
        LararenaConfig config = LararenaConfig.fromMap(services.applicationEnvironment(otherDataDir,
                Map.of("LARARENA_KEYCLOAK_REALM", "no-such-realm")));
        Vertx other = Vertx.vertx();
        try {
            assertThatThrownBy(() -> other.deployVerticle(new ApplicationVerticle(config)).await(60, TimeUnit.SECONDS))
                    .hasMessageContaining("no-such-realm");
            assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.httpPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        } finally {
            other.close();
        }
    }

    @Test
    void theSwedishAnalysisPluginIsLoadedByTheNode() throws Exception {
        HttpResponse<String> plugins = HTTP.send(HttpRequest.newBuilder(services.elasticsearchUrl().resolve("/_cat/plugins?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(new JsonArray(plugins.body()).stream().map(p -> ((JsonObject) p).getString("component")))
                .contains("lararena-analysis-sv");
    }

    @Test
    void elasticsearchRunsAsAnUnprivilegedAccountWhenStartedByRoot() {
        assumeTrue(UnprivilegedAccount.runningAsRoot(), "the tests do not run as root here, so Elasticsearch runs as the tester");
        var process = services.elasticsearchProcess();
        assumeTrue(process.isPresent(), "Elasticsearch is external (LARARENA_ES_URLS), not started by the harness");

        var server = ProcessHandle.of(process.get().pid()).orElseThrow().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("org.elasticsearch.bootstrap.Elasticsearch"))
                .findFirst();

        assertThat(server).as("the Elasticsearch server JVM").isPresent();
        assertThat(server.get().info().user()).hasValue(ManagedElasticsearch.ACCOUNT);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return app.get(path, token);
    }
}
