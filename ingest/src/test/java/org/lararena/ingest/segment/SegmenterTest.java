package org.lararena.ingest.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.repair.RepairedText;
import org.lararena.ingest.repair.TextRepairer;
import org.lararena.ingest.repair.Vocabulary;

/** Segmentation of text written for these tests. */
class SegmenterTest {

    private final TextRepairer repairer = new TextRepairer(Vocabulary.bundled());
    private final Segmenter segmenter = new Segmenter();

    @Test
    void anInterviewBecomesOnePassagePerTurnWithItsSpeakerAndTheTurnGoesOnOverBlankLines() {
        RepairedText interview = repairer.repair("""
                I: Hur började samarbetet med kommunen?

                R: Vi träffades först på en workshop.

                Sedan fortsatte vi med gemensamma möten varje månad.

                I: Vad var svårast?

                R: Att hitta tid.""");

        List<Passage> passages = segmenter.segment(interview, Layout.AUTO);

        assertThat(passages).extracting(Passage::speaker).containsExactly("I", "R", "I", "R");
        assertThat(passages.get(1).text()).startsWith("Vi träffades först").endsWith("varje månad.");
        assertThat(passages.get(0).text()).doesNotStartWith("I:");
    }

    @Test
    void aLongTurnIsSplitAtSentenceBoundariesAndKeepsItsSpeaker() {
        String sentence = "Vi har arbetat mycket med hur hemsjukvården och vårdcentralen delar information om patienterna. ";
        RepairedText interview = repairer.repair("INTERVJUARE: Berätta!\n\nANNA: " + sentence.repeat(40) + "\n\nINTERVJUARE: Tack.");

        List<Passage> passages = segmenter.segment(interview, Layout.AUTO);

        List<Passage> anna = passages.stream().filter(p -> "ANNA".equals(p.speaker())).toList();
        assertThat(anna).hasSizeGreaterThan(1);
        assertThat(anna).allSatisfy(passage -> {
            assertThat(words(passage)).isLessThanOrEqualTo(Segmenter.DEFAULT_MAX_WORDS);
            assertThat(passage.text()).startsWith("Vi har arbetat").endsWith("patienterna.");
        });
    }

    @Test
    void aLabelThatOccursOnceIsNotTakenForASpeaker() {
        RepairedText notes = repairer.repair("Datum: 14 mars 2023\n\nVi gick igenom läget i piloten och planerade nästa workshop.");

        assertThat(segmenter.segment(notes, Layout.AUTO)).extracting(Passage::speaker).containsOnlyNulls();
    }

    @Test
    void knownVoicesAreSpeakersEvenWhenTheySpeakOnce() {
        RepairedText subtitles = repairer.repair("Sara Lind: Vi startade med en kartläggning.\n\nIntervjuare: Vad var svårast?");

        assertThat(segmenter.segment(subtitles, Layout.TRANSCRIPT, Set.of("Sara Lind", "Intervjuare")))
                .extracting(Passage::speaker).containsExactly("Sara Lind", "Intervjuare");
    }

    @Test
    void shortParagraphsOfAReportAreMergedAndAHeadingGoesWithItsParagraph() {
        RepairedText report = repairer.repair("""
                BAKGRUND

                Piloten startade 2021.

                Den omfattar tre kommuner och en region, och arbetet leds av en gemensam styrgrupp med representanter från alla huvudmän och från två brukarföreningar som bidrar med erfarenheter från invånarnas perspektiv.""");

        List<Passage> passages = segmenter.segment(report, Layout.PROSE);

        assertThat(passages).hasSize(1);
        assertThat(passages.get(0).text()).startsWith("BAKGRUND").endsWith("perspektiv.");
    }

    @Test
    void aLongParagraphIsSplitIntoEvenPartsAtSentenceBoundaries() {
        String sentence = "Arbetet i piloten har visat att samverkan mellan kommun och region kräver tid, tillit och gemensamma mål. ";
        RepairedText report = repairer.repair(sentence.repeat(28).strip());

        List<Passage> passages = segmenter.segment(report, Layout.PROSE);

        assertThat(passages).hasSize(2);
        assertThat(passages).allSatisfy(passage -> {
            assertThat(words(passage)).isBetween(Segmenter.DEFAULT_MIN_WORDS, Segmenter.DEFAULT_MAX_WORDS);
            assertThat(passage.text()).startsWith("Arbetet").endsWith("mål.");
        });
    }

