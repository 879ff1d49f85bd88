package org.lararena.ingest.describe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.extract.DocumentExtractor;
import org.lararena.ingest.extract.ExtractedDocument;
import org.lararena.ingest.extract.ExtractionSettings;
import org.lararena.ingest.extract.GeneratedFixtures;
import org.lararena.ingest.extract.TestCorpus;
import org.lararena.ingest.repair.TextRepairer;
import org.lararena.ingest.repair.Vocabulary;
import org.lararena.ingest.segment.Passage;
import org.lararena.ingest.segment.Segmenter;

/** The whole path from file to passages and description, on the real corpus and on generated files. */
class TextPipelineCorpusTest {

    private static DocumentExtractor extractor;
    private final TextPipeline pipeline = new TextPipeline(new TextRepairer(Vocabulary.bundled()), new Segmenter(), new DocumentDescriber());

    @TempDir
    Path dir;

    @BeforeAll
    static void startExtractor() {
        extractor = new DocumentExtractor(ExtractionSettings.withoutOcr().build());
    }

    @AfterAll
    static void stopExtractor() {
        extractor.close();
    }

    @Test
    void thePodcastTranscriptDocxComesOutAsTurnsOfItsThreeSpeakers() throws Exception {
        ProcessedDocument transcript = process(TestCorpus.file("naravardpodden-ep33-transkript.docx"), "naravardpodden-ep33-transkript.docx");

        assertThat(transcript.passages()).extracting(Passage::speaker).filteredOn(Objects::nonNull).containsOnly("PRESENTATÖR", "LISBETH", "KAJSA")
                .contains("PRESENTATÖR", "LISBETH", "KAJSA");
        assertThat(transcript.passages()).noneMatch(passage -> passage.text().contains("\t") || passage.text().strip().matches("\\d+"));
        assertThat(transcript.description().documentType()).isEqualTo("transkript");
        assertThat(transcript.description().language()).isEqualTo("sv");
        assertOffsetsHold(transcript);
    }

    @Test
    void thePodcastTranscriptTextComesOutAsTheSameTurns() throws Exception {
        ProcessedDocument fromText = process(TestCorpus.file("naravardpodden-ep33-transkript.txt"), "naravardpodden-ep33-transkript.txt");

        assertThat(fromText.passages()).extracting(Passage::speaker).filteredOn(Objects::nonNull).containsOnly("PRESENTATÖR", "LISBETH", "KAJSA");
        assertThat(fromText.passages().get(1).speaker()).isEqualTo("PRESENTATÖR");
        assertOffsetsHold(fromText);
    }

    @Test
    void theReportPdfHasWholeWordsAndPagedPassages() throws Exception {
        ProcessedDocument report = process(TestCorpus.file("halsolabb-lagesrapport-2021.pdf"), "halsolabb-lagesrapport-2021.pdf");

        String passages = String.join("\n", report.passages().stream().map(Passage::text).toList());
        assertThat(passages).contains("samhällsinstitutioner").doesNotContain("sam- hällsinstitutioner").doesNotContain("sam-\n");
        assertThat(report.passages()).allSatisfy(passage -> assertThat(passage.page()).isBetween(1, 46));
        assertThat(report.passages()).extracting(Passage::page).contains(1, 45).isSorted();
        assertThat(report.passages()).allSatisfy(passage ->
                assertThat(passage.text().split("\\s+").length).isLessThanOrEqualTo(Segmenter.DEFAULT_MAX_WORDS));
        assertThat(report.description().documentType()).isEqualTo("rapport");
        assertThat(report.description().language()).isEqualTo("sv");
        assertThat(report.description().pilotRegion()).as("the report covers three pilots").isNull();
        assertOffsetsHold(report);
    }

    @Test
    void theReportTextHasWholeWords() throws Exception {
        ProcessedDocument report = process(TestCorpus.file("halsolabb-lagesrapport-2021.txt"), "halsolabb-lagesrapport-2021.txt");

        assertThat(report.passages()).anyMatch(passage -> passage.text().contains("samhällsinstitutioner"));
        assertThat(report.passages()).noneMatch(passage -> passage.text().contains("sam- hällsinstitutioner"));
        assertOffsetsHold(report);
    }

    @Test
    void theHeaderArtefactsPage4PassagesCarryPage4() throws Exception {
        ProcessedDocument pages = process(TestCorpus.file("artefakter/sidhuvuden-och-avstavning.txt"), "sidhuvuden.txt");

        assertThat(pages.passages()).noneMatch(passage -> passage.text().contains("LÄGESRAPPORT"));
        Passage onPage4 = pages.passages().stream().filter(passage -> passage.text().contains("styrgrupp och arbetsgrupp")).findFirst().orElseThrow();
        assertThat(onPage4.page()).isEqualTo(4);
        assertThat(pages.passages().get(0).page()).isEqualTo(3);
    }

