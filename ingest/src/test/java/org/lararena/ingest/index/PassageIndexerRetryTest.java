package org.lararena.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.IndexingOutcome;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.elasticsearch.ElasticsearchClients;

/**
 * Which refusals of a bulk the indexer sends again and which fail the document, against a fake node that answers its
 * bulk requests from a script (searches find nothing, refreshes succeed). The real client and parser; only the node
 * is a stand-in, as the refusals it plays (a lost body, a shard not yet assigned) cannot be provoked on demand.
 */
class PassageIndexerRetryTest {

    private static final String DOCUMENT = "intervju-1";

    private HttpServer node;
    private final Deque<Bulk> bulkAnswers = new ArrayDeque<>();
    /** Bulk requests of passages the node has received. */
    private final AtomicInteger bulksReceived = new AtomicInteger();
    /** The bodies of the bulk requests of passages the node has received, in turn. */
    private final List<String> bulkBodies = new CopyOnWriteArrayList<>();
    /** Analyses of a document's words the node has received. */
    private final AtomicInteger analysesReceived = new AtomicInteger();
    /**
     * How the node answers the analysis of a document's words ({@link DocumentWords}); its refusals are played on a
     * real node ({@code BatchIndexingIT}).
     */
    private static final Bulk ANALYZED = new Bulk(200, """
            {"tokens":[{"token":"samverkan","start_offset":10,"end_offset":19,"type":"<ALPHANUM>","position":2}]}""");
    private PassageIndexer indexer;

    private record Bulk(int status, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        node.createContext("/", this::answer);
        node.start();
        ElasticsearchClient client = ElasticsearchClients.create(LararenaConfig.fromMap(Map.of(
                "LARARENA_ES_URLS", "http://127.0.0.1:" + node.getAddress().getPort())).elasticsearch());
        indexer = new PassageIndexer(client, new PassageIndex(client, "lararena-test"));
    }

    @AfterEach
    void stop() {
        node.stop(0);
    }

    @Test
    void aBulkThatReachedTheNodeWithoutItsBodyIsSentAgainAndTheDocumentIsIndexed() {
        PassageIndexer.Outcome outcome = indexAnswering(refused(400, "parse_exception", "request body is required"), written());

        assertThat(outcome.status()).as(String.valueOf(outcome.reason())).isEqualTo(IndexingOutcome.INDEXED);
        assertThat(bulksReceived).hasValue(2);
    }

    @Test
    void aDocumentSentAgainHasItsWordsReadOnlyOnce() {
        PassageIndexer.Outcome outcome = indexAnswering(refused(400, "parse_exception", "request body is required"), written());

        assertThat(outcome.status()).as(String.valueOf(outcome.reason())).isEqualTo(IndexingOutcome.INDEXED);
        assertThat(bulksReceived).hasValue(2);
        assertThat(analysesReceived).as("analyses of the document's words").hasValue(1);
    }

    @Test
    void aPassageRefusedWhileItsShardIsNotYetAssignedIsSentAgain() {
        PassageIndexer.Outcome outcome = indexAnswering(new Bulk(200, """
                {"took":1,"errors":true,"items":[{"index":{"_index":"lararena-test-000001","_id":"intervju-1-0","status":503,
                "error":{"type":"unavailable_shards_exception","reason":"primary shard is not active"}}}]}"""), written());

        assertThat(outcome.status()).as(String.valueOf(outcome.reason())).isEqualTo(IndexingOutcome.INDEXED);
        assertThat(bulksReceived).hasValue(2);
    }

    @Test
    void aPassageTheNodeCannotReadFailsTheDocumentWithItsReasonAndIsNotSentAgain() {
        PassageIndexer.Outcome outcome = indexAnswering(new Bulk(200, """
                {"took":1,"errors":true,"items":[{"index":{"_index":"lararena-test-000001","_id":"intervju-1-0","status":400,
                "error":{"type":"document_parsing_exception","reason":"failed to parse field [ordinal]"}}}]}"""));

        assertThat(outcome.status()).isEqualTo(IndexingOutcome.FAILED);
        assertThat(outcome.reason()).contains("failed to parse field [ordinal]");
        assertThat(bulksReceived).hasValue(1);
    }

