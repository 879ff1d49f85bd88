package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.platform.testing.TestServices;

/**
 * REFI-QDA on the real application: a researcher's coding exported from one instance with {@code ./lararena export}
 * and imported into an empty one with {@code ./lararena import} gives the same passages, concepts and codings by the
 * same coder; only researchers may export or import; a file over the configured limit and a file that is no QDPX are
 * refused.
 */
class QdpxExchangeIT {

    private static final String SHARED_SCHEMA = "../shared/refi-qda/Project.xsd";

    /** Our own writing: two short paragraphs (merged into one passage) and a character outside the BMP before a coding. */
    private static final String TEXT = """
            🌿 Vi talade länge om samverkan mellan kommunen och regionen kring hemsjukvården.

            Väntetiderna på vårdcentralen var det som oroade mest, sa hon.
            """;

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path cli;

    @Test
    void anExportImportedIntoAnEmptyInstanceGivesTheSamePassagesConceptsAndCodings() throws Exception {
        Ontology ontology = OntologyLoader.fromClasspath();
        Concept theme = ontology.topThemes().get(0);
        Concept narrower = ontology.require(theme.narrower().get(0));
        String researcher = TestServices.get().accessToken("forskare", "forskare");
        String pilot = TestServices.get().accessToken("pilot", "pilot");
        String attendee = TestServices.get().accessToken("deltagare", "deltagare");

        byte[] qdpx;
        List<String> passagesBefore;
        List<String> codingsBefore;
        try (RunningApplication app = RunningApplication.start(first, Map.of("LARARENA_DEMO_DATA", "false"))) {
            String id = new JsonArray(app.postFile(researcher, "samtal.txt", TEXT, "restricted").body()).getJsonObject(0).getString("id");
            app.awaitStatus(id, researcher, "indexed");
            JsonArray passages = new JsonArray(app.get("/api/documents/" + id + "/passages", researcher).body());
            passagesBefore = texts(passages);
            String passageId = passages.getJsonObject(0).getString("id");
            String passageText = passages.getJsonObject(0).getString("text");
            tag(app, researcher, id, passageId, passageText, "samverkan mellan kommunen", theme);
            tag(app, researcher, id, passageId, passageText, "Väntetiderna", narrower);
            assertThat(app.send("POST", "/api/passages/" + passageId + "/memos", new JsonObject().put("text", "Samverkan återkommer.").encode(),
                    researcher).statusCode()).isEqualTo(201);
            codingsBefore = manualCodings(app, researcher, id);

            for (String token : List.of(pilot, attendee)) {
                assertThat(app.get("/api/export.qdpx?documents=" + id, token).statusCode()).isEqualTo(403);
                assertThat(app.get("/api/export.qdc", token).statusCode()).isEqualTo(403);
            }
            HttpResponse<byte[]> export = RunningApplication.HTTP.send(HttpRequest.newBuilder(app.url.resolve("/api/export.qdpx?documents=" + id))
                    .header("Authorization", "Bearer " + researcher).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(entryNames(export.body())).contains("project.qde").anyMatch(name -> name.startsWith("sources/"));
            assertThat(app.get("/api/export.qdc", researcher).body()).contains("urn:QDA-XML:codebook:1.0").contains(theme.labelSv());
            assertThat(app.get("/dokument/" + id, researcher).body()).as("the export button").contains("/api/export.qdpx?documents=" + id);

            Map<String, String> env = CliRunner.environment(app, cli.resolve("first"));
            assertThat(CliRunner.run(env, "login", "--user", "forskare", "--password", "forskare").exit()).isZero();
            CliRunner.Run exported = CliRunner.run(env, "export", "--qdpx", cli.resolve("projekt.qdpx").toString(), "--documents", id);
            assertThat(exported.exit()).as(exported.err()).isZero();
            qdpx = Files.readAllBytes(cli.resolve("projekt.qdpx"));
        }

        try (RunningApplication app = RunningApplication.start(second, importingInstance())) {
            assertThat(postQdpx(app, pilot, qdpx).statusCode()).isEqualTo(403);
            HttpResponse<String> notZip = postQdpx(app, researcher, "inte en zip".getBytes(StandardCharsets.UTF_8));
            assertThat(notZip.statusCode()).isEqualTo(400);
            assertThat(notZip.body()).contains("not a zip");
            assertThat(postQdpx(app, researcher, new byte[2 * 1024 * 1024]).statusCode()).as("over LARARENA_MAX_IMPORT_MB").isEqualTo(413);
            assertThat(new JsonObject(app.get("/api/documents", researcher).body()).getInteger("total")).as("nothing stored").isZero();

            HttpResponse<String> preview = postQdpx(app, researcher, qdpx, "?preview=true");
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            assertThat(new JsonObject(preview.body()).getInteger("codings")).isEqualTo(2);
            assertThat(new JsonObject(app.get("/api/documents", researcher).body()).getInteger("total")).as("a preview stores nothing").isZero();

            Map<String, String> env = CliRunner.environment(app, cli.resolve("second"));
            assertThat(CliRunner.run(env, "login", "--user", "forskare", "--password", "forskare").exit()).isZero();
            CliRunner.Run imported = CliRunner.run(env, "import", cli.resolve("projekt.qdpx").toString());
            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("imported: 1 document(s), 2 coding(s) of 2 concept(s), 1 memo(s)");

            String id = new JsonObject(app.get("/api/documents", researcher).body()).getJsonArray("documents").getJsonObject(0).getString("id");
            app.awaitStatus(id, researcher, "indexed");
            JsonArray passages = new JsonArray(app.get("/api/documents/" + id + "/passages", researcher).body());
            assertThat(texts(passages)).isEqualTo(passagesBefore);
            assertThat(manualCodings(app, researcher, id)).containsExactlyInAnyOrderElementsOf(codingsBefore);
            JsonArray memos = new JsonArray(app.get("/api/passages/" + passages.getJsonObject(0).getString("id") + "/memos", researcher).body());
            assertThat(memos.getJsonObject(0).getString("text")).isEqualTo("Samverkan återkommer.");
        }
    }

    /** The importing instance: a 1 MB limit, and the REFI-QDA schema every import is checked against when it is beside the project. */
    private static Map<String, String> importingInstance() {
        Map<String, String> overrides = new HashMap<>(Map.of("LARARENA_DEMO_DATA", "false", "LARARENA_MAX_IMPORT_MB", "1"));
        Path schema = Path.of(System.getProperty("lararena.project.dir", "..")).resolve(SHARED_SCHEMA).normalize();
        if (Files.isRegularFile(schema)) {
            overrides.put("LARARENA_QDPX_SCHEMA", schema.toString());
        }
        return overrides;
    }

    private static void tag(RunningApplication app, String token, String documentId, String passageId, String passageText, String exact,
                            Concept concept) throws Exception {
        int start = passageText.codePointCount(0, passageText.indexOf(exact));
        JsonObject body = new JsonObject().put("passageId", passageId).put("start", start)
                .put("end", start + exact.codePointCount(0, exact.length())).put("concept", concept.iri());
        HttpResponse<String> response = app.send("POST", "/api/documents/" + documentId + "/annotations", body.encode(), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The manual codings of a document as {@code exact|concept|creator}. */
    private static List<String> manualCodings(RunningApplication app, String token, String documentId) throws Exception {
        return new JsonArray(app.get("/api/documents/" + documentId + "/annotations", token).body()).stream()
                .map(JsonObject.class::cast).filter(a -> "manual".equals(a.getString("origin")))
                .map(a -> a.getString("exact") + "|" + a.getJsonObject("concept").getString("iri") + "|" + a.getString("creator")).toList();
    }

    private static List<String> texts(JsonArray passages) {
        return passages.stream().map(JsonObject.class::cast).map(p -> p.getString("text")).toList();
    }

    private static List<String> entryNames(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static HttpResponse<String> postQdpx(RunningApplication app, String token, byte[] file) throws Exception {
        return postQdpx(app, token, file, "");
    }

    private static HttpResponse<String> postQdpx(RunningApplication app, String token, byte[] file, String query) throws Exception {
        String boundary = "lararena" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"projekt.qdpx\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(app.url.resolve("/api/import/qdpx" + query)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return RunningApplication.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
