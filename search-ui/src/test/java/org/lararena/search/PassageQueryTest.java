package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.index.PassageFacetFields;
import org.lararena.ontology.search.SwedishSynonyms;

class PassageQueryTest {

    @TempDir
    Path dir;

    @Test
    void wordsWithoutQuotesMayAlsoMatchSplitOrWithASlipButAPhraseOnlyAsWritten() {
        String loose = PassageQuery.of(SearchRequest.of("baslinjeintervjuer samverkan")).toString();
        String phrase = PassageQuery.of(SearchRequest.of("\"baslinjeintervjuer samverkan\"")).toString();

        assertThat(loose).contains(PassageQuery.SPLIT_ANALYZER).contains("\"fuzziness\":\"" + PassageQuery.FUZZINESS);
        assertThat(phrase).doesNotContain(PassageQuery.SPLIT_ANALYZER).doesNotContain("fuzziness");
    }

    @Test
    void theHighlightMarksTheWordsAsWrittenAndSplitButLeavesOutTheSlipTolerantReading() {
        String words = PassageQuery.highlightQuery(QueryText.of(SearchRequest.of("baslinjeintervjuer -beslut"))).orElseThrow().toString();
        String phrase = PassageQuery.highlightQuery(QueryText.of(SearchRequest.of("\"fast läkarkontakt\""))).orElseThrow().toString();

        assertThat(words).contains("baslinjeintervjuer").contains(PassageQuery.SPLIT_ANALYZER).doesNotContain("fuzziness").doesNotContain("beslut");
        assertThat(phrase).contains("fast läkarkontakt").doesNotContain(PassageQuery.SPLIT_ANALYZER);
        assertThat(PassageQuery.highlightQuery(QueryText.of(SearchRequest.of("")))).isEmpty();
    }

    @Test
    void aQuestionIsReadWithoutTheWordsThatFrameItButKeywordsAreReadAsWritten() {
        String question = PassageQuery.of(SearchRequest.of("Vilka hinder finns för samverkan mellan kommun och region?")).toString();
        String keywords = PassageQuery.of(SearchRequest.of("hinder finns")).toString();

        assertThat(question).contains("\"hinder för samverkan mellan kommun och region\"").doesNotContain("finns").doesNotContain("Vilka");
        assertThat(question).contains(PassageQuery.QUESTION_MINIMUM_SHOULD_MATCH);
        assertThat(keywords).contains("hinder finns").contains(PassageQuery.MINIMUM_SHOULD_MATCH);
    }

    @Test
    void aQuestionForAnAmountRanksPassagesWithAFigureOrANumberWordHigherButOtherQueriesDoNot() {
        String amount = PassageQuery.of(SearchRequest.of("Hur många slutade röka?")).toString();
        String other = PassageQuery.of(SearchRequest.of("Hur går ett besök till?")).toString();
        String keywords = PassageQuery.of(SearchRequest.of("många slutade röka")).toString();

        assertThat(amount).contains(AmountQuestions.FIGURE).contains("\"femtedel\"");
        assertThat(other).doesNotContain(AmountQuestions.FIGURE);
        assertThat(keywords).doesNotContain(AmountQuestions.FIGURE);
    }

    @Test
    void theQuestionAnAnswerAnswersCountsAsItsOwnWords() {
        String question = PassageQuery.of(SearchRequest.of("Vad saknar ni mest?")).toString();

        assertThat(question).contains("\"question\"").doesNotContain(PassageQuery.QUESTION_WEIGHING_LESS);
    }

    @Test
    void aQuestionOfTwoContentWordsNeedsOneButKeywordsNeedBoth() {
        String question = PassageQuery.of(SearchRequest.of("Varför räcker inte arbetsterapeuterna till?")).toString();
        String without = PassageQuery.of(SearchRequest.of("Varför räcker inte arbetsterapeuterna till?"), Set.of(), Set.of(RankingPart.QUESTION_SUBJECT))
                .toString();

        assertThat(question).contains("\"minimum_should_match\":\"1<50%\"");
        assertThat(without).contains("\"minimum_should_match\":\"2<50%\"").doesNotContain("1<50%");
    }

    @Test
    void theLooserReadingsScoreASmallConstantAndTheExactFormsLeaveStopWordsOut() {
        String query = PassageQuery.of(SearchRequest.of("baslinjeintervjuer samverkan")).toString();

        assertThat(query).contains("\"constant_score\"").contains("\"boost\":" + PassageQuery.LOOSER_READING_SCORE);
        assertThat(query).contains("\"analyzer\":\"" + PassageQuery.EXACT_SEARCH_ANALYZER + "\"");
    }

