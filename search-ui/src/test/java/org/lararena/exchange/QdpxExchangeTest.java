package org.lararena.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lararena.exchange.QdpxFiles.utf8;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.codebook.CodebookActions;
import org.lararena.codebook.SynonymProposals;
import org.lararena.coding.MemoStore;
import org.lararena.coding.MemoStores;
import org.lararena.ingest.DocumentExtracted;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.codebook.Codebook;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.shared.FileCollection;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Export and import against the real stores (Jena in memory, files in a temporary directory). */
class QdpxExchangeTest {

    private static Ontology ontology;
    private static Concept theme;
    private static Concept narrower;

    @TempDir
    Path dir;
    private Stores source;

    /**
     * One instance's stores, with a codebook of its own: its ontology is a copy of {@code shipped}, so concepts an
     * import creates stay in this instance.
     */
    record Stores(DocumentStore documents, AnnotationStore annotations, MemoStore memos, Path work, Ontology ontology, CodebookActions codebook) {
        static Stores in(Path dir, Ontology shipped) {
            return in(dir, shipped, TDB2Factory.createDataset());
        }

        /** The same with the annotation store and the codebook in {@code dataset} (on disk, for a benchmark). */
        static Stores in(Path dir, Ontology shipped, Dataset dataset) {
            Ontology own = shipped.snapshot();
            RdfAnnotationStore annotations = new RdfAnnotationStore(dataset);
            CodebookActions codebook = new CodebookActions(new Codebook(StoreTransactions.local(dataset), own, annotations, Clock.systemUTC()), annotations,
                    new AuditLog(new FileCollection(dir.resolve("audit"), "the audit entry", false)), (document, passages) -> { }, () -> { },
                    new SynonymProposals(() -> own, () -> SuggesterModel.DICTIONARY_ONLY, dir.resolve("rejected-proposals.json")));
            return new Stores(new DocumentStore(dir.resolve("documents")), annotations,
                    MemoStores.opened(dir.resolve("memos"), 10_000, Clock.systemUTC()), dir.resolve("work"), own, codebook);
        }

        QdpxExport export() {
            return new QdpxExport(documents, annotations, memos, ontology);
        }

        QdpxImport importer() {
            return new QdpxImport(documents, annotations, memos, codebook, 10_000, work);
        }
    }

    @BeforeAll
    static void loadOntology() {
        ontology = OntologyLoader.fromClasspath();
        theme = ontology.topThemes().get(0);
        narrower = ontology.require(theme.narrower().get(0));
    }

    @BeforeEach
    void stores() {
        source = Stores.in(dir.resolve("source"), ontology);
    }

    /** A document with these passages, as extraction would have kept them. */
    static DocumentRecord document(Stores stores, String title, List<String> passages) throws Exception {
        Path file = Files.writeString(Files.createTempFile(stores.work().getParent(), "doc-", ".txt"), String.join("\n\n", passages) + title);
        DocumentRecord record = stores.documents().store(file, title + ".txt",
                new DocumentStore.UploadFields(title, "intervju", "Värmland", "2025-03", Visibility.RESTRICTED), "forskare");
        JsonArray json = new JsonArray();
        for (int i = 0; i < passages.size(); i++) {
            json.add(new JsonObject().put("ordinal", i).put("text", passages.get(i)).put("start", 0).put("end", passages.get(i).length()));
        }
        stores.documents().savePassages(record.id(), new DocumentExtracted(record.id(), json).toJson());
        return record;
    }

    static StoredAnnotation tag(Stores stores, DocumentRecord record, int passage, String text, String exact, Concept concept, String coder) {
        int start = text.codePointCount(0, text.indexOf(exact));
        int end = start + exact.codePointCount(0, exact.length());
        return stores.annotations().addManual(record.id(), new PassageText(record.id() + "-" + passage, text), start, end, concept.iri(),
                stores.ontology().version(), coder);
    }

    private static final String FIRST = "Vi pratade om 😀 samverkan mellan vårdcentral och kommun.";
    /** Decomposed "é" (e + combining acute): exported in NFC, so positions after it move by one. */
    private static final String SECOND = "Cafe\u0301et var en plats för möten, och \uD834\uDD1E musik.";

    /** Short paragraphs merged into one passage: a blank line inside it. */
    private static final String THIRD = "Ett kort stycke.\n\nEtt till i samma passage.";

    private DocumentRecord codedDocument() throws Exception {
        DocumentRecord record = document(source, "Intervju 1", List.of(FIRST, SECOND, THIRD));
        tag(source, record, 0, FIRST, "samverkan mellan vårdcentral", theme, "anna");
        tag(source, record, 1, SECOND, "plats för möten", narrower, "bertil");
        tag(source, record, 1, SECOND, "musik", theme, "anna");
        source.memos().add(record.id() + "-1", "Viktig iakttagelse om mötesplatser.", "bertil");
        return record;
    }

