package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lararena.platform.services.Ports;
import org.lararena.platform.testing.TestServices;

/**
 * {@code ./lararena up --instances 2} as a user runs it: one Elasticsearch, one Fuseki (both managed), the harness's
 * Keycloak, and two application instances, each a supervised process of its own. Started once for the class; the
 * test that kills an instance runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

    /** Our own writing: sentences in which the annotator finds concepts of the ontology. */
    private static final String INTERVIEW = """
            Vi har byggt upp en god samverkan med kommunens hemsjukvård genom gemensamma planeringsmöten varje vecka.

            För patienterna betyder kontinuitet att de möter samma distriktssköterska och slipper berätta allt på nytt.

            Digitala vårdmöten har gjort det lättare för äldre på landsbygden att få hjälp utan att resa långt.
            """;

    private static ManagedUp up;
    private static RunningApplication first;
    private static RunningApplication second;
    private static String researcher;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("LARARENA_CLUSTER_PORT", String.valueOf(freePair()));
        settings.put("LARARENA_HTTP_PORT", String.valueOf(freePair()));
        settings.put("LARARENA_FUSEKI_PORT", String.valueOf(Ports.freePort()));
        settings.put("LARARENA_FUSEKI_HEAP_MB", "256");
        settings.put("LARARENA_EXTRACT_WORKERS", "1");
        // Instance 1, killed, stays away a while: long enough to see instance 2 take over its documents.
        settings.put("LARARENA_RESTART_BACKOFF_SECONDS", "60");
        up = new ManagedUp("several-instances", settings).start("--instances", "2");
        int port = up.url.getPort();
        first = RunningApplication.at(URI.create("http://127.0.0.1:" + port));
        second = RunningApplication.at(URI.create("http://127.0.0.1:" + (port + 1)));
        assertThat(new JsonObject(up.cli("status").out()).getString("state")).as("what status says of an up still starting its second instance")
                .isIn("starting", "running");
        ManagedUp.await("the second instance is healthy", Duration.ofMinutes(5), () -> second.get("/health", null).statusCode() == 200);
        // An instance answers before up has seen both start and written where they run, which status reads.
        ManagedUp.await("up has started both instances", Duration.ofMinutes(2),
                () -> "running".equals(new JsonObject(up.cli("status").out()).getString("state")));
        researcher = TestServices.get().accessToken("forskare", "forskare");
    }

    @AfterAll
    static void stop() throws Exception {
        if (up != null) {
            up.close();
        }
    }

    @Test
    @Order(1)
    void statusListsEveryInstanceWithItsAddressAndHealth() throws Exception {
        JsonObject status = new JsonObject(up.cli("status").out());

        assertThat(status.getString("state")).isEqualTo("running");
        JsonArray instances = status.getJsonArray("instances");
        assertThat(instances.stream().map(JsonObject.class::cast).map(i -> i.getString("url")))
                .containsExactly(first.url.toString(), second.url.toString());
        assertThat(instances.stream().map(JsonObject.class::cast).map(i -> i.getString("state"))).containsOnly("up");
        assertThat(status.getJsonObject("rdf").getBoolean("managed")).isTrue();
        assertThat(status.getJsonObject("rdf").getString("state")).isEqualTo("up");
    }

    @Test
    @Order(2)
    void aDocumentUploadedThroughOneInstanceIsSearchedCodedAndFollowedOnTheOther() throws Exception {
        ConcurrentLinkedQueue<JsonObject> events = follow(second, "/api/ingest/events");
        HttpResponse<String> uploaded = first.postFile(researcher, "samverkan-instanser.txt", INTERVIEW.replace("landsbygden", "landsbygden i Tornedalen"), "public");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        String id = new JsonArray(uploaded.body()).getJsonObject(0).getString("id");

        ManagedUp.await("the search of instance 2 finds it", Duration.ofMinutes(3), () -> {
            JsonObject answer = new JsonObject(second.get("/api/search?q=Tornedalen", researcher).body());
            return answer.getLong("total", 0L) > 0;
        });
        ManagedUp.await("instance 2's event stream shows the document indexed", Duration.ofMinutes(1),
                () -> events.stream().anyMatch(e -> e.encode().contains(id) && "indexed".equals(e.getString("status"))));
        HttpResponse<String> annotations = second.get("/api/documents/" + id + "/annotations", researcher);
        assertThat(annotations.statusCode()).as("its annotations read on instance 2: " + annotations.body()).isEqualTo(200);
        List<String> suggested = new JsonArray(annotations.body()).stream().map(JsonObject.class::cast)
                .filter(a -> "suggested".equals(a.getString("state"))).map(a -> a.getString("id")).toList();
        assertThat(suggested).isNotEmpty();
        HttpResponse<String> accepted = second.send("PATCH", "/api/annotations/" + suggested.get(0), "{\"state\":\"accepted\"}", researcher);
        assertThat(accepted.statusCode()).as("coded on instance 2: " + accepted.body()).isEqualTo(200);
        assertThat(stateOf(first, id, suggested.get(0))).as("the decision, read on instance 1").isEqualTo("accepted");
    }

    @Test
    @Order(3)
    void twoResearchersCodingOneDocumentThroughDifferentInstancesLoseNoDecision() throws Exception {
        String other = TestServices.get().accessToken("forskare2", "forskare2");
        String id = first.uploadIndexed(researcher, "kontinuitet-instanser.txt", INTERVIEW.replace("planeringsmöten", "planeringsmöten i Bergslagen"), "public");
        List<String> suggested = new JsonArray(first.get("/api/documents/" + id + "/annotations", researcher).body()).stream()
                .map(JsonObject.class::cast).filter(a -> "suggested".equals(a.getString("state"))).map(a -> a.getString("id")).toList();
        assertThat(suggested).as("suggestions to decide on").hasSizeGreaterThanOrEqualTo(2);

        // At the same time, one accepts every suggestion through instance 1 and the other rejects every one through
        // instance 2: each in their own layer, all in the same document's graph of the shared store.
        CompletableFuture<List<Integer>> throughFirst = CompletableFuture.supplyAsync(() -> decide(first, researcher, suggested, "accepted"));
        CompletableFuture<List<Integer>> throughSecond = CompletableFuture.supplyAsync(() -> decide(second, other, suggested, "rejected"));
        assertThat(throughFirst.join()).as("acknowledged on instance 1").containsOnly(200);
        assertThat(throughSecond.join()).as("acknowledged on instance 2").containsOnly(200);

        for (RunningApplication instance : List.of(first, second)) {
            assertThat(decisions(instance, id, researcher, suggested)).as("the first researcher's decisions, read on " + instance.url)
                    .containsOnly("accepted");
            assertThat(decisions(instance, id, other, suggested)).as("the second researcher's decisions, read on " + instance.url)
                    .containsOnly("rejected");
        }
    }

    /** The state {@code token}'s holder sees of each of {@code suggestions} (null for one missing). */
    private static List<String> decisions(RunningApplication instance, String documentId, String token, List<String> suggestions)
            throws Exception {
        Map<String, String> states = new HashMap<>();
        new JsonArray(instance.get("/api/documents/" + documentId + "/annotations", token).body()).stream().map(JsonObject.class::cast)
                .forEach(a -> states.put(a.getString("id"), a.getString("state")));
        return suggestions.stream().map(states::get).toList();
    }

    @Test
    @Order(4)
    void killingAnInstanceDuringAnIngestLeavesEveryDocumentIndexedOnce() throws Exception {
        int documents = 100;
        String word = "instansbyte";
        List<String> ids = first.uploadMany(researcher, documents, word);
        long killed = instancePid(1);
        ProcessHandle instance = ProcessHandle.of(killed).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(instance.descendants().toList());
        tree.add(0, instance);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().get();
        }

        boolean[] firstAway = new boolean[1];
        ManagedUp.await("every document's passages in the index", Duration.ofMinutes(5), () -> {
            firstAway[0] = instancePid(1) == 0;
            return passagesByDocument(ids).size() == documents;
        });
        Map<String, Long> passages = passagesByDocument(ids);
        assertThat(passages.values()).as("each document indexed once: the same passages each, no second copy").containsOnly(passages.get(ids.get(0)));
        assertThat(new JsonObject(second.get("/api/search?q=" + word + "&size=1", researcher).body()).getLong("total"))
                .as("instance 2 finds each passage once").isEqualTo(passages.values().stream().mapToLong(Long::longValue).sum());

        ManagedUp.await("the supervisor has started instance 1 again", Duration.ofMinutes(5),
                () -> instancePid(1) != 0 && instancePid(1) != killed && first.get("/health", null).statusCode() == 200);
        assertThat(passagesByDocument(ids)).as("nothing indexed again once instance 1 is back").isEqualTo(passages);
        assertThat(statuses(second, ids)).as("instance 2 lists every document indexed").isEqualTo(Map.of("indexed", (long) documents));
        assertThat(statuses(first, ids)).as("instance 1, restarted, lists every document indexed").isEqualTo(Map.of("indexed", (long) documents));
        assertThat(firstAway[0]).as("indexed by instance 2 while instance 1 was away, not only by instance 1 once restarted").isTrue();
    }

    /** Sets {@code state} on each of {@code suggestions}, one request each; the answers' status codes. */
    private static List<Integer> decide(RunningApplication instance, String token, List<String> suggestions, String state) {
        List<Integer> codes = new ArrayList<>();
        for (String suggestion : suggestions) {
            try {
                codes.add(instance.send("PATCH", "/api/annotations/" + suggestion, "{\"state\":\"" + state + "\"}", token).statusCode());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return codes;
    }

    /** How many of the documents {@code ids} are in each status, as {@code instance} answers (a document it does not know: its answer's code). */
    private static Map<String, Long> statuses(RunningApplication instance, List<String> ids) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (String id : ids) {
            HttpResponse<String> document = instance.get("/api/documents/" + id, researcher);
            String status = document.statusCode() == 200 ? new JsonObject(document.body()).getString("status") : "answered " + document.statusCode();
            counts.merge(status, 1L, Long::sum);
        }
        return counts;
    }

    private static String stateOf(RunningApplication instance, String documentId, String annotationId) throws Exception {
        return new JsonArray(instance.get("/api/documents/" + documentId + "/annotations", researcher).body()).stream().map(JsonObject.class::cast)
                .filter(a -> annotationId.equals(a.getString("id"))).findFirst().map(a -> a.getString("state")).orElse(null);
    }

    /** How many passages the index holds of each of {@code ids} (asked of Elasticsearch itself, not of an instance). */
    private static Map<String, Long> passagesByDocument(List<String> ids) throws Exception {
        URI elasticsearch = URI.create("http://127.0.0.1:" + up.env.get("LARARENA_ES_PORT"));
        JsonObject query = new JsonObject().put("size", 0)
                .put("query", new JsonObject().put("terms", new JsonObject().put("documentId", new JsonArray(ids))))
                .put("aggs", new JsonObject().put("documents", new JsonObject().put("terms",
                        new JsonObject().put("field", "documentId").put("size", ids.size() + 1))));
        HttpResponse<String> response = RunningApplication.HTTP.send(HttpRequest.newBuilder(elasticsearch.resolve("/lararena-passages/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Long> counts = new HashMap<>();
        if (response.statusCode() == 200) {
            new JsonObject(response.body()).getJsonObject("aggregations").getJsonObject("documents").getJsonArray("buckets").stream()
                    .map(JsonObject.class::cast).forEach(b -> counts.put(b.getString("key"), b.getLong("doc_count")));
        }
        return counts;
    }

    /** The process of instance {@code number} as the launcher's run state names it (0 while it is away). */
    private static long instancePid(int number) {
        return RunState.read(up.dataDir).orElseThrow().getJsonObject("services").getJsonObject(ManagedInstance.SERVICE_PREFIX + number)
                .getLong("pid", 0L);
    }

    /** The events of a server-sent event stream, gathered in the background from now on. */
    private static ConcurrentLinkedQueue<JsonObject> follow(RunningApplication instance, String path) throws Exception {
        HttpResponse<InputStream> stream = RunningApplication.HTTP.send(HttpRequest.newBuilder(instance.url.resolve(path))
                .header("Authorization", "Bearer " + researcher).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        ConcurrentLinkedQueue<JsonObject> events = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data: ")) {
                        events.add(new JsonObject(line.substring(6)));
                    }
                }
            } catch (Exception e) {
                // the stream ends with the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    /**
     * The first of two consecutive ports free now, below the range the system hands out to outgoing connections
     * (32768 and up on Linux), so that none of the many connections the servers open takes it before the second
     * instance binds it minutes later.
     */
    private static int freePair() {
        Random random = new Random();
        while (true) {
            int port = 20_000 + random.nextInt(12_000);
            try {
                Ports.requireFree("127.0.0.1", port, "a port");
                Ports.requireFree("127.0.0.1", port + 1, "the next port");
                return port;
            } catch (RuntimeException e) {
                // taken: try another
            }
        }
    }
}
