package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.vocabulary.LAR;

/**
 * Erasure on the real application, Elasticsearch and Keycloak: an interview holding a word and a name found nowhere
 * else is coded, written about in a memo and quoted in a published insight, then erased by a data steward. Afterwards
 * neither the word nor the name (also the file's name) is found through any endpoint, nor in any file of the data
 * directory, the audit log's included; the tombstone
 * says who, when and why; another document is untouched. Before the erasure the same checks find the canary, so
 * each of them can fail.
 */
@WithApplication
class ErasureCanaryIT {

    /** Made-up word and name of our own: no other document, ontology label or word list holds them. */
    private static final String CANARY_WORD = "glasmyrsvalorna";
    private static final String CANARY_NAME = "TORVALDINA";
    private static final String TEMA = LAR.BASE + "tema/";
    private static final long STARTED = System.currentTimeMillis();

    private static RunningApplication app;
    @Token("forskare")
    private static String researcher;
    @Token("forskare2")
    private static String steward;
    @Token("pilot")
    private static String pilot;
    private static String interviewId;
    private static String canaryPassage;
    private static String otherPassage;
    private static String memoId;
    private static String insightId;

    @BeforeAll
    static void codeAnInterviewWithACanary() throws Exception {
        String interview = """
                INTERVJUARE: Hur fungerar samverkan med kommunen?

                %s: Samverkan med kommunen går bra, vi kallar våra morgonmöten för %s efter fåglarna vid sjön.

                INTERVJUARE: Tack.
                """.formatted(CANARY_NAME, CANARY_WORD);
        interviewId = app.uploadIndexed(researcher, "intervju-" + CANARY_NAME + ".txt", interview, Map.of("visibility", "pilot", "pilot", "Värmland", "type", "intervju"));
        String report = app.uploadIndexed(researcher, "rapport-hemgang.txt", "Samverkan kring hemgången från sjukhuset har kortat vårdtiderna i Värmland.\n",
                Map.of("visibility", "public", "pilot", "Värmland", "type", "rapport"));
        canaryPassage = passages(interviewId).stream().filter(p -> CANARY_NAME.equals(p.getString("speaker"))).findFirst().orElseThrow()
                .getString("id");
        otherPassage = passages(report).get(0).getString("id");

        String text = passages(interviewId).stream().filter(p -> p.getString("id").equals(canaryPassage)).findFirst().orElseThrow().getString("text");
        int start = text.codePointCount(0, text.indexOf(CANARY_WORD));
        JsonObject tag = new JsonObject().put("passageId", canaryPassage).put("start", start).put("end", start + CANARY_WORD.length())
                .put("concept", TEMA + "samverkan");
        assertThat(app.send("POST", "/api/documents/" + interviewId + "/annotations", tag.encode(), researcher).statusCode()).isEqualTo(201);
        HttpResponse<String> memo = app.send("POST", "/api/passages/" + canaryPassage + "/memos",
                new JsonObject().put("text", "Morgonmötena (" + CANARY_WORD + ") hos " + CANARY_NAME + " är värda att följa.").encode(), researcher);
        assertThat(memo.statusCode()).as(memo.body()).isEqualTo(201);
        memoId = new JsonObject(memo.body()).getString("id");
        HttpResponse<String> insight = app.send("POST", "/api/insights", new JsonObject().put("title", "Morgonmöten bär samverkan")
                .put("text", "Korta dagliga möten håller ihop region och kommun.").put("themes", new JsonArray(List.of(TEMA + "samverkan")))
                .put("passages", new JsonArray(List.of(canaryPassage, otherPassage))).put("status", "published").encode(), researcher);
        assertThat(insight.statusCode()).as(insight.body()).isEqualTo(201);
        insightId = new JsonObject(insight.body()).getString("id");
    }

