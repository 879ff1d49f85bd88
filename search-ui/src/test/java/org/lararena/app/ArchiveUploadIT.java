package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.app.RunningApplication.Upload;

/**
 * A zip uploaded through {@code POST /api/documents} with the real servers: each document in it becomes a document of
 * its own, indexed and searchable, and the API and the document page name the archive it came from.
 */
@WithApplication
class ArchiveUploadIT {

    /** Where the zip is written before it is uploaded. */
    @TempDir
    static Path work;
    private static RunningApplication app;
    @Token("forskare")
    private static String token;
    /** Words no other document has, one for each document of the archive. */
    private static final String DOCX_WORD = "arkivplan" + Long.toHexString(System.nanoTime());
    private static final String TEXT_WORD = "arkivnotis" + Long.toHexString(System.nanoTime());

    @Test
    void eachDocumentOfAnUploadedZipIsIndexedSearchableAndNamesTheArchive() throws Exception {
        byte[] zip = zip(Map.of(
                "rapporter/plan.docx", docx("Planen för " + DOCX_WORD + " beskriver hur hemsjukvården och vårdcentralen samverkar kring äldre."),
                "anteckning.txt", ("Anteckning om " + TEXT_WORD + " och fasta vårdkontakter för äldre patienter i Örebro län.")
                        .getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = app.postFiles(token, List.of(new Upload("underlag.zip", "application/zip", zip)), "public");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String archiveId = new JsonArray(response.body()).getJsonObject(0).getString("id");
        assertThat(app.awaitStatus(archiveId, token, "indexed").getString("status")).isEqualTo("indexed");

        List<JsonObject> parts = partsOf(archiveId, 2);
        assertThat(parts).extracting(part -> part.getString("pathInArchive")).containsExactlyInAnyOrder("rapporter/plan.docx", "anteckning.txt");
        for (JsonObject part : parts) {
            JsonObject document = app.awaitStatus(part.getString("id"), token, "indexed");
            assertThat(document.getString("status")).as(document.encode()).isEqualTo("indexed");
            assertThat(document.getString("partOfFilename")).isEqualTo("underlag.zip");
            assertThat(document.getString("visibility")).isEqualTo("public");
        }
        for (String word : List.of(DOCX_WORD, TEXT_WORD)) {
            JsonObject found = new JsonObject(app.get("/api/search?q=" + word, token).body());
            String expectedPath = word.equals(DOCX_WORD) ? "rapporter/plan.docx" : "anteckning.txt";
            String expectedId = parts.stream().filter(part -> expectedPath.equals(part.getString("pathInArchive"))).findFirst().orElseThrow().getString("id");
            assertThat(found.getJsonArray("hits").stream().map(hit -> ((JsonObject) hit).getString("documentId")))
                    .as("search for " + word).containsExactly(expectedId);
        }
        String page = app.get("/dokument/" + parts.get(0).getString("id"), token).body();
        assertThat(page).contains("från arkivet", "underlag.zip", "/dokument/" + archiveId);
        assertThat(app.get("/dokument/" + archiveId, token).body()).contains("Dokument i arkivet (2)");
    }

    /** The documents unpacked from {@code archiveId}, once there are {@code count} of them. */
    private static List<JsonObject> partsOf(String archiveId, int count) throws Exception {
        AtomicReference<List<JsonObject>> parts = new AtomicReference<>(List.of());
        RunningApplication.awaitCondition(Duration.ofSeconds(60), () -> {
            parts.set(app.documents(token).stream().filter(d -> archiveId.equals(d.getString("partOf"))).toList());
            return parts.get().size() == count;
        });
        assertThat(parts.get()).hasSize(count);
        return parts.get();
    }

    /** A zip written through the JDK's zip file system: each entry a file at its path. */
    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        Path zip = work.resolve("underlag.zip");
        try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                Path target = archive.getPath(entry.getKey());
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                Files.write(target, entry.getValue());
            }
        }
        try {
            return Files.readAllBytes(zip);
        } finally {
            Files.delete(zip);
        }
    }

    private static byte[] docx(String paragraph) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText(paragraph);
            document.write(bytes);
        }
        return bytes.toByteArray();
    }
}
