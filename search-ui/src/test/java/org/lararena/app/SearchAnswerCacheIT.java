package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.testing.TestServices;

/**
 * The application keeps search answers (as deployed), yet every search sees the index as it is: at once after the
 * application's own changes (new documents, a narrowed visibility), and within the change poll after another
 * process's, and no caller gets an answer computed for rights they lack.
 */
class SearchAnswerCacheIT {

    @TempDir
    static Path dataDir;

    private static RunningApplication app;
    private static ElasticsearchClient elasticsearch;
    private static String researcher;
    private static String pilot;

    @BeforeAll
    static void start() {
        // Other processes' changes polled only once a minute: what this test sees at once, the application's own change did.
        app = RunningApplication.start(dataDir, Map.of("LARARENA_SEARCH_CHANGE_POLL_MS", "60000"));
        elasticsearch = ElasticsearchClients.create(app.config().elasticsearch());
        researcher = TestServices.get().accessToken("forskare", "forskare");
        pilot = TestServices.get().accessToken("pilot", "pilot");
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        elasticsearch.close();
    }

    @Test
    void aSearchAskedAgainSeesANewDocumentAndANarrowedVisibilityAtOnce() throws Exception {
        assertThat(total("kvarhållningsprovet", pilot)).isZero();
        assertThat(total("kvarhållningsprovet", pilot)).as("asked again").isZero();

        String id = app.upload(researcher, "kvarhållning.txt", "Kvarhållningsprovet i hemtjänsten gav färre akuta besök.", "pilot");
        app.awaitStatus(id, researcher, "indexed");
        assertThat(total("kvarhållningsprovet", pilot)).as("right after the document was indexed").isEqualTo(1);
        assertThat(total("kvarhållningsprovet", researcher)).isEqualTo(1);
        assertThat(searchPage("kvarhållningsprovet", pilot)).as("the Sök page, which shares the answers").contains("färre akuta besök");

        HttpResponse<String> narrowed = app.send("PATCH", "/api/documents/" + id, "{\"visibility\":\"restricted\"}", researcher);
        assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
        assertThat(total("kvarhållningsprovet", pilot)).as("right after it became researchers' only").isZero();
        assertThat(total("kvarhållningsprovet", researcher)).as("the researcher's answer, kept beside the pilot's").isEqualTo(1);
        assertThat(total("kvarhållningsprovet", pilot)).as("the pilot asks again, after the researcher").isZero();
        assertThat(searchPage("kvarhållningsprovet", pilot)).doesNotContain("färre akuta besök");
    }

    private static String searchPage(String query, String token) throws Exception {
        HttpResponse<String> response = app.get("/sok?q=" + query, token);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void anotherProcesssChangeIsSeenWithinTheChangePoll(@TempDir Path otherDataDir) throws Exception {
        try (RunningApplication polling = RunningApplication.start(otherDataDir, Map.of())) {
            anotherProcesssChangeIsSeen(polling);
        }
    }

    private static void anotherProcesssChangeIsSeen(RunningApplication app) throws Exception {
        String id = app.upload(researcher, "utomstående.txt", "Utomståendeprovet visade hur två regioner delade journalen.", "public");
        app.awaitStatus(id, researcher, "indexed");
        assertThat(total(app, "utomståendeprovet", pilot)).isEqualTo(1);

        // Another instance (or a script) writes a passage straight into the index.
        String alias = app.config().elasticsearch().indexPrefix() + "-passages";
        JsonObject passage = new JsonObject().put("passageId", "annan-process-0").put("documentId", "annan-process").put("ordinal", 0)
                .put("title", "Från en annan process").put("text", "Utomståendeprovet skrevs in av en annan process.").put("visibility", "public");
        elasticsearch.index(i -> i.index(alias).id("annan-process-0").withJson(new StringReader(passage.encode())).refresh(Refresh.True));

        // Without the watch the kept answer (1) would be given for ever; the deadline is many polls, not a timing bar.
        long seen = Eventually.until(() -> total(app, "utomståendeprovet", pilot), total -> total == 2,
                app.config().search().changePoll().multipliedBy(20));
        assertThat(seen).as("the other process's passage is found").isEqualTo(2);
    }

    private static long total(String query, String token) throws Exception {
        return total(app, query, token);
    }

    private static long total(RunningApplication app, String query, String token) throws Exception {
        HttpResponse<String> response = app.get("/api/search?q=" + query, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return new JsonObject(response.body()).getLong("total");
    }

}
