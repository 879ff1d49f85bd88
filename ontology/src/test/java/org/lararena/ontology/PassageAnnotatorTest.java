package org.lararena.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.vocabulary.LAR;

class PassageAnnotatorTest {

    private static final String TEMA = LAR.BASE + "tema/";
    private static PassageAnnotator annotator;

    @BeforeAll
    static void load() {
        annotator = new PassageAnnotator(OntologyLoader.fromClasspath());
    }

    private static List<String> concepts(String text) {
        return annotator.annotate(text).stream().map(s -> s.conceptIri().substring(TEMA.length())).toList();
    }

    private static List<String> themes(String text) {
        return annotator.annotate(text).stream().map(s -> s.topThemeIri().substring(TEMA.length()))
                .distinct().toList();
    }

    @Test
    void definiteAndPluralFormsMatchTheDictionaryForm() {
        assertThat(themes("Vårdcentralerna har långa väntetiderna och köerna växer.")).contains("tillganglighet");
        assertThat(concepts("Kontinuiteten har blivit sämre.")).contains("kontinuitet");
    }

    @Test
    void theMostSpecificConceptWinsAndTheTopThemeFollows() {
        List<Suggestion> suggestions = annotator.annotate("Jag vill ha en fast läkarkontakt.");
        assertThat(suggestions).singleElement().satisfies(s -> {
            assertThat(s.conceptIri()).isEqualTo(TEMA + "fast-lakarkontakt");
            assertThat(s.topThemeIri()).isEqualTo(TEMA + "kontinuitet");
            assertThat(s.matchedText()).isEqualTo("fast läkarkontakt");
            assertThat(s.matchedTerm()).isEqualTo("Fast läkarkontakt");
        });
    }

    @Test
    void spansAreCharOffsetsIntoTheGivenText() {
        String text = "Vi pratade om SIP-möten.";
        Suggestion suggestion = annotator.annotate(text).get(0);
        assertThat(text.substring(suggestion.start(), suggestion.end())).isEqualTo("SIP-möten");
        assertThat(suggestion.conceptIri()).isEqualTo(TEMA + "sip");
    }

    @Test
    void termsAreFoundAtTheStartOrEndOfCompounds() {
        assertThat(themes("Samverkansforumet träffas varje månad.")).containsExactly("samverkan");
        assertThat(themes("Kompetensförsörjningsplanen är klar.")).containsExactly("kompetensforsorjning");
        assertThat(themes("Föräldraenkäten skickades ut i våras.")).containsExactly("uppfoljning");
    }

    @Test
    void multiWordTermsAllowOneGapWordAndInflection() {
        assertThat(concepts("Det är brist på våra distriktssköterskor.")).contains("distriktskoterskor");
        assertThat(concepts("Hon hamnade helt mellan stolarna.")).contains("bollas-runt");
    }

    @Test
    void theLabelNamingWhoSpeaksIsNoEvidenceButTheTurnAndAHeadingAre() {
        assertThat(themes("Intervju, enhetschef: Väntetiderna har blivit kortare.")).containsExactly("tillganglighet");
        assertThat(themes("Intervju, patient: Enhetschefen lyssnade på oss.")).contains("styrning-och-ledning");
        assertThat(themes("Samverkan: vi träffas varje månad.")).contains("samverkan");
    }

    @Test
    void textWithoutDiacriticsAsOcrGivesItMatches() {
        assertThat(themes("Tillgangligheten pa vardcentralen ar dalig och vantetiderna langa."))
                .contains("tillganglighet");
        assertThat(themes("Ti||gäng|igheten måste bli bättre.")).contains("tillganglighet");
    }

    @Test
    void aLetterWithDiacriticsInTheTextMustBeTheLabelsLetter() {
        // "låg" (low) folds to "lag" (law, a weak label of Policyutveckling) but must not match it.
        assertThat(annotator.annotate("Lagstiftningen är tydlig men risken är låg."))
                .extracting(Suggestion::matchedText).containsExactly("Lagstiftningen");
        assertThat(concepts("Vi behöver se hela personen.")).containsExactly("helhetssyn");
    }

    @Test
    void onlyASmallWordMayStandInsideAMultiWordTerm() {
        assertThat(concepts("Hon träffar alltid olika personer.")).contains("samma-personal");
        assertThat(concepts("Hon träffar ibland olika personer.")).doesNotContain("samma-personal");
    }

    @Test
    void hyphenatedAndLineBrokenWordsMatch() {
        assertThat(themes("Fler e-tjänster införs.")).contains("digitalisering");
        assertThat(themes("Arbetet med kompetens-\nförsörjningen fortsätter.")).contains("kompetensforsorjning");
    }

    @Test
    void aWeakLabelAloneSuggestsNothingButCountsWithOtherEvidence() {
        assertThat(themes("Vi träffades på vårdcentralen.")).isEmpty();
        assertThat(themes("På vårdcentralen är väntetiderna långa.")).containsExactly("tillganglighet");
    }

    @Test
    void acronymsMatchOnlyInTheirOwnCase() {
        assertThat(themes("Enligt SoL ska kommunen ...")).contains("policyutveckling");
        assertThat(themes("Solen sken och vi satt ute.")).isEmpty();
    }

    @Test
    void wordsInsideAnActorsNameAreNoEvidence() {
        assertThat(themes("Kommuner och regioner samverkar kring SIP.")).contains("samverkan");
        assertThat(themes("Sveriges Kommuner och Regioner har gett ut en rapport.")).isEmpty();
    }

    @Test
    void unrelatedTextGetsNoSuggestions() {
        assertThat(annotator.annotate("Vi åt lunch och pratade om vädret i helgen.")).isEmpty();
    }

    @Test
    void confidenceIsBetweenTheThresholdAndOne() {
        assertThat(annotator.annotate("Samverkan med kommunen kring SIP och samordnad utskrivning."))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.confidence()).isBetween(PassageAnnotator.DEFAULT_THRESHOLD, 1.0));
    }

    /** The automaton takes a long document in one pass (its speed is measured by the bench profile, not here). */
    @Test
    void annotatesHalfAMegabyteOfTextInOnePassWithEverySpanInsideTheText() throws Exception {
        StringBuilder text = new StringBuilder();
        List<LabelledPassage> passages = LabelledPassage.read("tuning.txt");
        while (text.length() < 500_000) {
            passages.forEach(p -> text.append(p.text()).append("\n\n"));
        }
        String whole = text.toString();

        List<Suggestion> suggestions = annotator.annotate(whole);

        assertThat(suggestions).hasSizeGreaterThan(1000);
        assertThat(suggestions).allSatisfy(s -> {
            assertThat(s.end()).isLessThanOrEqualTo(whole.length());
            assertThat(whole.substring(s.start(), s.end())).isEqualTo(s.matchedText());
        });
    }

    @Test
    void codePointOffsetCountsSurrogatePairsOnce() {
        String text = "\uD83D\uDE00 samverkan";
        assertThat(PassageAnnotator.codePointOffset(text, 3)).isEqualTo(2);
        Suggestion suggestion = annotator.annotate(text).get(0);
        assertThat(suggestion.start()).isEqualTo(3);
        assertThat(PassageAnnotator.codePointOffset(text, suggestion.start())).isEqualTo(2);
    }
}
