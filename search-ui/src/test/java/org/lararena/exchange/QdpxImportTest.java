package org.lararena.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lararena.exchange.QdpxFiles.utf8;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.ConfigurationException;
import org.lararena.platform.LararenaException;

/**
 * Imports of files written in other tools' styles, quirks included, and bad files refused with nothing stored. The
 * reader checks against the REFI-QDA schema only where a test gives it {@code ../shared/refi-qda/Project.xsd}.
 */
class QdpxImportTest {

    private static final QdpxReader WITHOUT_SCHEMA = new QdpxReader(10_000_000, Optional.empty());

    private static Ontology ontology;
    private static Concept theme;
    private static Concept synonymConcept;
    private static String synonym;

    @TempDir
    Path dir;
    private QdpxExchangeTest.Stores stores;

    @BeforeAll
    static void loadOntology() {
        ontology = OntologyLoader.fromClasspath();
        theme = ontology.topThemes().get(0);
        synonymConcept = ontology.concepts(LAR.Teman.getURI()).stream()
                .filter(c -> !c.altLabels().isEmpty() && !c.iri().equals(theme.iri())).findFirst().orElseThrow();
        synonym = synonymConcept.altLabels().get(0).text();
    }

    @BeforeEach
    void stores() {
        stores = QdpxExchangeTest.Stores.in(dir.resolve("instance"), ontology);
    }

    private static final String CRLF_TEXT = "Första raden om 😀 samverkan.\r\nAndra raden om möten.\r\n\r\nTredje stycket om musik.";
    private static final String EMOJI_TEXT = "𝄞𝄞𝄞 Tre klaver före: här börjar det kodade.";

    /** Positions as a tool counting CRLF as one character writes them: code points of the text with LF line breaks. */
    private static long[] crlfAsOne(String text, String coded) {
        String lf = text.replace("\r\n", "\n");
        int start = lf.codePointCount(0, lf.indexOf(coded));
        return new long[] {start, start + coded.codePointCount(0, coded.length())};
    }

    private static long[] codePoints(String text, String coded) {
        int start = text.codePointCount(0, text.indexOf(coded));
        return new long[] {start, start + coded.codePointCount(0, coded.length())};
    }

    static String selection(String guid, long[] span, String name, String codeGuid, String user, String noteRef) {
        return "<PlainTextSelection guid=\"" + guid + "\" name=\"" + name + "\" startPosition=\"" + span[0] + "\" endPosition=\"" + span[1]
                + "\" creatingUser=\"" + user + "\"><Coding guid=\"" + guid.replace("AAAA", "CCCC") + "\" creatingUser=\"" + user
                + "\"><CodeRef targetGUID=\"" + codeGuid + "\"/></Coding>" + (noteRef == null ? "" : "<NoteRef targetGUID=\"" + noteRef + "\"/>")
                + "</PlainTextSelection>";
    }

