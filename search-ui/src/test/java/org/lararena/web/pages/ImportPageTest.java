package org.lararena.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.app.ClusterMembers;
import org.lararena.codebook.CodebookActions;
import org.lararena.codebook.SynonymProposals;
import org.lararena.coding.MemoStores;
import org.lararena.exchange.RefiQdaImports;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.codebook.Codebook;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.shared.FileCollection;
import org.lararena.platform.web.Caller;
import org.lararena.platform.web.RequestWork;
import org.lararena.web.Html;
import org.lararena.web.Jobs;

/**
 * The REFI-QDA import's pages over real HTTP as a researcher reads them, in Swedish by default and in English on
 * request: a QDC codebook's and a QDPX project's preview and import, the refusals, and a running import's job page. Real stores (Jena in
 * memory, files in a temporary directory) and the shipped ontology.
 */
class ImportPageTest {

    private static final Caller RESEARCHER = new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty());
    private static final Pattern STAGED = Pattern.compile("name=\"staged\" value=\"([^\"]+)\"");

    @TempDir
    static Path folder;

    @AutoClose
    private static PageServer server;
    private static Jobs jobs;
    private static Concept theme;
    private static CodebookActions codebook;

    @BeforeAll
    static void start() {
        Ontology own = OntologyLoader.shipped().snapshot();
        theme = own.topThemes().get(0);
        Dataset dataset = TDB2Factory.createDataset();
        RdfAnnotationStore annotations = new RdfAnnotationStore(dataset);
        AuditLog audit = new AuditLog(new FileCollection(folder.resolve("audit"), "the audit entry", false));
        codebook = new CodebookActions(new Codebook(StoreTransactions.local(dataset), own, annotations, Clock.systemUTC()), annotations,
                audit, (document, passages) -> { }, () -> { },
                new SynonymProposals(() -> own, () -> SuggesterModel.DICTIONARY_ONLY, folder.resolve("rejected-proposals.json")));
        LararenaConfig.Exchange limits = new LararenaConfig.Exchange(10 * 1024 * 1024, 50 * 1024 * 1024, Optional.empty(), Optional.empty(), 10_000);
        server = PageServer.withSessions((vertx, router) -> {
            ClusterMembers members = ClusterMembers.of(vertx);
            jobs = new Jobs(vertx, Clock.systemUTC(), members.instanceId(), members::now);
            RefiQdaImports imports = new RefiQdaImports(vertx, new DocumentStore(folder.resolve("documents")), annotations,
                    MemoStores.opened(folder.resolve("memos"), 10_000, Clock.systemUTC()), codebook, audit, jobs, limits, 10_000, folder.resolve("exchange"));
            new ImportPage(new RequestWork(vertx, 2, Duration.ofSeconds(10)), imports, codebook, jobs, limits, folder.resolve("import")).addRoutes(router);
        }, RESEARCHER);
    }

    /** A QDC codebook: a code named as the theme (it matches the theme) with a new code under it. */
    private static String codebook(String newCode) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\""
                + UUID.randomUUID() + "\" name=\"" + theme.labelSv() + "\" isCodable=\"true\"><Code guid=\"" + UUID.randomUUID() + "\" name=\""
                + newCode + "\" isCodable=\"true\"/></Code></Codes></CodeBook>\n";
    }

    @Test
    void aCodebooksPreviewAndImportAreInSwedishByDefaultAndInEnglishOnRequestTheConceptsOfferedToo() throws Exception {
        assertThat(theme.labelEn()).as("the shipped ontology's first top theme has its own English label").isNotEqualTo(theme.labelSv());
        Reader swedish = new Reader();
        Reader english = new Reader();

        String swedishPreview = swedish.upload("/import/qdc", "kodbok.qdc", codebook("Kvällsbesök")).body();
        String englishPreview = english.upload("/import/qdc?lang=en", "codebook.qdc", codebook("Hembesök")).body();
        String swedishResult = swedish.confirm("/import/qdc/bekrafta", swedishPreview).body();
        String englishResult = english.confirm("/import/qdc/bekrafta?lang=en", englishPreview).body();

        assertThat(swedishPreview).contains("<h1>Importera en kodbok (QDC)</h1>", "Filen ”kodbok.qdc” är läst och kontrollerad",
                "<caption>Koderna i filen</caption>", ">Hoppa över</option>", ">Nytt begrepp: Kvällsbesök</option>",
                " selected>" + Html.text(theme.labelSv()) + "</option>", "<button type=\"submit\">Importera</button>", ">Avbryt</a>");
        // The codes are named as the file names them; the concepts they may become in the reader's language.
        assertThat(englishPreview).contains("<h1>Import a codebook (QDC)</h1>", "The file “codebook.qdc” has been read and checked; nothing is saved yet.",
                "For each code, choose what it becomes in Lärarena", "<caption>The codes in the file</caption>", ">Skip</option>",
                ">New concept: Hembesök</option>", " selected>" + Html.text(theme.labelEn()) + "</option>", "<button type=\"submit\">Import</button>",
                ">Cancel</a>", ">" + Html.text(theme.labelSv()) + "</th>")
                .doesNotContain("Hoppa över", "Importera", "Avbryt", " selected>" + Html.text(theme.labelSv()) + "</option>");
        assertThat(swedishResult).contains("<h1>Import av ”kodbok.qdc”</h1>",
                "Kodboken är importerad: 1 nytt begrepp, 1 kod kopplad till ett befintligt begrepp, 0 överhoppade.", ">Till kodboken</a>");
        assertThat(englishResult).contains("<h1>Import of “codebook.qdc”</h1>",
                "The codebook is imported: 1 new concept, 1 code linked to an existing concept, 0 skipped.", ">To the codebook</a>")
                .doesNotContain("Kodboken är importerad");
        // The change log says where the new concepts came from, in both languages (Kodbok shows the reader's).
        assertThat(codebook.changes().stream().map(JsonObject.class::cast).filter(c -> c.getString("description").contains("kodbok.qdc")).toList())
                .singleElement().satisfies(change -> {
                    assertThat(change.getString("description")).isEqualTo("lade till 1 begrepp från QDC-filen ”kodbok.qdc”");
                    assertThat(change.getString("descriptionEn")).isEqualTo("added 1 concept from the QDC file “kodbok.qdc”");
                });
    }

    @Test
    void aCodebooksImportCountsEachKindInTheSingularForOneAndThePluralForMore() throws Exception {
        String skipped = UUID.randomUUID().toString();
        // Two codes under the theme's code, a third beside it that the researcher skips.
        String twoNew = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\""
                + UUID.randomUUID() + "\" name=\"" + theme.labelSv() + "\" isCodable=\"true\"><Code guid=\"" + UUID.randomUUID()
                + "\" name=\"Morgonbesök\" isCodable=\"true\"/><Code guid=\"" + UUID.randomUUID() + "\" name=\"Nattbesök\" isCodable=\"true\"/>"
                + "</Code><Code guid=\"" + skipped + "\" name=\"Övrigt\" isCodable=\"true\"/></Codes></CodeBook>\n";
        Reader swedish = new Reader();
        Reader english = new Reader();

        String swedishResult = swedish.confirm("/import/qdc/bekrafta", swedish.upload("/import/qdc", "fler.qdc", twoNew).body(),
                "&kod." + skipped + "=_hoppa").body();
        String englishResult = english.confirm("/import/qdc/bekrafta?lang=en", english.upload("/import/qdc?lang=en", "more.qdc",
                twoNew.replace("besök", "visit")).body(), "&kod." + skipped + "=_hoppa").body();

        assertThat(swedishResult).contains("Kodboken är importerad: 2 nya begrepp, 1 kod kopplad till ett befintligt begrepp, 1 överhoppad.");
        assertThat(englishResult).contains("The codebook is imported: 2 new concepts, 1 code linked to an existing concept, 1 skipped.");
    }

    @Test
    void aProjectsPreviewAndImportCountItsDocumentsCodingsAndMemosInTheSingularForOneAndThePluralForMore() throws Exception {
        Reader swedish = new Reader();
        Reader english = new Reader();

        String swedishOne = swedish.upload("/import/qdpx", "ett.qdpx", project(1)).body();
        String swedishTwo = swedish.upload("/import/qdpx", "tva.qdpx", project(2)).body();
        String englishOne = english.upload("/import/qdpx?lang=en", "one.qdpx", project(1)).body();
        String englishTwo = english.upload("/import/qdpx?lang=en", "two.qdpx", project(2)).body();

        assertThat(swedishOne).contains("Den har 1 dokument, 1 kodning och 1 anteckning.");
        assertThat(swedishTwo).contains("Den har 2 dokument, 2 kodningar och 2 anteckningar.");
        assertThat(englishOne).contains("It holds 1 document, 1 coding and 1 memo.");
        assertThat(englishTwo).contains("It holds 2 documents, 2 codings and 2 memos.");
        // The code is named as the theme: it is mapped to it, and no concept is new.
        assertThat(swedish.confirm("/import/qdpx/bekrafta", swedishOne).body())
                .contains("Importen är klar: 1 dokument, 1 kodning med 1 begrepp (0 nya), 1 anteckning.");
        assertThat(swedish.confirm("/import/qdpx/bekrafta", swedishTwo).body())
                .contains("Importen är klar: 2 dokument, 2 kodningar med 1 begrepp (0 nya), 2 anteckningar.");
        assertThat(english.confirm("/import/qdpx/bekrafta?lang=en", englishOne).body())
                .contains("The import is done: 1 document, 1 coding with 1 concept (0 new), 1 memo.");
        assertThat(english.confirm("/import/qdpx/bekrafta?lang=en", englishTwo).body())
                .contains("The import is done: 2 documents, 2 codings with 1 concept (0 new), 2 memos.");
    }

    /** A QDPX project of {@code documents} documents, each with one coding of a code named as the theme and one memo on it. */
    private static byte[] project(int documents) throws Exception {
        String code = UUID.randomUUID().toString();
        StringBuilder sources = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < documents; i++) {
            String note = UUID.randomUUID().toString();
            // A name of its own: a document already in Lärarena would be coded again, not imported.
            String name = "Samtal " + UUID.randomUUID();
            sources.append("<TextSource guid=\"").append(UUID.randomUUID()).append("\" name=\"").append(name).append("\">")
                    .append("<PlainTextContent>Vi gjorde ett hembesök. ").append(name).append("</PlainTextContent>")
                    .append("<PlainTextSelection guid=\"").append(UUID.randomUUID()).append("\" startPosition=\"3\" endPosition=\"22\">")
                    .append("<Coding guid=\"").append(UUID.randomUUID()).append("\"><CodeRef targetGUID=\"").append(code).append("\"/></Coding>")
                    .append("<NoteRef targetGUID=\"").append(note).append("\"/></PlainTextSelection></TextSource>");
            notes.append("<Note guid=\"").append(note).append("\" name=\"Minne\"><PlainTextContent>Ett hembesök.</PlainTextContent></Note>");
        }
        String qde = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Besök\">"
                + "<CodeBook><Codes><Code guid=\"" + code + "\" name=\"" + theme.labelSv() + "\" isCodable=\"true\"/></Codes></CodeBook>"
                + "<Sources>" + sources + "</Sources><Notes>" + notes + "</Notes></Project>";
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("project.qde"));
            zip.write(qde.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return zipped.toByteArray();
    }

    @Test
    void aRefusalSaysThatNothingWasImportedInTheReadersLanguage() throws Exception {
        HttpResponse<String> swedishNoFile = new Reader().upload("/import/qdc", null, (byte[]) null);
        HttpResponse<String> englishNoFile = new Reader().upload("/import/qdc?lang=en", null, (byte[]) null);
        HttpResponse<String> englishForgotten = new Reader().confirm("/import/qdc/bekrafta?lang=en", "name=\"staged\" value=\"forgotten\"");

        assertThat(swedishNoFile.statusCode()).isEqualTo(400);
        assertThat(swedishNoFile.body()).contains("<h1>Import</h1>", "Inget importerades: Välj en fil att importera.", ">Tillbaka</a>");
        assertThat(englishNoFile.statusCode()).isEqualTo(400);
        assertThat(englishNoFile.body()).contains("<h1>Import</h1>", "Nothing was imported: Choose a file to import.", ">Back</a>");
        assertThat(englishForgotten.statusCode()).isEqualTo(404);
        assertThat(englishForgotten.body()).contains("Nothing was imported: The preview is no longer kept (previews are kept for an hour). "
                + "Choose the file again.");
    }

    @Test
    void aRunningImportsPageSaysHowFarItHasComeInTheReadersLanguage() throws Exception {
        assertThat(runningPage(3, 10, "")).contains("Importen pågår: 3 av 10 kodningar sparade.", ">Uppdatera</a>");
        assertThat(runningPage(3, 10, "?lang=en")).contains("The import is running: 3 of 10 codings saved.", ">Refresh</a>")
                .doesNotContain("Importen pågår");
        // Of one coding, the singular.
        assertThat(runningPage(0, 1, "")).contains("Importen pågår: 0 av 1 kodning sparad.");
        assertThat(runningPage(0, 1, "?lang=en")).contains("The import is running: 0 of 1 coding saved.");
    }

    /** The page of an import job that has saved {@code codings} of {@code of} codings, asked with {@code query}; the job ends after. */
    private static String runningPage(long codings, long of, String query) throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Jobs.Job job = jobs.startReporting("import_qdpx", RESEARCHER.username(), progress -> {
            progress.accept(new JsonObject().put("codings", codings).put("of", of));
            reported.countDown();
            release.await(1, TimeUnit.MINUTES);
            return new JsonObject();
        });
        try {
            assertThat(reported.await(30, TimeUnit.SECONDS)).isTrue();
            return new Reader().get("/import/jobb/" + job.id() + query).body();
        } finally {
            release.countDown();
            // One project import runs at a time: the next waits until this one is done.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (jobs.find(job.id()).orElseThrow().state() == Jobs.State.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
    }

    /** A browser of its own (its session, its CSRF token, its language) that chooses files and confirms previews. */
    private static final class Reader {
        private final PageServer.Visitor visitor = server.visitor();

        HttpResponse<String> get(String path) throws Exception {
            return visitor.get(path);
        }

        /** A text file chosen on the Kodbok page, sent as its form sends it. */
        HttpResponse<String> upload(String path, String filename, String content) throws Exception {
            return upload(path, filename, content.getBytes(StandardCharsets.UTF_8));
        }

        /** The file chosen on the Kodbok or the Dokument page, sent as its form sends it (no file when {@code filename} is null). */
        HttpResponse<String> upload(String path, String filename, byte[] content) throws Exception {
            String token = visitor.token();
            String boundary = "lararena" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (filename != null) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.writeBytes(content);
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return visitor.send(HttpRequest.newBuilder(visitor.uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        }

        /** Confirms the preview {@code previewPage} shows, each code left to its automatic match (the choice the preview presets). */
        HttpResponse<String> confirm(String path, String previewPage) throws Exception {
            return confirm(path, previewPage, "");
        }

        /** Confirms the preview {@code previewPage} shows with the choices in {@code choices} ({@code &kod.GUID=…}), the rest as preset. */
        HttpResponse<String> confirm(String path, String previewPage, String choices) throws Exception {
            Matcher staged = STAGED.matcher(previewPage);
            assertThat(staged.find()).as("the preview names what it keeps").isTrue();
            return visitor.post(path, "staged=" + URLEncoder.encode(staged.group(1), StandardCharsets.UTF_8) + choices);
        }
    }
}