    @Test
    void aBulkRefusedAsMalformedFailsTheDocumentAndIsNotSentAgain() {
        PassageIndexer.Outcome outcome = indexAnswering(refused(400, "illegal_argument_exception", "Malformed action/metadata line [1]"));

        assertThat(outcome.status()).isEqualTo(IndexingOutcome.FAILED);
        assertThat(outcome.reason()).contains("Malformed action/metadata line");
        assertThat(bulksReceived).hasValue(1);
    }

    @Test
    void aCopySentAgainKeepsTheGroupItFoundInItsBatch() {
        String text = passages().get(0).getString("text");
        JsonObject report = new JsonObject().put("passageId", PassageIndexer.passageId("rapport", 0)).put("documentId", "rapport")
                .put("ordinal", 0).put("text", text);
        JsonObject copy = new JsonObject().put("passageId", PassageIndexer.passageId("kopia", 0)).put("documentId", "kopia")
                .put("ordinal", 0).put("text", text + " Slut.");
        Map<String, List<JsonObject>> batch = new LinkedHashMap<>();
        batch.put("rapport", List.of(report));
        batch.put("kopia", List.of(copy));
        // The report is written; its copy is refused while its shard is not yet assigned, and sent again.
        bulkAnswers.add(new Bulk(200, """
                {"took":1,"errors":true,"items":[{"index":{"_index":"lararena-test-000001","_id":"rapport-0","status":200,"result":"created"}},
                {"index":{"_index":"lararena-test-000001","_id":"kopia-0","status":503,
                "error":{"type":"unavailable_shards_exception","reason":"primary shard is not active"}}}]}"""));

        Map<String, PassageIndexer.Outcome> outcomes = indexer.replaceDocuments(batch);

        assertThat(outcomes.get("kopia").status()).isEqualTo(IndexingOutcome.INDEXED);
        assertThat(bulkBodies).hasSize(2);
        JsonObject copySentAgain = new JsonObject(bulkBodies.get(1).lines().filter(line -> line.contains("\"passageId\":\"kopia-0\""))
                .findFirst().orElseThrow());
        assertThat(copySentAgain.getString(NearDuplicates.GROUP)).as("the group of the report written in the first attempt").isEqualTo("rapport-0");
    }

    /** Indexes the document while the node answers its bulks of passages with {@code answers}, in turn (then: written). */
    private PassageIndexer.Outcome indexAnswering(Bulk... answers) {
        bulkAnswers.addAll(List.of(answers));
        return indexer.replaceDocuments(Map.of(DOCUMENT, passages())).get(DOCUMENT);
    }

    /** A whole request refused as Elasticsearch answers it: its error's {@code type} and {@code reason}, also as the root cause. */
    private static Bulk refused(int status, String type, String reason) {
        return new Bulk(status, """
                {"error":{"root_cause":[{"type":"%s","reason":"%s"}],"type":"%s","reason":"%s"},"status":%d}"""
                .formatted(type, reason, type, reason, status));
    }

    private static Bulk written() {
        return new Bulk(200, """
                {"took":1,"errors":false,"items":[{"index":{"_index":"lararena-test-000001","_id":"intervju-1-0","status":200,"result":"updated"}}]}""");
    }

    private static List<JsonObject> passages() {
        return List.of(new JsonObject().put("passageId", PassageIndexer.passageId(DOCUMENT, 0)).put("documentId", DOCUMENT)
                .put("ordinal", 0).put("text", "Vi fick bättre samverkan med kommunen när vi delade lokaler på vårdcentralen."));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        Bulk answer;
        if (path.endsWith("/_bulk") && request.startsWith("{\"delete\"")) {
            // A refused document's passages are deleted by id after its bulk: not a bulk of passages.
            answer = new Bulk(200, """
                    {"took":1,"errors":false,"items":[]}""");
        } else if (path.endsWith("/_bulk")) {
            bulksReceived.incrementAndGet();
            bulkBodies.add(request);
            answer = bulkAnswers.isEmpty() ? written() : bulkAnswers.poll();
        } else if (path.endsWith("/_search")) {
            answer = new Bulk(200, """
                    {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
                    "hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""");
        } else if (path.endsWith("/_analyze")) {
            analysesReceived.incrementAndGet();
            answer = ANALYZED;
        } else if (path.endsWith("/_refresh")) {
            answer = new Bulk(200, """
                    {"_shards":{"total":1,"successful":1,"failed":0}}""");
        } else {
            answer = new Bulk(404, """
                    {"error":{"type":"fake_node","reason":"the fake node does not answer %s"},"status":404}""".formatted(path));
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