    /** A project as another tool writes it: braces and upper case in GUIDs, a BOM, a .qde named after the project. */
    private Path foreignProject() throws Exception {
        String anna = "{11111111-1111-1111-1111-111111111111}";
        String britt = "{22222222-2222-2222-2222-222222222222}";
        String labelCode = "{33333333-3333-3333-3333-333333333333}";
        String synonymCode = "{44444444-4444-4444-4444-444444444444}";
        String unknownCode = "{55555555-5555-5555-5555-555555555555}";
        String qde = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
                + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Studie om samverkan\" origin=\"Annat verktyg 9\">\r\n"
                + "<Users><User guid=\"" + anna + "\" name=\"anna\"/><User guid=\"" + britt + "\" name=\"Britt Berg\"/></Users>\r\n"
                + "<CodeBook><Codes><Code guid=\"" + labelCode + "\" name=\"" + theme.labelSv().toUpperCase() + "\" isCodable=\"true\">"
                + "<Code guid=\"" + synonymCode + "\" name=\"" + synonym + "\" isCodable=\"true\"/></Code>"
                + "<Code guid=\"" + unknownCode + "\" name=\"Okänd kod\" isCodable=\"true\" color=\"#ABC\"/></Codes></CodeBook>\r\n"
                + "<Sources>\r\n"
                + "<TextSource guid=\"{AAAAAAAA-0000-0000-0000-000000000001}\" name=\"Intervju CRLF\" plainTextPath=\"internal://crlf.txt\">"
                + selection("AAAAAAAA-0000-0000-0000-0000000000A1", crlfAsOne(CRLF_TEXT, "möten"), "möten", labelCode, anna,
                        "BBBBBBBB-0000-0000-0000-000000000001")
                + selection("AAAAAAAA-0000-0000-0000-0000000000A2", crlfAsOne(CRLF_TEXT, "musik"), "musik", synonymCode, britt, null)
                + selection("AAAAAAAA-0000-0000-0000-0000000000A3", crlfAsOne(CRLF_TEXT, "samverkan"), "samverkan", unknownCode, britt, null)
                + "</TextSource>\r\n"
                + "<TextSource guid=\"AAAAAAAA-0000-0000-0000-000000000002\" name=\"Klaver\">"
                + "<PlainTextContent>" + EMOJI_TEXT + "</PlainTextContent>"
                + selection("AAAAAAAA-0000-0000-0000-0000000000B1", codePoints(EMOJI_TEXT, "här börjar det kodade"), "här börjar det kodade",
                        labelCode, britt, null)
                + "</TextSource>\r\n"
                + "<TextSource guid=\"AAAAAAAA-0000-0000-0000-000000000003\" name=\"Saknas\" plainTextPath=\"internal://saknas.txt\">"
                + selection("AAAAAAAA-0000-0000-0000-0000000000C1", new long[] {0, 4}, "", labelCode, anna, null)
                + "</TextSource>\r\n"
                + "<TextSource guid=\"AAAAAAAA-0000-0000-0000-000000000004\" name=\"Bara DOCX\" richTextPath=\"internal://rik.docx\"/>\r\n"
                + "</Sources>\r\n"
                + "<Notes><Note guid=\"BBBBBBBB-0000-0000-0000-000000000001\" name=\"Minne\" creatingUser=\"" + anna + "\">"
                + "<PlainTextContent>Möten återkommer.</PlainTextContent></Note></Notes>\r\n"
                + "</Project>\r\n";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Studie om samverkan.qde", withBom(qde));
        entries.put("sources/crlf.txt", utf8(CRLF_TEXT));
        entries.put("sources/rik.docx", utf8("inte en riktig docx, men rik text"));
        return QdpxFiles.zip(dir, entries);
    }

    private static byte[] withBom(String xml) {
        byte[] body = utf8(xml);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    private QdpxImport.Applied importAll(Path file, Map<String, String> mapping) {
        QdpxImport importer = stores.importer();
        return importer.apply(importer.plan(WITHOUT_SCHEMA.read(file), mapping, "importer"), "importer");
    }

    private List<StoredAnnotation> annotationsOfDocumentTitled(String title) {
        String id = stores.documents().all().stream().filter(r -> title.equals(r.title())).findFirst().orElseThrow().id();
        return stores.annotations().annotationsOf(id);
    }

    @Test
    void anotherToolsProjectComesInWithItsCodingsOnTheRightSpans() throws Exception {
        QdpxImport.Applied applied = importAll(foreignProject(), Map.of());

        assertThat(annotationsOfDocumentTitled("Intervju CRLF")).extracting(a -> a.exact() + "|" + a.conceptIri() + "|" + a.creator())
                .containsExactlyInAnyOrder("möten|" + theme.iri() + "|anna", "musik|" + synonymConcept.iri() + "|Britt Berg");
        assertThat(annotationsOfDocumentTitled("Klaver")).extracting(StoredAnnotation::exact).containsExactly("här börjar det kodade");
        assertThat(applied.summary().getInteger("codings")).isEqualTo(3);
        assertThat(applied.summary().getInteger("concepts")).as("the concepts the codings use").isEqualTo(2);
        assertThat(applied.summary().getInteger("memos")).isEqualTo(1);
        assertThat(applied.received()).as("the DOCX-only source goes through the normal pipeline").hasSize(1);
        assertThat(applied.summary().getJsonArray("warnings").encode())
                .contains("Saknas").contains("Okänd kod").contains("CRLF").contains("Bara DOCX");
    }

    @Test
    void thePreviewShowsEachCodesMappingAndWritesNothing() throws Exception {
        QdpxImport importer = stores.importer();
        var preview = importer.plan(WITHOUT_SCHEMA.read(foreignProject()), Map.of(), "importer").preview();

        assertThat(preview.getJsonArray("codes").stream().map(c -> ((JsonObject) c).getString("match")).toList())
                .containsExactly("label", "label", "none");
        assertThat(stores.documents().all()).isEmpty();
    }

    @Test
    void aResearchersMappingMapsOrSkipsACode() throws Exception {
        Map<String, String> mapping = Map.of("55555555-5555-5555-5555-555555555555", theme.iri(),
                "44444444-4444-4444-4444-444444444444", "skip");

        importAll(foreignProject(), mapping);

        assertThat(annotationsOfDocumentTitled("Intervju CRLF")).extracting(a -> a.exact() + "|" + a.conceptIri())
                .containsExactlyInAnyOrder("möten|" + theme.iri(), "samverkan|" + theme.iri());
    }

    private static String minimalProject(String sources) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">\n"
                + "<CodeBook><Codes><Code guid=\"33333333-3333-3333-3333-333333333333\" name=\"" + theme.labelSv() + "\" isCodable=\"true\"/>"
                + "</Codes></CodeBook>\n<Sources>" + sources + "</Sources>\n</Project>\n";
    }