    @Test
    void anErasedInterviewIsGoneFromEveryEndpointAndOnlyItsTombstoneRemains() throws Exception {
        assertThat(everythingSeen()).as("before the erasure every check finds the canary")
                .contains(CANARY_WORD.toLowerCase()).contains(CANARY_NAME.toLowerCase());
        assertThat(app.get(search(CANARY_WORD), pilot).body()).as("the pilot finds the word before").contains(CANARY_WORD);

        // Refusals change nothing.
        assertThat(app.send("POST", "/api/admin/erasures", erase(interviewId, "samtycke återkallat"), researcher).statusCode())
                .as("a researcher without the data-steward role").isEqualTo(403);
        HttpResponse<String> unknown = app.send("POST", "/api/admin/erasures", erase("finns-inte-0000", "samtycke återkallat"), steward);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(unknown.body()).getString("detail")).contains("no document with the id finns-inte-0000").contains("nothing was erased");
        HttpResponse<String> noReason = app.send("POST", "/api/admin/erasures", erase(interviewId, "  "), steward);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(noReason.body()).getString("detail")).contains("reason");
        assertThat(app.get("/api/documents/" + interviewId, researcher).statusCode()).as("still there after the refusals").isEqualTo(200);

        HttpResponse<String> erased = app.send("POST", "/api/admin/erasures",
                new JsonObject().put("participant", "Torvaldina").put("reason", "Deltagaren har återkallat sitt samtycke").encode(), steward);

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        JsonObject tombstone = new JsonObject(erased.body());
        assertThat(tombstone.getJsonArray("documents").getList()).containsExactly(interviewId);
        assertThat(tombstone.getString("erasedBy")).isEqualTo("forskare2");
        assertThat(tombstone.getString("reason")).isEqualTo("Deltagaren har återkallat sitt samtycke");
        assertThat(erased.body().toLowerCase()).doesNotContain(CANARY_WORD).doesNotContain(CANARY_NAME.toLowerCase());

        String seen = everythingSeen();
        assertThat(seen).doesNotContain(CANARY_WORD).doesNotContain(CANARY_NAME.toLowerCase()).doesNotContain(interviewId);
        assertThat(app.get(search(CANARY_WORD), pilot).body()).doesNotContain(CANARY_WORD);
        assertThat(new JsonObject(app.get(search(CANARY_WORD), pilot).body()).getLong("total")).isZero();
        assertThat(app.get("/api/documents/" + interviewId, researcher).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/documents/" + interviewId + "/annotations", researcher).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/documents/" + interviewId + "/annotations.jsonld", researcher).statusCode()).isEqualTo(404);
        assertThat(app.get("/api/memos/" + memoId + "/versions", researcher).statusCode()).as("no version of the memo is kept").isEqualTo(404);
        assertThat(app.get("/dokument/" + interviewId, researcher).body()).doesNotContain(CANARY_WORD);

        JsonObject insight = new JsonObject(app.get("/api/insights/" + insightId, researcher).body());
        assertThat(insight.getJsonArray("passages").getList()).containsExactly(otherPassage);
        assertThat(insight.getString("text")).contains("raderat dokument");
        assertThat(new JsonObject(app.get(search("hemgången"), pilot).body()).getLong("total")).as("the other document is untouched").isPositive();

        JsonArray tombstones = new JsonArray(app.get("/api/admin/erasures", steward).body());
        assertThat(tombstones.stream().map(t -> ((JsonObject) t).getString("id"))).containsExactly(tombstone.getString("id"));
        assertThat(app.get("/api/admin/erasures", researcher).statusCode()).isEqualTo(403);
        assertThat(app.send("POST", "/api/admin/erasures", erase(interviewId, "igen"), steward).statusCode())
                .as("an erased document is unknown: an erasure cannot be repeated or undone").isEqualTo(404);

        assertThat(filesHolding(CANARY_WORD)).as("no file of the data directory holds the word (the Jena store compacted)").isEmpty();
        assertThat(filesHolding(CANARY_NAME)).as("nor the name").isEmpty();
        assertThat(applicationLogLinesSinceStart().filter(line -> line.contains(CANARY_NAME)).toList())
                .as("the application's own log, which is rotated and not erased, never named the file or the speaker").isEmpty();
    }

    /** Everything the researcher and the pilot get from the reading endpoints, lower-cased, in one text. */
    private static String everythingSeen() throws Exception {
        StringBuilder seen = new StringBuilder();
        for (String token : List.of(researcher, pilot)) {
            seen.append(app.get(search(CANARY_WORD), token).body());
            seen.append(app.get(search(CANARY_NAME.toLowerCase()), token).body());
            seen.append(app.get("/api/suggest?q=" + CANARY_WORD.substring(0, 7), token).body());
            seen.append(app.get("/api/documents?size=200", token).body());
            seen.append(app.get("/api/insights", token).body());
            seen.append(app.get("/api/insights/" + insightId, token).body());
        }
        seen.append(app.get("/api/documents/" + interviewId, researcher).body());
        seen.append(app.get("/api/documents/" + interviewId + "/passages", researcher).body());
        seen.append(app.get("/api/documents/" + interviewId + "/annotations", researcher).body());
        seen.append(app.get("/api/documents/" + interviewId + "/annotations.jsonld", researcher).body());
        seen.append(app.get("/api/passages/" + canaryPassage + "/memos", researcher).body());
        seen.append(app.get("/api/memos/" + memoId + "/versions", researcher).body());
        seen.append(app.get("/sparql?query=" + URLEncoder.encode(
                "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", StandardCharsets.UTF_8), researcher).body());
        seen.append(exportedProject());
        return seen.toString().toLowerCase();
    }

    /** Every entry of the researcher's REFI-QDA export of all the documents they may read, as text. */
    private static String exportedProject() throws Exception {
        HttpResponse<byte[]> export = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/api/export.qdpx"))
                .header("Authorization", "Bearer " + researcher).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                text.append(entry.getName()).append('\n').append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    /**
     * The lines the application logged (to its JSON log, under {@code target/logs} in the tests) since this class
     * started, each a JSON object with its {@code timestamp} in milliseconds.
     */
    private static Stream<String> applicationLogLinesSinceStart() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target/logs"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && new JsonObject(line).getLong("timestamp", 0L) >= STARTED) {
                        lines.add(line);
                    }
                }
            }
        }
        assertThat(lines).as("the application logged to target/logs since the start").isNotEmpty();
        return lines.stream();
    }

    /** The files of the data directory whose bytes hold {@code word} (UTF-8), the Jena store's included. */
    private static List<Path> filesHolding(String word) throws IOException {
        byte[] needle = word.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(app.config().dataDir())) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return indexOf(Files.readAllBytes(file), needle) >= 0;
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String search(String text) {
        return "/api/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String erase(String documentId, String reason) {
        return new JsonObject().put("documentId", documentId).put("reason", reason).encode();
    }

    private static List<JsonObject> passages(String documentId) throws Exception {
        return new JsonArray(app.get("/api/documents/" + documentId + "/passages", researcher).body()).stream().map(p -> (JsonObject) p).toList();
    }
}