    private byte[] exported(List<DocumentRecord> records, boolean pseudonyms) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QdpxWriter.writeProject(source.export().project("Test", records, pseudonyms), Instant.parse("2026-01-01T00:00:00Z"), out);
        return out.toByteArray();
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(QdpxWriter.PROJECT_NAMESPACE, name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    @Test
    void anExportedProjectValidatesAndEverySelectionGivesExactlyItsCodedText() throws Exception {
        DocumentRecord record = codedDocument();
        Map<String, byte[]> zip = QdpxFiles.entries(exported(List.of(record), false));

        QdpxFiles.validateAgainstOfficialSchema(zip.get("project.qde"));
        Document project = xml(zip.get("project.qde"));
        Element textSource = elements(project, "TextSource").get(0);
        String path = textSource.getAttribute("plainTextPath");
        assertThat(path).startsWith("internal://");
        String text = new String(zip.get("sources/" + path.substring("internal://".length())), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(FIRST + "\n\n\n" + "Caf\u00e9et var en plats för möten, och \uD834\uDD1E musik." + "\n\n\n" + THIRD);

        Set<String> coded = new HashSet<>();
        for (Element selection : elements(project, "PlainTextSelection")) {
            if (elements(project, "Coding").stream().noneMatch(c -> c.getParentNode() == selection)) {
                continue;
            }
            int start = Integer.parseInt(selection.getAttribute("startPosition"));
            int end = Integer.parseInt(selection.getAttribute("endPosition"));
            coded.add(text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end)));
        }
        assertThat(coded).containsExactlyInAnyOrder("samverkan mellan vårdcentral", "plats för möten", "musik");
        assertThat(elements(project, "User")).extracting(u -> u.getAttribute("name")).containsExactlyInAnyOrder("anna", "bertil");
        assertThat(elements(project, "Note")).hasSize(1);
        assertThat(elements(project, "NoteRef")).hasSize(1);
        assertThat(elements(project, "Variable")).extracting(v -> v.getAttribute("name")).contains("Pilot", "Dokumenttyp", "Datum");
        assertThat(elements(project, "Case")).extracting(c -> c.getAttribute("name")).containsExactly("Värmland");
    }

    @Test
    void codeGuidsComeFromTheConceptIrisAndStayTheSameAcrossExports() throws Exception {
        DocumentRecord record = codedDocument();
        Document first = xml(QdpxFiles.entries(exported(List.of(record), false)).get("project.qde"));
        Document second = xml(QdpxFiles.entries(exported(List.of(record), false)).get("project.qde"));

        List<String> guids = elements(first, "Code").stream().map(c -> c.getAttribute("guid")).toList();
        assertThat(guids).isEqualTo(elements(second, "Code").stream().map(c -> c.getAttribute("guid")).toList());
        Element themeCode = elements(first, "Code").stream().filter(c -> c.getAttribute("name").equals(theme.labelSv())).findFirst().orElseThrow();
        assertThat(themeCode.getAttribute("guid")).isEqualTo(UUID.nameUUIDFromBytes(utf8(theme.iri())).toString());
        assertThat(themeCode.getAttribute("color")).matches("#[0-9A-F]{6}");
        // narrower concepts are nested in their broader code
        assertThat(elements(first, "Code").stream().filter(c -> c.getAttribute("name").equals(narrower.labelSv())))
                .allMatch(c -> c.getParentNode() == themeCode);
    }

    @Test
    void suggestionsEachResearcherAcceptedAreTheirCodingAndTheConsensusIsAUserOfItsOwn() throws Exception {
        DocumentRecord record = document(source, "Intervju 2", List.of(FIRST));
        int start = FIRST.codePointCount(0, FIRST.indexOf("samverkan"));
        String suggestion = source.annotations().storeAutomatic(record.id(), source.ontology().version(), List.of(
                new AnnotationStore.PassageSuggestions(new PassageText(record.id() + "-0", FIRST),
                        List.of(new Suggestion(theme.iri(), theme.iri(), FIRST.indexOf("samverkan"),
                                FIRST.indexOf("samverkan") + "samverkan".length(), "samverkan", "samverkan", 0.8))))).get(0).id();
        source.annotations().review(record.id(), List.of(suggestion), ReviewState.ACCEPTED, "anna");
        source.annotations().review(record.id(), List.of(suggestion), ReviewState.REJECTED, "bertil");
        source.annotations().settleConsensus(record.id(), Set.of(suggestion), "bertil", "anna");

        Map<String, byte[]> zip = QdpxFiles.entries(exported(List.of(record), false));
        QdpxFiles.validateAgainstOfficialSchema(zip.get("project.qde"));
        Document project = xml(zip.get("project.qde"));
        Map<String, String> userNames = new HashMap<>();
        elements(project, "User").forEach(u -> userNames.put(u.getAttribute("guid"), u.getAttribute("name")));
        List<String> codedBy = elements(project, "Coding").stream().map(c -> userNames.get(c.getAttribute("creatingUser"))).toList();

        assertThat(codedBy).as("anna accepted it, bertil rejected it, the consensus kept it").containsExactlyInAnyOrder("anna", "Konsensus");
        assertThat(elements(project, "PlainTextSelection")).allSatisfy(selection ->
                assertThat(Integer.parseInt(selection.getAttribute("startPosition"))).isEqualTo(start));
        byte[] pseudonymised = QdpxFiles.entries(exported(List.of(record), true)).get("project.qde");
        assertThat(elements(xml(pseudonymised), "User")).extracting(u -> u.getAttribute("name"))
                .as("the consensus is no person: its name stays").containsExactlyInAnyOrder("Kodare 1", "Konsensus");
    }