    @Test
    void aSlideDeckBecomesAPresentationWithAPassagePerSlide() throws Exception {
        Path deck = GeneratedFixtures.pptx(dir, "lagesbild.pptx", List.of(
                List.of("Hälsolabb i Kronoberg", "Lägesbild hösten 2023"),
                List.of("Vad har vi lärt oss?", "Samverkan tar tid"),
                List.of("Nästa steg", "Fler vårdcentraler ansluter")));

        ProcessedDocument processed = process(deck, "lagesbild.pptx");

        assertThat(processed.passages()).extracting(Passage::page).containsExactly(1, 2, 3);
        assertThat(processed.description().documentType()).isEqualTo("presentation");
        assertThat(processed.description().title()).isEqualTo("Hälsolabb i Kronoberg");
    }

    @Test
    void webVttVoicesBecomeTheSpeakersOfAnInterview() throws Exception {
        Path vtt = dir.resolve("intervju.vtt");
        Files.writeString(vtt, """
                WEBVTT

                00:00:01.000 --> 00:00:03.000
                <v Intervjuare>Hur började arbetet?

                00:00:03.500 --> 00:00:06.000
                <v Sara Lind>Med en gemensam kartläggning.
                """);

        ProcessedDocument processed = process(vtt, "intervju.vtt");

        assertThat(processed.passages()).extracting(Passage::speaker).containsExactly("Intervjuare", "Sara Lind");
        assertThat(processed.passages().get(1).text()).isEqualTo("Med en gemensam kartläggning.");
        assertThat(processed.description().documentType()).isEqualTo("intervju");
    }

    @Test
    void aLegacyWordDocOfMeetingNotesComesOutAsItsParagraphsAndSpeakerTurns() throws Exception {
        // Our own meeting notes, converted to Word 97-2003 by LibreOffice (see the fixtures' README).
        Path doc = dir.resolve("arbetsmote-hembesok.doc");
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/org/lararena/ingest/extract/arbetsmote-hembesok.doc"))) {
            Files.copy(in, doc);
        }

        ProcessedDocument processed = process(doc, "arbetsmote-hembesok.doc");

        assertThat(processed.passages()).extracting(Passage::speaker).filteredOn(Objects::nonNull)
                .containsExactly("ÅSA", "ÖRJAN", "MÄRTA", "ÅSA", "ÖRJAN");
        Passage lastTurn = processed.passages().stream().filter(passage -> "ÖRJAN".equals(passage.speaker())).reduce((a, b) -> b).orElseThrow();
        assertThat(lastTurn.text()).endsWith("till nästa möte.");
        Passage marta = processed.passages().stream().filter(passage -> "MÄRTA".equals(passage.speaker())).findFirst().orElseThrow();
        assertThat(marta.text()).startsWith("Det svåra är körtiderna.").endsWith("och då hann vi inte ringa före besöket.");
        assertThat(processed.passages().get(1).text()).isEqualTo("Datum: 12 mars 2025. Plats: vårdcentralen i Österbyn. Antecknat av Åsa Lindqvist.");
        // The notes' own decision after the last turn is no part of that turn: it stands alone, with no speaker.
        assertThat(processed.passages().getLast().text()).isEqualTo("Beslut: Hembesöken samlas geografiskt"
                + " från och med april. Nästa möte hålls den 9 april klockan 13.");
        assertThat(processed.passages().getLast().speaker()).isNull();
        assertThat(processed.description().title()).isEqualTo("Arbetsmöte om mobila hembesök");
        assertThat(processed.description().language()).isEqualTo("sv");
        assertOffsetsHold(processed);
    }

    private ProcessedDocument process(Path file, String name) throws Exception {
        ExtractedDocument extracted = extractor.extract(file, name, null);
        return pipeline.process(file, new UploadFields(null, null, null, name), extracted);
    }

    /** Every passage is exactly the repaired text between its offsets, and passages do not overlap. */
    private static void assertOffsetsHold(ProcessedDocument document) {
        String text = document.repaired().text();
        int previousEnd = 0;
        for (Passage passage : document.passages()) {
            assertThat(passage.text()).isEqualTo(text.substring(passage.start(), passage.end()));
            assertThat(passage.start()).isGreaterThanOrEqualTo(previousEnd);
            previousEnd = passage.end();
        }
    }
}
