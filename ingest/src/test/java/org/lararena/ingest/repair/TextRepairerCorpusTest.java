package org.lararena.ingest.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.extract.TestCorpus;
import org.lararena.ingest.repair.RepairEdit.Kind;

/**
 * Repair of the artefacts in the shared corpus, with the shipped vocabulary only, so that the results do not
 * depend on whether wswedish is installed.
 */
class TextRepairerCorpusTest {

    private final TextRepairer repairer = new TextRepairer(Vocabulary.bundled());

    @Test
    void dropsTheRunningHeaderAndNumbersPagesAsPrinted() throws IOException {
        RepairedText repaired = repairer.repair(read("artefakter/sidhuvuden-och-avstavning.txt"));

        assertThat(repaired.text()).doesNotContain("HÄLSOLABB – LÄGESRAPPORT").contains("forskningsprocessen")
                .doesNotContain("forsknings-");
        assertThat(repaired.pageNumbers()).containsExactly(3, 4);
        assertThat(repaired.pageAt(repaired.text().indexOf("styrgrupp och arbetsgrupp"))).isEqualTo(4);
        assertThat(repaired.edits()).extracting(RepairEdit::kind).contains(Kind.RUNNING_HEADER_REMOVED, Kind.PAGE_NUMBER_REMOVED);
    }

    @Test
    void rejoinsTheLetterSpacedCaptionIntoReadableWords() throws IOException {
        RepairedText repaired = repairer.repair(read("artefakter/bokstavsspatierad-bildtext.txt"));

        assertThat(repaired.text()).startsWith("Systemet vill dela upp individen i olika");
        assertThat(repaired.text()).contains("många kontakter", "individens perspektiv", "kunna få hjälp");
        assertThat(repaired.text().lines()).noneMatch(LetterSpacing::isLetterSpaced);
    }

    @Test
    void joinsTheReportsHyphenatedWordsButKeepsItsRealHyphens() throws IOException {
        RepairedText repaired = repairer.repair(read("halsolabb-lagesrapport-2021.txt"));

        assertThat(repaired.text()).contains("samhällsinstitutioner", "hälso- och").doesNotContain("sam- hällsinstitutioner")
                .doesNotContain("sam-\n");
    }

    @Test
    void removesTheTranscriptsTabsAndPageNumbers() throws IOException {
        RepairedText repaired = repairer.repair(read("naravardpodden-ep33-transkript.txt"));

        assertThat(repaired.text()).doesNotContain("\t").startsWith("EP33");
        assertThat(repaired.text().lines()).noneMatch(line -> line.strip().matches("\\d+"));
    }

    @Test
    void rejoinsBetterWithTheSystemWordListWhenItIsInstalled() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(Path.of(Vocabulary.SYSTEM_WORD_LIST)),
                "Skipped: wswedish (" + Vocabulary.SYSTEM_WORD_LIST + ") is not installed");

        RepairedText repaired = new TextRepairer(Vocabulary.standard()).repair(read("artefakter/bokstavsspatierad-bildtext.txt"));

        assertThat(repaired.text()).contains("olika väldefinierade delar", "andra aktörer i samhället");
    }

    private static String read(String corpusFile) throws IOException {
        return Files.readString(TestCorpus.file(corpusFile));
    }
}