    @Test
    void abbreviationsDoNotEndSentences() {
        String sentence = "Vi samarbetar bl.a. med Region Kronoberg och t.ex. Växjö kommun om hemsjukvård för äldre. ";
        RepairedText report = repairer.repair(sentence.repeat(25).strip());

        List<Passage> passages = segmenter.segment(report, Layout.PROSE);

        assertThat(passages).allSatisfy(passage -> assertThat(passage.text()).startsWith("Vi samarbetar").endsWith("äldre."));
    }

    @Test
    void aFieldOfTheNotesEndsTheTurnBeforeItButAParagraphWithoutOneGoesOnWithIt() {
        RepairedText notes = repairer.repair("""
                KARIN: Vi provade att samla hembesöken per område.

                Det sparade en del körtid.

                OLLE: Men nattpatrullen märkte ingen skillnad.

                KARIN: Den har ju hela kommunen varje natt.

                Beslut: Hembesöken samlas per område från maj.""");

        List<Passage> passages = segmenter.segment(notes, Layout.AUTO);

        assertThat(passages).extracting(Passage::speaker).containsExactly("KARIN", "OLLE", "KARIN", null);
        assertThat(passages.get(0).text()).endsWith("Det sparade en del körtid.");
        assertThat(passages.get(2).text()).isEqualTo("Den har ju hela kommunen varje natt.");
        assertThat(passages.get(3).text()).isEqualTo("Beslut: Hembesöken samlas per område från maj.");
    }

    @Test
    void meetingNotesKeepTheirListItemsTogether() {
        RepairedText notes = repairer.repair("""
                Beslut

                • Nästa workshop hålls i april.
                • Erik sammanställer invånarnas synpunkter.
                • Anna bjuder in hemtjänsten.""");

        List<Passage> passages = segmenter.segment(notes, Layout.AUTO);

        assertThat(passages).hasSize(1);
        assertThat(passages.get(0).text()).contains("april", "synpunkter", "hemtjänsten");
    }

    @Test
    void aSlideDeckBecomesOnePassagePerSlideWithItsSlideNumber() {
        RepairedText slides = repairer.repair("Hälsolabb i Kronoberg\nLägesbild hösten 2023\fVad har vi lärt oss?\n• Samverkan tar tid\fTack!");

        List<Passage> passages = segmenter.segment(slides, Layout.SLIDES);

        assertThat(passages).extracting(Passage::page).containsExactly(1, 2, 3);
        assertThat(passages.get(1).text()).contains("Vad har vi lärt oss?", "Samverkan tar tid");
    }

    @Test
    void paragraphsOnDifferentPagesAreNotMergedSoEachPassageCarriesItsPage() {
        RepairedText report = repairer.repair("Kort stycke på sidan ett.\fKort stycke på sidan två.");

        assertThat(segmenter.segment(report, Layout.PROSE)).extracting(Passage::page).containsExactly(1, 2);
    }

    @Test
    void everyPassageIsExactlyTheDocumentTextBetweenItsOffsets() {
        RepairedText interview = repairer.repair("KAJSA: Hej!\n\nLISBETH: Hej på dig.\n\nKAJSA: Vi börjar.\n\nFortsättning.");

        for (Passage passage : segmenter.segment(interview, Layout.AUTO)) {
            assertThat(passage.text()).isEqualTo(interview.text().substring(passage.start(), passage.end()));
        }
    }

    @Test
    void inAKnownInterviewASingleLabelledLineIsASpeakerAndLeavesTheText() {
        RepairedText interview = repairer.repair("""
                Samtal om uppföljning i hemsjukvården

                Datum: 3 maj

                Vi började med att tala om hur veckan hade sett ut på mottagningen.

                GUNVOR: Det har varit lugnare sedan vi fick en gemensam planering.""");

        List<Passage> passages = segmenter.segment(interview, Layout.TRANSCRIPT);

        assertThat(passages).extracting(Passage::speaker).containsOnlyOnce("GUNVOR").doesNotContain("Datum");
        assertThat(passages).extracting(Passage::text).noneMatch(text -> text.contains("GUNVOR"));
        assertThat(passages.get(passages.size() - 1).text()).isEqualTo("Det har varit lugnare sedan vi fick en gemensam planering.");
    }

    @Test
    void aNameLabelInsideAParagraphOfAKnownInterviewStartsATurn() {
        RepairedText interview = repairer.repair("Vi pratade om schemat och om vem som ringer patienten.\nBörje Ek: Jag ringer oftast själv.");

        List<Passage> passages = segmenter.segment(interview, Layout.TRANSCRIPT);

        assertThat(passages).extracting(Passage::speaker).containsExactly(null, "Börje Ek");
        assertThat(passages).extracting(Passage::text).noneMatch(text -> text.contains("Börje"));
    }