    @Test
    void aCompoundsPartsMayStandNearInEitherOrderButShortWordsAreReadAsTheyAre() {
        String query = PassageQuery.of(SearchRequest.of("receptförnyelse hud")).toString();
        String without = PassageQuery.of(SearchRequest.of("receptförnyelse hud"), Set.of(), Set.of(RankingPart.PARTS_NEAR)).toString();

        assertThat(query).contains("\\\"receptförnyelse\\\"~" + PassageQuery.PARTS_SLOP + " hud").contains("SLOP");
        // Beside the phrase of the parts standing together, not instead of it.
        assertThat(query.split(PassageQuery.SPLIT_ANALYZER, -1)).hasSize(3);
        assertThat(without).doesNotContain("~" + PassageQuery.PARTS_SLOP);
        assertThat(without.split(PassageQuery.SPLIT_ANALYZER, -1)).hasSize(2);
    }

    @Test
    void anActionNounIsAlsoReadAsItsVerbInTheLooserReadingsOnly() {
        String query = PassageQuery.of(SearchRequest.of("sårläkning tid")).toString();
        String without = PassageQuery.of(SearchRequest.of("sårläkning tid"), Set.of(), Set.of(RankingPart.VERB_READING)).toString();

        assertThat(query).contains("\\\"sårläka\\\"~" + PassageQuery.PARTS_SLOP + " tid").contains("\\\"sårläkna\\\"~" + PassageQuery.PARTS_SLOP + " tid");
        assertThat(without).doesNotContain("sårläka");
        assertThat(PassageQuery.of(SearchRequest.of("Hur fungerar inloggningen?")).toString()).contains("\\\"logga in\\\"~" + PassageQuery.PARTS_SLOP);
        assertThat(PassageQuery.of(SearchRequest.of("förband tid")).toString().split(PassageQuery.SPLIT_ANALYZER, -1)).hasSize(3);
    }

    @Test
    void aWordsSynonymsFindAPassageAndWeighHalfTheWordButNotInAPhraseOrWhenLeftOut() throws Exception {
        Path thesaurus = dir.resolve("th.dat");
        Files.write(thesaurus, List.of("UTF-8", "hinder|1", "|svårighet", "svårighet|1", "|hinder"), StandardCharsets.UTF_8);
        SwedishSynonyms synonyms = SwedishSynonyms.read(thesaurus);

        String words = PassageQuery.of(SearchRequest.of("hinder samverkan"), Set.of(), Set.of(), PassageFacetFields.THEMES, synonyms).toString();
        String phrase = PassageQuery.of(SearchRequest.of("\"hinder samverkan\""), Set.of(), Set.of(), PassageFacetFields.THEMES, synonyms).toString();
        String leftOut = PassageQuery.of(SearchRequest.of("hinder samverkan"), Set.of(), Set.of(RankingPart.SYNONYMS), PassageFacetFields.THEMES,
                synonyms).toString();

        assertThat(words).contains("\"svårighet\"").contains("\"dis_max\":{\"boost\":" + PassageQuery.SYNONYM_WEIGHT);
        assertThat(phrase).doesNotContain("svårighet");
        assertThat(leftOut).doesNotContain("svårighet");
    }

    @Test
    void theTurnsOfAnInterviewerOrAModeratorScoreAHundredthUnlessLeftOutAndBrowsingWithoutWordsIsUnranked() {
        String words = PassageQuery.of(SearchRequest.of("hemgång"), Set.of()).toString();
        String leftOut = PassageQuery.of(SearchRequest.of("hemgång"), Set.of(), Set.of(RankingPart.ASKING_TURNS_BELOW_ANSWERS)).toString();
        String browsing = PassageQuery.of(SearchRequest.of(""), Set.of()).toString();

        assertThat(words).contains("\"boosting\"").contains("\"negative_boost\":" + (double) PassageQuery.ASKING_TURN_WEIGHT)
                .contains("\"speakerRole\":[\"intervjuare\",\"moderator\"]");
        assertThat(leftOut).doesNotContain("boosting");
        assertThat(browsing).doesNotContain("boosting");
    }

    @Test
    void theWordThatAsksForAnAmountIsReadWithoutItsSynonymsInAQuestionOnly() throws Exception {
        Path thesaurus = dir.resolve("th.dat");
        Files.write(thesaurus, List.of("UTF-8", "många|1", "|flera", "flera|1", "|många", "minska|1", "|reducera", "reducera|1", "|minska"),
                StandardCharsets.UTF_8);
        SwedishSynonyms synonyms = SwedishSynonyms.read(thesaurus);

        String question = PassageQuery.of(SearchRequest.of("Hur många minskade i vikt?"), Set.of(), Set.of(), PassageFacetFields.THEMES, synonyms).toString();
        String keywords = PassageQuery.of(SearchRequest.of("många minskade vikt"), Set.of(), Set.of(), PassageFacetFields.THEMES, synonyms).toString();
        String leftOut = PassageQuery.of(SearchRequest.of("Hur många minskade i vikt?"), Set.of(), Set.of(RankingPart.AMOUNT_WORD_WITHOUT_SYNONYMS),
                PassageFacetFields.THEMES, synonyms).toString();

        assertThat(question).doesNotContain("flera").contains("reducera");
        assertThat(keywords).contains("flera").contains("reducera");
        assertThat(leftOut).contains("flera");
    }
}
