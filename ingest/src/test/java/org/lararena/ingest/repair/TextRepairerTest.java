package org.lararena.ingest.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lararena.ingest.repair.RepairEdit.Kind;

/** Repair of text written for these tests, with the shipped vocabulary only (as on a machine without wswedish). */
class TextRepairerTest {

    private final TextRepairer repairer = new TextRepairer(Vocabulary.bundled());

    @Test
    void joinsAWordHyphenatedAcrossALineBreak() {
        RepairedText repaired = repairer.repair("Vi behöver ställa om våra sam-\nhällsinstitutioner till att utgå från invånarnas behov.");

        assertThat(repaired.text()).isEqualTo("Vi behöver ställa om våra samhällsinstitutioner till att utgå från invånarnas behov.");
        assertThat(repaired.edits()).anySatisfy(edit -> {
            assertThat(edit.kind()).isEqualTo(Kind.HYPHENATION_JOINED);
            assertThat(edit.after()).isEqualTo("samhällsinstitutioner");
        });
    }

    @Test
    void joinsHyphenationInDoubleSpacedExtraction() {
        RepairedText repaired = repairer.repair("Arbetet med att utveckla vår policy-\n\nutveckling pågår i hela landet och\n\nomfattar många aktörer.");

        assertThat(repaired.text()).isEqualTo("Arbetet med att utveckla vår policyutveckling pågår i hela landet och omfattar många aktörer.");
    }

    @Test
    void keepsHyphensThatAreRealAtALineEnd() {
        RepairedText repaired = repairer.repair("""
                Han har arbetat länge med hälso-
                och sjukvård, på Myndigheten för vård-
                och omsorgsanalys, med e-
                hälsa och med vård-
                eller omsorgsbehov under Covid-
                19 och med SKR-
                kansliet.""");

        assertThat(repaired.text()).isEqualTo("Han har arbetat länge med hälso- och sjukvård, på Myndigheten för vård- och "
                + "omsorgsanalys, med e-hälsa och med vård- eller omsorgsbehov under Covid-19 och med SKR-kansliet.");
    }

    @Test
    void rejoinsLetterSpacedText() {
        RepairedText repaired = repairer.repair("s a m v e r k a n  m e l l a n  k o m m u n  o c h  r e g i o n");

        assertThat(repaired.text()).isEqualTo("samverkan mellan kommun och region");
        assertThat(repaired.edits()).extracting(RepairEdit::kind).contains(Kind.LETTER_SPACING_REJOINED);
    }

    @Test
    void findsWordBoundariesInLetterSpacingWhereTheGapsAreSingleSpaces() {
        RepairedText repaired = repairer.repair("V i  b e h ö v e r s a m v e r k a n  m e l l a n  k o m m u n o c h r e g i o n .");

        assertThat(repaired.text()).isEqualTo("Vi behöver samverkan mellan kommun och region.");
    }

    @Test
    void rejoinsIrregularLetterSpacingWithMergedPairsAndAShortLastLine() {
        RepairedText repaired = repairer.repair("""
                V i b e h öv er s a mv e r k an  m e ll ank o m m u n
                oc h r e gi on .""");

        assertThat(repaired.text()).isEqualTo("Vi behöver samverkan mellan kommun och region.");
    }

    @Test
    void leavesProseOfShortWordsAndTablesOfSpacedDigitsAsTheyAre() {
        String text = """
                Det är i en av de nya vårdcentralerna som vi ser det.
                Svar 1 2 3 4 5 6 7
                Så är det i år och i fjol, i stort sett.""";

        RepairedText repaired = repairer.repair(text, LineHandling.KEEP);

        assertThat(repaired.text()).isEqualTo(text);
        assertThat(repaired.edits()).extracting(RepairEdit::kind).doesNotContain(Kind.LETTER_SPACING_REJOINED);
    }