    @Test
    void pseudonymsHideTheCodersUsernames() throws Exception {
        byte[] qde = QdpxFiles.entries(exported(List.of(codedDocument()), true)).get("project.qde");

        assertThat(elements(xml(qde), "User")).extracting(u -> u.getAttribute("name")).containsExactlyInAnyOrder("Kodare 1", "Kodare 2");
        assertThat(new String(qde, StandardCharsets.UTF_8)).doesNotContainPattern("\"(anna|bertil)\"");
    }

    @Test
    void theCodebookAloneIsAQdcFileWithTheSameCodes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QdpxWriter.writeCodebook(source.export().codebook(), out);
        Document codebook = xml(out.toByteArray());

        assertThat(codebook.getDocumentElement().getNamespaceURI()).isEqualTo(QdpxWriter.CODEBOOK_NAMESPACE);
        assertThat(codebook.getElementsByTagNameNS(QdpxWriter.CODEBOOK_NAMESPACE, "Code").getLength())
                .isEqualTo(ontology.concepts(LAR.Teman.getURI()).size());
    }

    @Test
    void anExportImportedIntoEmptyStoresGivesTheSamePassagesConceptsCodingsAndCoders() throws Exception {
        DocumentRecord record = codedDocument();
        Path file = Files.write(dir.resolve("export.qdpx"), exported(List.of(record), false));
        Stores target = Stores.in(dir.resolve("target"), ontology);

        QdpxImport importer = target.importer();
        QdpxProject project = new QdpxReader(10_000_000, Optional.empty()).read(file);
        QdpxImport.Applied applied = importer.apply(importer.plan(project, Map.of(), "importer"), "importer");

        assertThat(applied.summary().getInteger("documents")).isEqualTo(1);
        assertThat(applied.summary().getInteger("codings")).isEqualTo(3);
        assertThat(applied.summary().getInteger("memos")).isEqualTo(1);
        String imported = applied.extracted().keySet().iterator().next();
        assertThat(applied.extracted().get(imported).stream().map(p -> ((JsonObject) p).getString("text")).toList())
                .containsExactly(QdpxExport.nfc(FIRST), QdpxExport.nfc(SECOND), THIRD);
        assertThat(target.annotations().annotationsOf(imported)).extracting(a -> a.exact() + "|" + a.conceptIri() + "|" + a.creator())
                .containsExactlyInAnyOrderElementsOf(source.annotations().annotationsOf(record.id()).stream()
                        .map(a -> QdpxExport.nfc(a.exact()) + "|" + a.conceptIri() + "|" + a.creator()).toList());
        assertThat(target.memos().of(imported + "-1")).extracting(m -> m.text() + "|" + m.author())
                .containsExactly("Viktig iakttagelse om mötesplatser.|bertil");
        assertThat(target.documents().find(imported).orElseThrow().visibility()).isEqualTo(Visibility.RESTRICTED);
    }

    @Test
    void importingTheSameExportAgainAddsNoCodingTwice() throws Exception {
        Path file = Files.write(dir.resolve("export.qdpx"), exported(List.of(codedDocument()), false));
        Stores target = Stores.in(dir.resolve("target"), ontology);
        QdpxImport importer = target.importer();
        QdpxReader reader = new QdpxReader(10_000_000, Optional.empty());
        String first = importer.apply(importer.plan(reader.read(file), Map.of(), "importer"), "importer").extracted().keySet().iterator().next();

        QdpxImport.Applied again = importer.apply(importer.plan(reader.read(file), Map.of(), "importer"), "importer");

        assertThat(again.summary().getInteger("documents")).isZero();
        assertThat(target.annotations().annotationsOf(first)).hasSize(3);
    }
}
