package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lararena.app.RunningApplication.Upload;

/**
 * Bad input through {@code POST /api/documents}, as a browser or script would send it: hostile or broken file
 * names, a legacy encoding, files that are not what they claim or are broken, and 10,000 tiny files at once.
 * Each gets its own clear status or is handled correctly, the server keeps serving, no other document is
 * affected, and nothing is written outside the data directory.
 */
@WithApplication
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestBadInputIT {

    private static RunningApplication app;
    @Token("forskare")
    private static String token;
    /** Documents of the pile indexed before the test looks at the outcome: enough to have seen the pile flow. */
    private static final long PILE_INDEXED_ENOUGH = 500;
    /** A word no other test uses, so that anything this test writes can be recognised by its name. */
    private static final String NONCE = "felprov" + Long.toHexString(System.nanoTime());

    private static Upload text(String filename, String content) {
        return new Upload(filename, "text/plain", content.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject uploadOne(Upload file) throws Exception {
        HttpResponse<String> response = app.postFiles(token, List.of(file), "public");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonArray created = new JsonArray(response.body());
        assertThat(created).hasSize(1);
        return created.getJsonObject(0);
    }

    private static JsonArray passages(String id) throws Exception {
        return new JsonArray(app.get("/api/documents/" + id + "/passages", token).body());
    }

    @Test
    @Order(1)
    void hostileFileNamesAreKeptShortPlainAndInsideTheDataDirectory() throws Exception {
        String body = "Mötet om " + NONCE + " handlade om hur vårdcentralen följer upp patienter efter utskrivning.";
        JsonObject longName = uploadOne(text("a".repeat(496) + ".txt", body + " Lång."));
        JsonObject control = uploadOne(text("rapport\u0001\u0007\u001b" + NONCE + ".txt", body + " Styrtecken."));
        JsonObject traversal = uploadOne(text("../../../" + NONCE + "-utbrytning.txt", body + " Utbrytning."));

        assertThat(longName.getString("filename")).hasSizeLessThanOrEqualTo(200).endsWith(".txt");
        assertThat(control.getString("filename")).isEqualTo("rapport" + NONCE + ".txt");
        assertThat(traversal.getString("filename")).isEqualTo(NONCE + "-utbrytning.txt");
        for (JsonObject created : List.of(longName, control, traversal)) {
            app.awaitStatus(created.getString("id"), token, "indexed");
        }
        HttpResponse<String> original = app.get("/api/documents/" + control.getString("id") + "/original", token);
        assertThat(original.headers().firstValue("Content-Disposition").orElseThrow()).doesNotContainPattern("\\p{Cntrl}");

        Path projectDir = Path.of(System.getProperty("lararena.project.dir", "..")).toAbsolutePath().normalize();
        Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        assertThat(filesNamedWith(NONCE, projectDir, 6)).as("files named after the upload in the project").isEmpty();
        assertThat(filesNamedWith(NONCE, tempDir, 4)).as("files named after the upload in the temp dir, outside the data dir").isEmpty();
    }

    @Test
    @Order(1)
    void aWindows1252TextFileComesOutWithItsSwedishLettersRight() throws Exception {
        String content = "Arbetsgruppen på vårdcentralen i Åmål diskuterade åtgärder för äldre patienter med flera "
                + "läkemedel. Sjuksköterskan föreslog att läkemedelsgenomgångar görs före årsskiftet.";
        JsonObject created = uploadOne(new Upload("anteckningar-1252.txt", "text/plain", content.getBytes(Charset.forName("windows-1252"))));

        app.awaitStatus(created.getString("id"), token, "indexed");

        String passages = passages(created.getString("id")).stream().map(p -> ((JsonObject) p).getString("text")).collect(Collectors.joining(" "));
        assertThat(passages).contains("Arbetsgruppen på vårdcentralen i Åmål", "åtgärder för äldre", "läkemedelsgenomgångar görs före årsskiftet")
                .doesNotContain("\uFFFD", "Ã");
    }

    @Test
    @Order(1)
    void filesThatAreNotWhatTheyClaimOrAreBrokenEachGetTheirOwnStatus() throws Exception {
        byte[] pdf = pdf("Protokollet från styrgruppens möte om digitala vårdbesök i regionen.");
        byte[] docx = docx("Uppföljningen av den nya rutinen för samordnad vårdplanering visade kortare väntetider.");
        byte[] elf = new byte[512];
        byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0};
        System.arraycopy(header, 0, elf, 0, header.length);

        JsonObject executable = uploadOne(new Upload("verktyg.exe", "application/octet-stream", elf));
        JsonObject pdfNamedDocx = uploadOne(new Upload("protokoll.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", pdf));
        JsonObject corruptPdf = uploadOne(new Upload("avbruten.pdf", "application/pdf", Arrays.copyOf(pdf, pdf.length / 2)));
        JsonObject corruptDocx = uploadOne(new Upload("avbruten.docx", "application/octet-stream", Arrays.copyOf(docx, docx.length / 2)));

        JsonObject refused = app.awaitStatus(executable.getString("id"), token, "failed");
        assertThat(refused.getString("error")).as("the reason a person reads").contains("stöds inte");
        app.awaitStatus(pdfNamedDocx.getString("id"), token, "indexed");
        assertThat(passages(pdfNamedDocx.getString("id")).getJsonObject(0).getString("text")).contains("styrgruppens möte om digitala vårdbesök");
        for (JsonObject broken : List.of(corruptPdf, corruptDocx)) {
            JsonObject failed = app.awaitStatus(broken.getString("id"), token, "failed");
            assertThat(failed.getString("error")).as("reason for %s", broken.getString("filename")).isNotBlank().doesNotContain("Exception");
        }
    }

    @Test
    @Order(1)
    void anUploadOfMoreFilesThanOneRequestMayHoldIsA400NamingTheLimit() throws Exception {
        List<Upload> uploads = new ArrayList<>();
        for (int n = 0; n < 1100; n++) {
            uploads.add(text("för-många-" + n + ".txt", "Fil " + n + "."));
        }

        HttpResponse<String> response = app.postFiles(token, uploads, "restricted");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getString("detail")).contains("at most 1000 files per request");
        assertThat(app.get("/api/documents?size=1", token).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2) // last: the pile would keep the other tests' files waiting behind it
    void tenThousandTinyFilesEachGetAnIdAndAStatusWhileTheServerKeepsServing() throws Exception {
        JsonObject bystander = uploadOne(text("vittne.txt", "Vittnesdokumentet beskriver hur " + NONCE + " planerades av projektgruppen i regionen."));
        JsonObject before = app.awaitStatus(bystander.getString("id"), token, "indexed");
        JsonArray bystanderPassages = passages(bystander.getString("id"));
        long failedBefore = app.statusCounts(token).getOrDefault("failed", 0L);

        int files = 10_000;
        int batch = 500;
        Set<String> ids = new HashSet<>();
        for (int from = 0; from < files; from += batch) {
            List<Upload> uploads = new ArrayList<>();
            for (int n = from; n < from + batch; n++) {
                uploads.add(text("liten-" + n + ".txt", "Liten fil nummer " + n + " om vardag i vården."));
            }
            HttpResponse<String> response = app.postFiles(token, uploads, "restricted");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonArray created = new JsonArray(response.body());
            assertThat(created).hasSize(batch);
            for (Object item : created) {
                JsonObject document = (JsonObject) item;
                assertThat(document.getString("status")).isEqualTo("queued");
                ids.add(document.getString("id"));
            }
            // The server keeps serving while the pile is worked through.
            assertThat(app.get("/api/documents/" + bystander.getString("id"), token).statusCode()).isEqualTo(200);
        }
        assertThat(ids).as("one id per file").hasSize(files);

        // Every file has a status a person can poll, and none of them fails.
        Map<String, Long> counts = app.statusCounts(token);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(files + 1);
        // Watch the pile being worked through until a good part of it is indexed (or a document fails, or 90 s pass).
        AtomicReference<Map<String, Long>> latest = new AtomicReference<>(counts);
        RunningApplication.awaitCondition(Duration.ofSeconds(90), () -> {
            latest.set(app.statusCounts(token));
            return latest.get().getOrDefault("indexed", 0L) >= PILE_INDEXED_ENOUGH
                    || latest.get().getOrDefault("failed", 0L) > failedBefore;
        });
        counts = latest.get();
        assertThat(counts.getOrDefault("failed", 0L)).as("failed documents, the other tests' broken files included: %s", counts)
                .isEqualTo(failedBefore);
        assertThat(counts.getOrDefault("indexed", 0L)).as("some of the pile is indexed already: %s", counts).isGreaterThan(1);
        HttpResponse<String> search = app.get("/api/search?q=" + NONCE, token);
        assertThat(search.statusCode()).isEqualTo(200);
        JsonObject after = new JsonObject(app.get("/api/documents/" + bystander.getString("id"), token).body());
        assertThat(after.getString("status")).isEqualTo("indexed");
        assertThat(after.getString("sha256")).isEqualTo(before.getString("sha256"));
        assertThat(passages(bystander.getString("id"))).isEqualTo(bystanderPassages);
    }

    private static List<Path> filesNamedWith(String word, Path root, int depth) throws IOException {
        try (Stream<Path> files = Files.walk(root, depth)) {
            return files.filter(f -> f.getFileName() != null && f.getFileName().toString().contains(word))
                    .filter(f -> !f.startsWith(app.config().dataDir())).toList();
        } catch (UncheckedIOException e) {
            // Another process removed a folder while it was walked: look again.
            return filesNamedWith(word, root, depth);
        }
    }

    private static byte[] pdf(String line) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx(String paragraph) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 20; i++) {
                document.createParagraph().createRun().setText(paragraph + " Stycke " + i + ".");
            }
            document.write(out);
            return out.toByteArray();
        }
    }
}
