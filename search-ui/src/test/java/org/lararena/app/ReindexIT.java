package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.elasticsearch.ElasticsearchClients;

/**
 * {@code ./lararena reindex} rebuilds the search index from the data directory: after the index is lost the same
 * passages with the same reviewed themes are searchable again, and searches keep answering while it runs.
 */
@WithApplication
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReindexIT {

    private static final String DIGITALISERING = LAR.BASE + "tema/digitalisering";

    /** The command line's own data directory and configuration. */
    @TempDir
    static Path cliHome;

    private static RunningApplication app;
    private static ElasticsearchClient elasticsearch;
    @Token("forskare")
    private static String researcher;
    @Token("admin")
    private static String admin;

    @BeforeAll
    static void connect() {
        elasticsearch = ElasticsearchClients.create(app.config().elasticsearch());
    }

    @AfterAll
    static void disconnect() throws Exception {
        elasticsearch.close();
    }

    @Test
    @Order(1)
    void aLostIndexIsRebuiltFromTheDataDirectoryWithItsReviewedThemesByTheApiAndTheCommandLine() throws Exception {
        String first = app.upload(researcher, "ombygge-1.txt", "Samverkan mellan kommun och region i ombyggnadsprovet, med fast vårdkontakt för de äldre.", "public");
        String second = app.upload(researcher, "ombygge-2.txt", "Väntetiderna på vårdcentralen i ombyggnadsprovet blev kortare efter hösten.", "public");
        app.awaitStatus(first, researcher, "indexed");
        app.awaitStatus(second, researcher, "indexed");
        // A researcher's review: the first suggestion rejected, a theme the text does not name tagged by hand (accepted).
        JsonArray annotations = new JsonArray(app.get("/api/documents/" + first + "/annotations", researcher).body());
        assertThat(annotations).isNotEmpty();
        String rejected = annotations.getJsonObject(0).getString("id");
        assertThat(app.send("PATCH", "/api/annotations/" + rejected, "{\"state\":\"rejected\"}", researcher).statusCode()).isEqualTo(200);
        JsonObject tag = new JsonObject().put("passageId", first + "-0").put("start", 0).put("end", 9).put("concept", DIGITALISERING);
        HttpResponse<String> tagged = app.send("POST", "/api/documents/" + first + "/annotations", tag.encode(), researcher);
        assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(201);
        assertThat(Eventually.searchShows(() -> taggedWith(DIGITALISERING), passages -> !passages.isEmpty())).containsExactly(first + "-0");
        Map<String, JsonObject> before = searchable("ombyggnadsprovet");
        assertThat(before).hasSize(2);

        // The cluster lost the passage index altogether.
        deletePassageIndex();
        // A document that arrives meanwhile waits for the index: nothing creates an index under the alias's name with a
        // mapping guessed from its passages (it would stand in the way of the rebuild), and it is not failed either.
        String meanwhile = app.upload(researcher, "ombygge-3.txt", "Under tiden kom en anteckning om hemtjänstens nattpatrull i glesbygden.", "public");
        app.awaitStatus(meanwhile, researcher, "indexing");
        // The indexer has tried and found no index: the document waits in the durable queue rather than fail.
        Path queued = app.config().dataPath("documents").resolve("pending-indexing").resolve(meanwhile + ".json");
        assertThat(RunningApplication.awaitCondition(Duration.ofSeconds(60), () -> Files.isRegularFile(queued)))
                .as("%s waits in the pending-indexing queue", meanwhile).isTrue();
        assertThat(new JsonObject(app.get("/api/documents/" + meanwhile, researcher).body()).getString("status")).isEqualTo("indexing");
        String alias = app.config().elasticsearch().indexPrefix() + "-passages";
        assertThat(elasticsearch.indices().exists(e -> e.index(alias)).value()).as("an index under the alias's name").isFalse();
        HttpResponse<String> refused = app.send("POST", "/api/admin/reindex", null, researcher);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(refused.body()).getString("error")).isNotBlank();

        JsonObject rebuilt = app.finishedJob(app.send("POST", "/api/admin/reindex", null, admin), admin);

        assertThat(rebuilt.getString("state")).as(rebuilt.encode()).isEqualTo("done");
        JsonObject result = rebuilt.getJsonObject("result");
        assertThat(result.getJsonArray("from")).as("there was no index to replace").isEmpty();
        assertThat(result.getInteger("failed")).isZero();
        assertThat(searchable("ombyggnadsprovet")).as("the same passages, themes and all").isEqualTo(before);
        assertThat(taggedWith(DIGITALISERING)).containsExactly(first + "-0");
        app.awaitStatus(meanwhile, researcher, "indexed");
        assertThat(searchable("nattpatrull")).containsOnlyKeys(meanwhile + "-0");

        // Lost again; this time the command line rebuilds it.
        deletePassageIndex();
        Map<String, String> env = CliRunner.environment(app, cliHome);
        env.put("LARARENA_TOKEN", admin);
        CliRunner.Run cli = CliRunner.run(env, "reindex");

        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("Rebuilt the index from the data directory");
        assertThat(searchable("ombyggnadsprovet")).isEqualTo(before);
        assertThat(taggedWith(DIGITALISERING)).containsExactly(first + "-0");

        // From the originals: every document goes through extraction again, and comes out the same, review and all.
        JsonObject again = app.finishedJob(app.send("POST", "/api/admin/reindex?from=originals", null, admin), admin);
        assertThat(again.getJsonObject("result").getInteger("extractedAgain")).as(again.encode()).isGreaterThanOrEqualTo(2);
        app.awaitStatus(first, researcher, "indexed");
        app.awaitStatus(second, researcher, "indexed");
        assertThat(searchable("ombyggnadsprovet")).isEqualTo(before);
        assertThat(taggedWith(DIGITALISERING)).containsExactly(first + "-0");
        HttpResponse<String> unknown = app.send("POST", "/api/admin/reindex?from=backup", null, admin);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(unknown.body()).getString("detail")).contains("originals");
    }

    @Test
    @Order(2)
    void searchesKeepAnsweringWhileTheIndexIsRebuiltAndASecondReindexIsRefused() throws Exception {
        int documents = 300;
        long earlier = app.statusCounts(researcher).values().stream().mapToLong(Long::longValue).sum();
        app.uploadMany(researcher, documents, "flyttprovet");
        assertThat(app.awaitAllSettled(researcher, (int) earlier + documents)).doesNotContainKey("failed");
        long total = new JsonObject(app.get("/api/search?q=flyttprovet&size=1", researcher).body()).getLong("total");
        assertThat(total).isGreaterThanOrEqualTo(documents);

        // Two at once: one rebuilds, the other is refused while it runs.
        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> post("/api/admin/reindex", admin));
        CompletableFuture<HttpResponse<String>> other = CompletableFuture.supplyAsync(() -> post("/api/admin/reindex", admin));
        List<HttpResponse<String>> reindexes = List.of(one.get(), other.get());
        assertThat(reindexes).as("statuses of two reindexes at once").extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(202, 409);
        HttpResponse<String> refused = reindexes.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        HttpResponse<String> started = reindexes.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow();
        String job = new JsonObject(started.body()).getString("href");
        assertThat(new JsonObject(refused.body()).getString("detail")).contains("reindex").contains(job);
        List<HttpResponse<String>> searches = new ArrayList<>();
        do {
            // A page not asked before each time, so that every one is searched in Elasticsearch, not given from the cache.
            searches.add(app.get("/api/search?q=flyttprovet&size=1&page=" + searches.size() % 5000, researcher));
        } while ("running".equals(new JsonObject(app.get(job, admin).body()).getString("state")));
        assertThat(new JsonObject(app.get(job, admin).body()).getString("state")).isEqualTo("done");
        assertThat(searches).as("every search during the reindex").allSatisfy(search -> {
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(new JsonObject(search.body()).getLong("total")).isEqualTo(total);
        });
        assertThat(new JsonObject(app.get("/api/search?q=flyttprovet&size=1", researcher).body()).getLong("total")).isEqualTo(total);
    }

    private static HttpResponse<String> post(String path, String token) {
        try {
            return app.send("POST", path, null, token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every passage a search for {@code word} finds, by id, as search shows it (without its score). */
    private static Map<String, JsonObject> searchable(String word) throws Exception {
        HttpResponse<String> response = app.get("/api/search?q=" + word + "&size=100", researcher);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonObject> passages = new TreeMap<>();
        new JsonObject(response.body()).getJsonArray("hits").forEach(hit -> {
            JsonObject passage = ((JsonObject) hit).copy();
            passage.remove("score");
            passages.put(passage.getString("passageId"), passage);
        });
        return passages;
    }

    private static List<String> taggedWith(String theme) throws Exception {
        JsonObject found = new JsonObject(app.get("/api/search?q=ombyggnadsprovet&theme=" + theme, researcher).body());
        return found.getJsonArray("hits").stream().map(hit -> ((JsonObject) hit).getString("passageId")).toList();
    }

    private static void deletePassageIndex() throws Exception {
        String alias = app.config().elasticsearch().indexPrefix() + "-passages";
        for (String index : elasticsearch.indices().getAlias(a -> a.name(alias)).aliases().keySet()) {
            elasticsearch.indices().delete(d -> d.index(index));
        }
        assertThat(elasticsearch.indices().exists(e -> e.index(alias)).value()).isFalse();
    }
}