    @Test
    void aKnownInterviewWithoutAnyLabelIsReadAsParagraphs() {
        RepairedText summary = repairer.repair("Kort sammanfattning.\n\nSamtalet handlade om planering.");

        assertThat(segmenter.segment(summary, Layout.TRANSCRIPT)).singleElement().extracting(Passage::speaker).isNull();
    }

    @Test
    void anInterviewerAndOneOtherSpeakerMakeAnInterviewEvenAmongLongParagraphs() {
        String paragraph = "Hon beskrev hur hemsjukvården och vårdcentralen delar information om patienterna varje vecka.";
        RepairedText interview = repairer.repair("Intervjuare: Hur gick det?\n\nMALIN: " + paragraph + ("\n\n" + paragraph).repeat(12));

        List<Passage> passages = segmenter.segment(interview, Layout.AUTO);

        assertThat(passages).extracting(Passage::speaker).containsExactly("Intervjuare", "MALIN");
        assertThat(passages).extracting(Passage::text).noneMatch(text -> text.contains("MALIN") || text.contains("Intervjuare:"));
    }

    @Test
    void aVoiceThatDoesNotLookLikeALabelStillLeavesTheText() {
        RepairedText subtitles = repairer.repair("dr. Åsa Berg-Holm af Klint: Vi ringer alla patienter.\n\nIntervjuare: Varför?");

        List<Passage> passages = segmenter.segment(subtitles, Layout.TRANSCRIPT, Set.of("dr. Åsa Berg-Holm af Klint", "Intervjuare"));

        assertThat(passages).extracting(Passage::speaker).containsExactly("dr. Åsa Berg-Holm af Klint", "Intervjuare");
        assertThat(passages.get(0).text()).isEqualTo("Vi ringer alla patienter.");
    }

    private static int words(Passage passage) {
        return passage.text().strip().split("\\s+").length;
    }

    private static final String FIRST_PARAGRAPH = "Vårdcentralen i norra delen av regionen har under året prövat ett nytt sätt att följa upp "
            + "patienter med kroniska sjukdomar där sjuksköterskan ringer upp varje patient efter besöket och frågar hur "
            + "behandlingen fungerar i vardagen och om det finns frågor som behöver tas upp med läkaren vid nästa besök "
            + "på mottagningen eller i hemmet";
    private static final String SECOND_PARAGRAPH = "Kommunens hemsjukvård deltog i arbetet från början och har bidragit med "
            + "erfarenheter från sina egna uppföljningar där undersköterskor och arbetsterapeuter tillsammans går igenom vad "
            + "patienten själv vill uppnå och vilka hinder som finns i hemmet för att klara av vardagen utan att behöva "
            + "söka akut vård under kvällar och helger.";

    @Test
    void twoParagraphsOfFiftyWordsStayTwoPassagesWhateverTheFirstEndsWith() {
        // A paragraph per line with one blank line between (a text or Word file) is not double-spaced print.
        for (String end : new String[] {".", "", ":", " –"}) {
            RepairedText text = repairer.repair(FIRST_PARAGRAPH + end + "\n\n" + SECOND_PARAGRAPH);

            List<Passage> passages = segmenter.segment(text, Layout.AUTO);

            assertThat(passages).as("paragraphs when the first ends with '%s'", end).hasSize(2);
            assertThat(passages.get(0).text()).isEqualTo(FIRST_PARAGRAPH + end);
            assertThat(passages.get(1).text()).isEqualTo(SECOND_PARAGRAPH);
        }
    }

    @Test
    void printedLinesWithABlankLineAfterEachAreStillOneParagraph() {
        RepairedText text = repairer.repair("""
                Vårdcentralen i norra delen av regionen har under året prövat ett nytt

                sätt att följa upp patienter med kroniska sjukdomar där sjuksköterskan

                ringer upp varje patient efter besöket och frågar hur det går.""");

        assertThat(segmenter.segment(text, Layout.AUTO)).singleElement().extracting(Passage::text)
                .isEqualTo("Vårdcentralen i norra delen av regionen har under året prövat ett nytt sätt att följa upp patienter "
                        + "med kroniska sjukdomar där sjuksköterskan ringer upp varje patient efter besöket och frågar hur det går.");
    }
}
