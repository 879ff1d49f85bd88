package org.lararena.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Concept;
import org.lararena.platform.LararenaException;

/** QDC codebooks: read with the project reader's safe parsing and checks; their new codes become concepts. */
class QdcImportTest extends ImportIntoOneInstance {



    private Path qdc(String xml) throws Exception {
        return Files.writeString(dir.resolve("kodbok-" + System.nanoTime() + ".qdc"), xml);
    }

    private static String codebook(String codes) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Annat verktyg\">\n"
                + "<Codes>" + codes + "</Codes>\n</CodeBook>\n";
    }

    @Test
    void aCodebookLararenaWroteMapsBackToItsConceptsAndCreatesNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QdpxWriter.writeCodebook(stores.export().codebook(), out);
        QdpxProject read = READER.readCodebook(Files.write(dir.resolve("lararena.qdc"), out.toByteArray()), "lararena.qdc");

        QdpxImport.Plan plan = stores.importer().plan(read, Map.of(), "anna", QdpxImport.CREATE);

        assertThat(plan.codes()).hasSizeGreaterThan(shipped.topThemes().size());
        assertThat(plan.codes()).allSatisfy(code -> assertThat(code.match()).isEqualTo("guid"));
        assertThat(plan.created()).isEmpty();
    }

    @Test
    void anotherToolsCodebookBringsItsNewCodesInAsConcepts() throws Exception {
        Path file = qdc(codebook("<Code guid=\"{AA000000-0000-0000-0000-000000000001}\" name=\"" + theme.labelSv() + "\" isCodable=\"true\">"
                + "<Code guid=\"AA000000-0000-0000-0000-000000000002\" name=\"Hembesök\" isCodable=\"true\">"
                + "<Description>Besök i hemmet.</Description></Code></Code>"
                + "<Code guid=\"AA000000-0000-0000-0000-000000000003\" name=\"Egen kategori\" isCodable=\"true\"/>"
                + "<Code guid=\"AA000000-0000-0000-0000-000000000004\" name=\"Hoppas över\" isCodable=\"true\"/>"));
        QdpxImport importer = stores.importer();

        QdpxImport.Applied applied = importer.apply(importer.plan(READER.readCodebook(file, "kodbok.qdc"),
                Map.of("aa000000-0000-0000-0000-000000000004", QdpxImport.SKIP), "anna", QdpxImport.CREATE), "anna");

        Concept visit = stores.ontology().concepts(theme.scheme()).stream().filter(c -> c.labelSv().equals("Hembesök")).findFirst().orElseThrow();
        assertThat(visit.broader()).containsExactly(theme.iri());
        assertThat(visit.definition("sv")).contains("Besök i hemmet.");
        assertThat(stores.ontology().concepts(theme.scheme())).anyMatch(c -> c.labelSv().equals("Egen kategori") && c.isTop())
                .noneMatch(c -> c.labelSv().equals("Hoppas över"));
        assertThat(applied.summary().getInteger("created")).isEqualTo(2);
        assertThat(applied.summary().getJsonArray("warnings").encode()).contains("LARARENA_QDC_SCHEMA");
    }

    @Test
    void aDtdIsRefusedNeverResolved() throws Exception {
        Path file = qdc("<?xml version=\"1.0\"?>\n<!DOCTYPE CodeBook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"AA000000-0000-0000-0000-000000000001\" name=\"&x;\""
                + " isCodable=\"true\"/></Codes></CodeBook>");
        assertThatThrownBy(() -> READER.readCodebook(file, "x.qdc")).isInstanceOf(LararenaException.class).hasMessageContaining("DTD");
    }

    @Test
    void aFileThatIsNotXmlIsRefusedWithItsLine() throws Exception {
        Path file = Files.write(dir.resolve("zip.qdc"), new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThatThrownBy(() -> READER.readCodebook(file, "zip.qdc")).isInstanceOf(LararenaException.class)
                .hasMessageContaining("codebook XML is not well-formed at line 1");
    }

    @Test
    void duplicateGuidsAreRefused() throws Exception {
        Path file = qdc(codebook("<Code guid=\"{AA000000-0000-0000-0000-000000000001}\" name=\"A\" isCodable=\"true\"/>"
                + "<Code guid=\"aa000000-0000-0000-0000-000000000001\" name=\"B\" isCodable=\"true\"/>"));
        assertThatThrownBy(() -> READER.readCodebook(file, "x.qdc")).isInstanceOf(LararenaException.class).hasMessageContaining("used twice");
    }

    @Test
    void aProjectIsNotACodebook() throws Exception {
        Path file = qdc("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\"/>");
        assertThatThrownBy(() -> READER.readCodebook(file, "x.qdc")).isInstanceOf(LararenaException.class)
                .hasMessageContaining("not a REFI-QDA codebook");
    }
}
