package org.lararena.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaConfig;

/** Extraction of the real documents of the shared corpus through the worker JVM. */
class DocumentExtractorCorpusTest {

    private static DocumentExtractor extractor;

    @BeforeAll
    static void startExtractor() {
        extractor = new DocumentExtractor(LararenaConfig.Extraction.defaults());
    }

    @AfterAll
    static void stopExtractor() {
        extractor.close();
    }

    @Test
    void theReportPdfComesOutAsFortySixPagesOfSwedishText() throws Exception {
        ExtractedDocument report = extractor.extract(TestCorpus.file("halsolabb-lagesrapport-2021.pdf"),
                "halsolabb-lagesrapport-2021.pdf", "application/pdf");

        assertThat(report.mediaType()).isEqualTo("application/pdf");
        assertThat(report.pages()).hasSize(46);
        assertThat(report.text()).contains("Samsjuklighetsutredningen", "Värmland");
        assertThat(report.text().chars().filter(c -> c == ExtractedDocument.PAGE_BREAK).count()).isEqualTo(45);
    }

    @Test
    void theTranscriptDocxKeepsItsSpeakerLabels() throws Exception {
        ExtractedDocument transcript = extractor.extract(TestCorpus.file("naravardpodden-ep33-transkript.docx"),
                "naravardpodden-ep33-transkript.docx", null);

        assertThat(transcript.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(transcript.pages()).isEmpty();
        assertThat(transcript.text()).contains("PRESENTATÖR:", "LISBETH:", "KAJSA:");
    }

    @Test
    void aFileUploadedUnderAnotherExtensionIsReadByItsContent() throws Exception {
        ExtractedDocument report = extractor.extract(TestCorpus.file("halsolabb-lagesrapport-2021.pdf"),
                "rapport.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        assertThat(report.mediaType()).isEqualTo("application/pdf");
        assertThat(report.pages()).hasSize(46);
    }
}