    @Test
    void usesTheDocumentsOwnWordsToRejoinLetterSpacing() {
        String text = """
                I Kronoberg prövas Skogsbackametoden på tre vårdcentraler. Skogsbackametoden bygger på fasta vårdkontakter.

                E r f a r e n h e t e r n a  m e d  S k o g s b a c k a m e t o d e n  ä r  g o d a .""";

        assertThat(repairer.repair(text).text()).endsWith("Erfarenheterna med Skogsbackametoden är goda.");
    }

    @Test
    void dropsRunningHeadersAndPageNumbersAndKeepsThePrintedPageNumbers() {
        String text = "KRONOBERGS LÄGESBILD 2023\nFörsta sidan handlar om vårdcentralerna i länet.\n7\f"
                + "KRONOBERGS LÄGESBILD 2023\nAndra sidan handlar om hemsjukvården i kommunerna.\n8\f"
                + "KRONOBERGS LÄGESBILD 2023\nTredje sidan handlar om uppföljningen.\n9";

        RepairedText repaired = repairer.repair(text);

        assertThat(repaired.text()).doesNotContain("KRONOBERGS LÄGESBILD").doesNotContain("7").doesNotContain("8");
        assertThat(repaired.pageNumbers()).containsExactly(7, 8, 9);
        assertThat(repaired.pageAt(repaired.text().indexOf("Andra sidan"))).isEqualTo(8);
        assertThat(repaired.pageAt(repaired.text().indexOf("uppföljningen"))).isEqualTo(9);
    }

    @Test
    void readsPageNumbersFromAHeaderThatCarriesThem() {
        String text = "RAPPORT OM NÄRA VÅRD – SIDA 12\nText på sidan tolv.\f"
                + "RAPPORT OM NÄRA VÅRD – SIDA 13\nText på sidan tretton.\f"
                + "Text på en sida utan sidhuvud.";

        RepairedText repaired = repairer.repair(text);

        assertThat(repaired.text()).doesNotContain("RAPPORT OM NÄRA VÅRD");
        assertThat(repaired.pageNumbers()).containsExactly(12, 13, 14);
    }

    @Test
    void numbersPagesByPositionWhenTheyCarryNoNumbers() {
        RepairedText repaired = repairer.repair("Första sidan.\fAndra sidan.");

        assertThat(repaired.pageNumbers()).containsExactly(1, 2);
        assertThat(repaired.pageStarts()).containsExactly(0, repaired.text().indexOf("Andra"));
    }

    @Test
    void textWithoutPagesHasNoPageNumbers() {
        RepairedText repaired = repairer.repair("En anteckning utan sidor.");

        assertThat(repaired.paged()).isFalse();
        assertThat(repaired.pageAt(0)).isNull();
    }

    @Test
    void normalisesSoftHyphensLigaturesQuotesSpacesAndComposition() {
        String text = "Vård\u00ADcentralen ﬁnns\u00A0i\tstaden. Hon sa “ja” och de\u0301t var\u200B klart.";

        RepairedText repaired = repairer.repair(text);

        assertThat(repaired.text()).isEqualTo("Vårdcentralen finns i staden. Hon sa \"ja\" och dét var klart.");
        assertThat(repaired.edits()).extracting(RepairEdit::kind).contains(Kind.SOFT_HYPHENS_REMOVED, Kind.LIGATURES_EXPANDED,
                Kind.QUOTES_NORMALISED, Kind.SPACES_NORMALISED, Kind.UNICODE_COMPOSED);
    }

    @Test
    void leavesCleanSwedishTextUnchanged() {
        String clean = """
                Minnesanteckningar från arbetsgruppens möte

                Arbetsgruppen träffades i Växjö för att planera nästa steg. Samverkan mellan kommun och region har blivit bättre under året, men många patienter har fortfarande för många kontakter.

                Beslut:
                • Nästa workshop hålls i april.
                • Erik sammanställer invånarnas synpunkter till dess.

                Hälso- och sjukvården, e-hälsa och Covid-19 diskuterades också. Nästa möte är den 14 maj.""";

        RepairedText repaired = repairer.repair(clean);

        assertThat(repaired.text()).isEqualTo(clean);
        assertThat(repaired.edits()).isEmpty();
    }

