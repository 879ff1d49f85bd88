package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.Concept;
import org.lararena.ontology.OntologyLoader;
import org.lararena.platform.testing.TestServices;

/**
 * Bringing codes in on the real application: a QDC codebook's new codes become concepts of the growing codebook (bad
 * files refused, only researchers); a QDPX project whose codes the researcher maps to {@code create} comes in with
 * those codes as new concepts carrying its codings, as a job (above {@code LARARENA_IMPORT_JOB_CODINGS}) that the
 * researcher follows and a pilot cannot see.
 */
class RefiQdaImportIT {

    private static final String TEXT = "Vi gick en trygghetsvandring i parken.\n\nSedan talade vi om samverkan.";

    @TempDir
    Path data;

    @Test
    void codebooksAndCreatedCodesBecomeConceptsOfTheGrowingCodebook() throws Exception {
        Concept theme = OntologyLoader.fromClasspath().topThemes().get(0);
        String researcher = TestServices.get().accessToken("forskare", "forskare");
        String pilot = TestServices.get().accessToken("pilot", "pilot");

        try (RunningApplication app = RunningApplication.start(data, Map.of("LARARENA_DEMO_DATA", "false", "LARARENA_IMPORT_JOB_CODINGS", "1"))) {
            // A QDC codebook: a new code under a theme (matched by its label), refusals first.
            String qdc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
                    + "<Code guid=\"{AA000000-0000-0000-0000-000000000001}\" name=\"" + theme.labelSv() + "\" isCodable=\"true\">"
                    + "<Code guid=\"AA000000-0000-0000-0000-000000000002\" name=\"Hembesök\" isCodable=\"true\" color=\"#118844\">"
                    + "<Description>Besök i hemmet.</Description></Code></Code></Codes></CodeBook>\n";
            assertThat(post(app, pilot, "qdc", utf8(qdc), null, "").statusCode()).isEqualTo(403);
            HttpResponse<String> dtd = post(app, researcher, "qdc", utf8("<?xml version=\"1.0\"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM"
                    + " \"file:///etc/passwd\">]><CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"/>"), null, "");
            assertThat(dtd.statusCode()).isEqualTo(400);
            assertThat(new JsonObject(dtd.body()).getString("detail")).contains("DTD");
            HttpResponse<String> twice = post(app, researcher, "qdc", utf8(qdc.replace("AA000000-0000-0000-0000-000000000002",
                    "aa000000-0000-0000-0000-000000000001")), null, "");
            assertThat(twice.statusCode()).isEqualTo(400);
            assertThat(twice.body()).contains("used twice");
            HttpResponse<String> preview = post(app, researcher, "qdc", utf8(qdc), null, "?preview=true");
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            assertThat(app.get("/api/codebook", researcher).body()).as("a preview creates nothing").doesNotContain("Hembesök");

            HttpResponse<String> codebook = post(app, researcher, "qdc", utf8(qdc), null, "");
            assertThat(codebook.statusCode()).as(codebook.body()).isEqualTo(200);
            assertThat(new JsonObject(codebook.body()).getInteger("created")).isEqualTo(1);
            assertThat(new JsonObject(codebook.body()).getInteger("matched")).isEqualTo(1);
            assertThat(app.get("/api/codebook", researcher).body()).contains("Hembesök");
            assertThat(app.get("/api/concepts?q=Hembes", researcher).body()).as("type-ahead offers it").contains("Hembesök");

            // A QDPX project with a code the researcher creates: a new top theme, carrying its coding.
            String newCode = "BB000000-0000-0000-0000-000000000001";
            int start = TEXT.codePointCount(0, TEXT.indexOf("trygghetsvandring"));
            int themeStart = TEXT.codePointCount(0, TEXT.indexOf("samverkan"));
            String qde = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Vandringar\">"
                    + "<Users><User guid=\"CC000000-0000-0000-0000-000000000001\" name=\"forskare\"/></Users>"
                    + "<CodeBook><Codes><Code guid=\"" + newCode + "\" name=\"Trygghetsvandring\" isCodable=\"true\"/>"
                    + "<Code guid=\"BB000000-0000-0000-0000-000000000002\" name=\"" + theme.labelSv() + "\" isCodable=\"true\"/></Codes></CodeBook>"
                    + "<Sources><TextSource guid=\"DD000000-0000-0000-0000-000000000001\" name=\"Vandringen\"><PlainTextContent>" + TEXT
                    + "</PlainTextContent><PlainTextSelection guid=\"EE000000-0000-0000-0000-000000000001\" startPosition=\"" + start
                    + "\" endPosition=\"" + (start + "trygghetsvandring".length()) + "\" creatingUser=\"CC000000-0000-0000-0000-000000000001\">"
                    + "<Coding guid=\"EE000000-0000-0000-0000-000000000002\"><CodeRef targetGUID=\"" + newCode + "\"/></Coding>"
                    + "</PlainTextSelection><PlainTextSelection guid=\"EE000000-0000-0000-0000-000000000003\" startPosition=\"" + themeStart
                    + "\" endPosition=\"" + (themeStart + "samverkan".length()) + "\" creatingUser=\"CC000000-0000-0000-0000-000000000001\">"
                    + "<Coding guid=\"EE000000-0000-0000-0000-000000000004\"><CodeRef targetGUID=\"BB000000-0000-0000-0000-000000000002\"/>"
                    + "</Coding></PlainTextSelection></TextSource></Sources></Project>";
            byte[] qdpx = zip("project.qde", utf8(qde));
            String mapping = new JsonObject().put(newCode, "create").encode();
            JsonObject previewed = new JsonObject(post(app, researcher, "qdpx", qdpx, mapping, "?preview=true").body());
            assertThat(previewed.getJsonArray("codes").getJsonObject(0).getString("match")).isEqualTo("create");

            HttpResponse<String> accepted = post(app, researcher, "qdpx", qdpx, mapping, "");
            assertThat(accepted.statusCode()).as("two codings, above LARARENA_IMPORT_JOB_CODINGS=1: " + accepted.body()).isEqualTo(202);
            String href = new JsonObject(accepted.body()).getString("href");
            assertThat(app.get(href, pilot).statusCode()).as("a pilot cannot follow a researcher's import").isEqualTo(403);
            JsonObject job = app.finishedJob(accepted, researcher);
            assertThat(job.getString("state")).as(job.encode()).isEqualTo("done");
            assertThat(job.getJsonObject("progress").getLong("codings")).isEqualTo(2L);
            assertThat(job.getJsonObject("result").getInteger("created")).isEqualTo(1);
            assertThat(job.getJsonObject("result").getInteger("codings")).isEqualTo(2);

            String id = new JsonObject(app.get("/api/documents", researcher).body()).getJsonArray("documents").getJsonObject(0).getString("id");
            app.awaitStatus(id, researcher, "indexed");
            JsonArray annotations = new JsonArray(app.get("/api/documents/" + id + "/annotations", researcher).body());
            assertThat(annotations.stream().map(JsonObject.class::cast).filter(a -> "manual".equals(a.getString("origin")))
                    .map(a -> a.getString("exact") + "|" + a.getJsonObject("concept").getString("iri") + "|" + a.getString("creator")))
                    .containsExactlyInAnyOrder("trygghetsvandring|https://w3id.org/lararena/tema/trygghetsvandring|forskare",
                            "samverkan|" + theme.iri() + "|forskare");
            assertThat(app.get("/api/codebook/changes", researcher).body()).contains("QDPX-importen").contains("QDC-filen");
            assertThat(app.get("/kodbok", researcher).body()).as("the Kodbok page's import form").contains("action=\"/import/qdc\"")
                    .contains("<label for=\"import-qdc\">");
            assertThat(app.get("/dokument", researcher).body()).as("the Dokument page's import form").contains("action=\"/import/qdpx\"")
                    .contains("<label for=\"import-qdpx\">");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(String name, byte[] content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** {@code POST /api/import/{format}} with the file and, when given, the {@code mapping} field. */
    private static HttpResponse<String> post(RunningApplication app, String token, String format, byte[] file, String mapping, String query)
            throws Exception {
        String boundary = "lararena" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (mapping != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + mapping + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"import." + format + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(app.url.resolve("/api/import/" + format + query)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return RunningApplication.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
