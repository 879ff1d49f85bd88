package org.lararena.ontology.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lararena.analysis.SwedishFolding;

class SwedishTextTest {

    /** The annotator, the type-ahead and the suggestions fold letters as the search analysis does. */
    @Test
    void foldsLettersAsTheSearchAnalysisDoes() {
        for (String word : List.of("vårdcentral", "TILLGÄNGLIGHET", "återbesök", "idé", "Müller", "façade", "Ærlig", "smørrebrød")) {
            StringBuilder analysed = new StringBuilder();
            word.chars().forEach(c -> analysed.append(SwedishFolding.fold((char) c)));
            assertThat(SwedishText.fold(word)).as(word).isEqualTo(analysed.toString().toLowerCase(Locale.ROOT));
        }
    }

    /** æ and ø are OCR's and keyboards' twins of ä and ö: the same word either way. */
    @Test
    void theDanishNorwegianTwinsFoldAsTheSwedishLetters() {
        assertThat(SwedishText.fold("ærlig")).isEqualTo(SwedishText.fold("ärlig")).isEqualTo("arlig");
        assertThat(SwedishText.fold("Søndag")).isEqualTo(SwedishText.fold("Söndag")).isEqualTo("sondag");
    }

    /** One char out per char in, so an annotation's offsets into the folded text are offsets into the text. */
    @Test
    void keepsOffsets() {
        String text = "Ærlig vård—och |ärande i SIP‑möten";
        assertThat(SwedishText.fold(text)).hasSameSizeAs(text).isEqualTo("arlig vard-och larande i sip-moten");
    }

    @Test
    void onlyAShortOpeningBeforeAColonIsAnOpeningLabel() {
        assertThat(SwedishText.openingLabelEnd("Intervju, enhetschef: Vi har")).isEqualTo(20);
        assertThat(SwedishText.openingLabelEnd("Vi träffades i mars. Då sa hon: nej.")).isZero();
        String longOpening = "Rapporten från arbetsgruppen för nära vård i norra länsdelen sammanfattar: tre saker";
        assertThat(SwedishText.openingLabelEnd(longOpening)).isZero();
    }

    @Test
    void aSpeakerLabelNamesTheFormAndThenWhoSpeaks() {
        assertThat(SwedishText.speakerLabelEnd("Intervju, enhetschef: Vi har")).isEqualTo(20);
        assertThat(SwedishText.speakerLabelEnd("Samverkan: tre saker vi lärt oss")).isZero();
        assertThat(SwedishText.speakerLabelEnd("Rapport: Enhetschefen beslutade")).isZero();
    }
}