    private LararenaException refused(Map<String, byte[]> entries) throws Exception {
        return refused(new QdpxReader(1024 * 1024, Optional.empty()), entries);
    }

    private LararenaException refused(QdpxReader reader, Map<String, byte[]> entries) throws Exception {
        Path file = QdpxFiles.zip(dir, entries);
        QdpxImport importer = stores.importer();
        try {
            importer.apply(importer.plan(reader.read(file), Map.of(), "importer"), "importer");
        } catch (LararenaException e) {
            assertThat(stores.documents().all()).as("nothing is stored").isEmpty();
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("text.qdpx"), "just text");
        assertThatThrownBy(() -> new QdpxReader(1024, Optional.empty()).read(file)).isInstanceOf(LararenaException.class)
                .hasMessageContaining("not a zip");
    }

    @Test
    void aZipWithoutAQdeIsRefused() throws Exception {
        assertThat(refused(Map.of("sources/a.txt", utf8("text"))).getMessage()).contains("no .qde");
    }

    @Test
    void xmlFailingTheSchemaIsRefusedWithItsLine() throws Exception {
        String bad = "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">\n<Sources>\n<TextSource name=\"no guid\"/>\n"
                + "</Sources></Project>";
        LararenaException e = refused(new QdpxReader(1024 * 1024, Optional.of(QdpxFiles.officialSchema())), Map.of("project.qde", utf8(bad)));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("Project.xsd").contains("line 4").contains("guid");
    }

    @Test
    void withoutASchemaAProjectIsImportedAndTheAnswerSaysItWasNotCheckedAgainstIt() throws Exception {
        String source = "<TextSource guid=\"AAAAAAAA-0000-0000-0000-000000000001\" name=\"ok\"><PlainTextContent>Kort text.</PlainTextContent>"
                + "</TextSource>";
        Path file = QdpxFiles.zip(dir, Map.of("project.qde", utf8(minimalProject(source))));
        QdpxImport importer = stores.importer();

        var preview = importer.plan(WITHOUT_SCHEMA.read(file), Map.of(), "importer").preview();
        QdpxImport.Applied applied = importAll(file, Map.of());

        assertThat(applied.summary().getInteger("documents")).isEqualTo(1);
        assertThat(applied.summary().getJsonArray("warnings").getList()).as("the import's answer")
                .anyMatch(w -> w.toString().contains("not checked against the REFI-QDA schema") && w.toString().contains("LARARENA_QDPX_SCHEMA"));
        assertThat(preview.getJsonArray("warnings").encode()).as("the preview's answer").contains("LARARENA_QDPX_SCHEMA is not set");
    }