    @Test
    void keepsTheOriginalTextForAudit() {
        String original = "Ett ord som är av-\ndelat.\f2";

        assertThat(repairer.repair(original).originalText()).isEqualTo(original);
    }

    @Test
    void joinsTheLinesOfAParagraphAndKeepsListItemsAndHeadingsApart() {
        String extracted = """
                VÅRA ERFARENHETER

                Arbetet i piloten har pågått i ett år och
                har involverat både kommunen och regionen
                samt flera brukarföreningar.
                Vi har lärt oss tre saker:
                • att samverkan tar tid och kräver
                tålamod
                • att invånarna vill ha en fast kontakt""";

        assertThat(repairer.repair(extracted).text()).isEqualTo("""
                VÅRA ERFARENHETER

                Arbetet i piloten har pågått i ett år och har involverat både kommunen och regionen samt flera brukarföreningar.

                Vi har lärt oss tre saker:
                • att samverkan tar tid och kräver tålamod
                • att invånarna vill ha en fast kontakt""");
    }

    @Test
    void keepsSpeakerTurnsApartAndRemovesTabsAndLonePageNumbers() {
        String extracted = " 1 \n\nINTERVJUARE:\tHur började det?\n\n\t \n\nANNA:  Vi började med en\n\nkartläggning.\n\n \n\n\t 2 \n\n\tINTERVJUARE:  Och sedan?";

        RepairedText repaired = repairer.repair(extracted);

        assertThat(repaired.text()).isEqualTo("INTERVJUARE: Hur började det?\n\nANNA: Vi började med en kartläggning.\n\nINTERVJUARE: Och sedan?");
        assertThat(repaired.edits()).filteredOn(edit -> edit.kind() == Kind.PAGE_NUMBER_REMOVED).hasSize(2);
    }

    @Test
    void theShippedWordListIsLargeEnoughToMatter() {
        assertThat(Vocabulary.bundled().size()).isGreaterThan(2000);
        assertThat(Vocabulary.bundled().contains("samverkan")).isTrue();
        assertThat(Vocabulary.bundled().cost("och")).isLessThan(Vocabulary.bundled().cost("samverkan"));
    }

    @Test
    void repairsEmptyTextToEmptyText() {
        RepairedText repaired = repairer.repair("");

        assertThat(repaired.text()).isEmpty();
        assertThat(repaired.edits()).isEqualTo(List.of());
    }

    @Test
    void barsThatOcrReadForIOrLBecomeLettersAgain() {
        RepairedText repaired = repairer.repair("|nom regionen vill vi gå ti|| alla vårdcentraler och fråga vad de behöver.");

        assertThat(repaired.text()).isEqualTo("Inom regionen vill vi gå till alla vårdcentraler och fråga vad de behöver.");
        assertThat(repaired.edits()).anySatisfy(edit -> assertThat(edit.kind()).isEqualTo(Kind.OCR_BARS_REPAIRED));
    }

    @Test
    void barsInWordsWrittenInCapitalsBecomeCapitalI() {
        assertThat(repairer.repair("VI VILL GÅ T|LL ALLA").text()).isEqualTo("VI VILL GÅ TILL ALLA");
    }

    @Test
    void barsInTablesAndWordsThatMakeNoKnownWordAreLeftAlone() {
        String text = """
                Namn | Roll | Region
                |Kajsa|Chef|Värmland|
                Kommandot grep|sort skrevs av x|y.""";

        RepairedText repaired = repairer.repair(text, LineHandling.KEEP);

        assertThat(repaired.text()).isEqualTo(text);
        assertThat(repaired.edits()).noneSatisfy(edit -> assertThat(edit.kind()).isEqualTo(Kind.OCR_BARS_REPAIRED));
    }
}