    @Test
    void withTheSchemaAnotherToolsProjectPassesItAndNoSuchWarningIsGiven() throws Exception {
        QdpxImport importer = stores.importer();
        QdpxReader checked = new QdpxReader(10_000_000, Optional.of(QdpxFiles.officialSchema()));

        QdpxImport.Applied applied = importer.apply(importer.plan(checked.read(foreignProject()), Map.of(), "importer"), "importer");

        assertThat(applied.summary().getInteger("codings")).isEqualTo(3);
        assertThat(applied.summary().getJsonArray("warnings").encode()).doesNotContain("LARARENA_QDPX_SCHEMA");
    }

    @Test
    void xmlThatIsNotWellFormedIsRefusedWithItsLineWithoutASchema() throws Exception {
        String broken = "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">\n<Sources>\n</Project>";
        LararenaException e = refused(Map.of("project.qde", utf8(broken)));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("not well-formed").contains("line 4");
    }

    @Test
    void aConfiguredSchemaThatIsNoSchemaStopsTheStartNamingTheVariable() throws Exception {
        Path notASchema = Files.writeString(dir.resolve("Project.xsd"), "<html>inte ett schema</html>");

        Path anotherSchema = Files.writeString(dir.resolve("Other.xsd"), "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + "<xs:element name=\"Project\"/></xs:schema>");

        assertThatThrownBy(() -> new QdpxReader(1024, Optional.of(notASchema))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("LARARENA_QDPX_SCHEMA").hasMessageContaining(notASchema.toString());
        assertThatThrownBy(() -> new QdpxReader(1024, Optional.of(anotherSchema))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("LARARENA_QDPX_SCHEMA").hasMessageContaining("not the REFI-QDA project schema");
    }

    @Test
    void aDtdWithAnExternalEntityIsRefusedAndNeverResolved() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "HEMLIGT-INNEHÅLL");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&x;\"/>";
        LararenaException e = refused(Map.of("project.qde", utf8(xxe)));
        assertThat(e.getMessage()).contains("DTD").doesNotContain("HEMLIGT");
    }

    @Test
    void aSourceUnpackingBeyondTheLimitIsRefusedAsAZipBomb() throws Exception {
        String source = "<TextSource guid=\"AAAAAAAA-0000-0000-0000-000000000001\" name=\"bomb\" plainTextPath=\"internal://bomb.txt\"/>";
        LararenaException e = refused(Map.of("project.qde", utf8(minimalProject(source)), "sources/bomb.txt", new byte[5 * 1024 * 1024]));
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("zip bomb");
    }

    @Test
    void duplicateGuidsAreRefused() throws Exception {
        String source = "<TextSource guid=\"{33333333-3333-3333-3333-333333333333}\" name=\"dup\"><PlainTextContent>x</PlainTextContent></TextSource>";
        assertThat(refused(Map.of("project.qde", utf8(minimalProject(source)))).getMessage()).contains("used twice");
    }

    @Test
    void aSelectionOutsideItsSourceIsRefusedAndNothingIsStored() throws Exception {
        String good = "<TextSource guid=\"AAAAAAAA-0000-0000-0000-000000000001\" name=\"ok\"><PlainTextContent>Kort text.</PlainTextContent>"
                + selection("AAAAAAAA-0000-0000-0000-0000000000A1", new long[] {0, 4}, "Kort", "33333333-3333-3333-3333-333333333333",
                        "11111111-1111-1111-1111-111111111111", null) + "</TextSource>";
        String bad = "<TextSource guid=\"AAAAAAAA-0000-0000-0000-000000000002\" name=\"för kort\"><PlainTextContent>Kort.</PlainTextContent>"
                + selection("AAAAAAAA-0000-0000-0000-0000000000B1", new long[] {2, 40}, "", "33333333-3333-3333-3333-333333333333",
                        "11111111-1111-1111-1111-111111111111", null) + "</TextSource>";
        LararenaException e = refused(Map.of("project.qde", utf8(minimalProject(good + bad))));
        assertThat(e.getMessage()).contains("för kort").contains("outside");
    }
}
