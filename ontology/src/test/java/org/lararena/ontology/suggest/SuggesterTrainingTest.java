package org.lararena.ontology.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;
import org.lararena.platform.LararenaConfig;

/** What the suggester learns from researchers' decisions, and that odd decisions keep it stable. */
class SuggesterTrainingTest {

    /** The example of a false positive: "chefen" inside "Avdelningschefen". */
    private static final String CHIEF = "Avdelningschefen berättade om schemat för sommaren och semestrarna.";
    /** The same false positive beside a sound suggestion (Tillgänglighet): dropping the first is a real gain in F1. */
    private static final String CHIEF_AND_QUEUES = "Avdelningschefen berättade att väntetiderna på vårdcentralen har blivit kortare.";
    /** As the check's test cases below need it: any held-out part, a model not worse than the dictionary. */
    private static final ServiceCheck ANY_HELD_OUT = new ServiceCheck(1, 0);
    /** The check a platform runs with the configuration's defaults. */
    private static final ServiceCheck DEFAULT_CHECK = ServiceCheck.of(LararenaConfig.fromMap(Map.of()).suggester());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static Ontology ontology;
    private static PassageAnnotator annotator;
    private static SuggesterTraining training;

    @BeforeAll
    static void load() {
        ontology = OntologyLoader.fromClasspath();
        annotator = new PassageAnnotator(ontology);
        training = new SuggesterTraining(annotator, ontology, CLOCK, ANY_HELD_OUT);
    }

    @Test
    void aTermResearchersRejectEverywhereIsNoLongerSuggested() {
        List<Suggestion> before = annotator.annotate(CHIEF);
        assertThat(before).as("the dictionary's suggestions for: " + CHIEF).isNotEmpty();
        List<TrainingPassage> decided = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            decided.add(GoldReview.review("chief-" + i, CHIEF, before, Set.of()));
        }
        SuggesterModel model = training.train(decided, 1).model();

        assertThat(annotator.annotate(CHIEF, model)).isEmpty();
        assertThat(model.decisionsAbout(before.get(0).conceptIri(), before.get(0).matchedTerm())).isEqualTo(12);
    }

    @Test
    void aTermResearchersAcceptKeepsAHighCalibratedConfidence() {
        List<Suggestion> before = annotator.annotate(CHIEF);
        List<TrainingPassage> decided = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            decided.add(GoldReview.review("chief-" + i, CHIEF, before, Set.of(before.get(0).topThemeIri())));
        }
        List<Suggestion> after = annotator.annotate(CHIEF, training.train(decided, 1).model());

        assertThat(after).extracting(Suggestion::conceptIri).contains(before.get(0).conceptIri());
        assertThat(after.get(0).confidence()).isGreaterThan(0.8);
    }

    @Test
    void contradictoryDecisionsByTheThousandSettleNearOneHalfAndASingleOneMovesLittle() {
        Suggestion chief = annotator.annotate(CHIEF).get(0);
        TrainingPassage.Judgement torn = new TrainingPassage.Judgement(chief.conceptIri(), chief.topThemeIri(), chief.matchedTerm(),
                chief.matchedText(), 5_000, 5_000);
        TermPrecision contradictory = TermPrecision.learn(List.of(new TrainingPassage("p", CHIEF, List.of(torn))));
        assertThat(contradictory.estimate(chief.conceptIri(), chief.matchedTerm(), chief.matchedText(), 0.9)).isBetween(0.49, 0.51);

        TrainingPassage.Judgement once = new TrainingPassage.Judgement(chief.conceptIri(), chief.topThemeIri(), chief.matchedTerm(),
                chief.matchedText(), 0, 1);
        TermPrecision single = TermPrecision.learn(List.of(new TrainingPassage("p", CHIEF, List.of(once))));
        assertThat(single.estimate(chief.conceptIri(), chief.matchedTerm(), chief.matchedText(), 0.9)).isBetween(0.6, 0.9);

        SuggesterTraining.Outcome trained = training.train(List.of(new TrainingPassage("p", CHIEF, List.of(torn))), 1);
        assertThat(trained.model().decisions()).isEqualTo(10_000);
    }

    @Test
    void theSamePassageCodedAsOftenWithAThemeAsWithoutItEndsTraining() {
        // Six copies of one passage (a text that recurs in several documents), half of them coded Styrning och ledning:
        // every feature of the theme's classifier is as often yes as no, where OpenNLP's trainer never ended.
        List<Suggestion> chief = annotator.annotate(CHIEF);
        Set<String> leadership = Set.of(chief.get(0).topThemeIri());
        List<TrainingPassage> decided = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            decided.add(GoldReview.review("copy-" + i, CHIEF, chief, i % 2 == 0 ? leadership : Set.of()));
        }

        SuggesterTraining.Outcome outcome = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> training.train(decided, 1),
                "training on contradictory codes of one passage ends");

        assertThat(outcome.model().decisions()).isEqualTo(decided.stream().mapToInt(TrainingPassage::decisions).sum());
        assertThat(outcome.model().status().getInteger("themeClassifiers")).as("the theme's classifier is learned").isEqualTo(1);
    }

    @Test
    void aSingleDecisionTrainsButIsNotPutInServiceWithoutHeldOutDecisions() {
        Suggestion chief = annotator.annotate(CHIEF).get(0);
        // One passage: the fold that holds it has nothing else to learn from, so nothing can test a model.
        TrainingPassage one = GoldReview.review("single", CHIEF, List.of(chief), Set.of());

        SuggesterTraining.Outcome outcome = training.train(List.of(one), 3);

        assertThat(outcome.model().version()).isEqualTo(3);
        assertThat(outcome.model().evaluation().passages()).isZero();
        assertThat(outcome.inService()).isFalse();
    }

    @Test
    void aBetterModelTestedOnFewerPassagesThanTheMinimumIsTrainedButNotPutInServiceAndSaysWhy() {
        List<TrainingPassage> decided = chiefRejectedQueuesAccepted(40);

        SuggesterTraining.Outcome tooFew = new SuggesterTraining(annotator, ontology, CLOCK, new ServiceCheck(41, 0.02)).train(decided, 2);
        SuggesterTraining.Outcome enough = new SuggesterTraining(annotator, ontology, CLOCK, new ServiceCheck(40, 0.02)).train(decided, 2);

        // Trained all the same: it has learned to drop the false positive, and scores better where it was tested.
        assertThat(tooFew.model().evaluation().passages()).as("every decided passage tests a model that did not learn from it").isEqualTo(40);
        assertThat(tooFew.model().evaluation().model().f1()).isGreaterThan(tooFew.model().evaluation().dictionaryOnly().f1() + 0.02);
        assertThat(annotator.annotate(CHIEF_AND_QUEUES, tooFew.model())).isNotEmpty().noneMatch(SuggesterTrainingTest::isChief);
        assertThat(tooFew.inService()).isFalse();
        assertThat(tooFew.reason()).startsWith("Not put in service: only 40 decided passages tested it")
                .contains("at least 41 are needed").contains("Review more passages");
        assertThat(enough.inService()).as(enough.reason()).isTrue();
        assertThat(enough.reason()).startsWith("In service: on the 40 decided passages");
    }

    @Test
    void aTeamThatReviewedThirtyPassagesWhoseDecisionsTeachAClearTermGetsAModelInServiceWithTheDefaultCheck() {
        List<TrainingPassage> decided = new ArrayList<>();
        List<Suggestion> suggested = annotator.annotate(CHIEF_AND_QUEUES);
        Set<String> queues = suggested.stream().filter(s -> !isChief(s)).map(Suggestion::topThemeIri).collect(Collectors.toSet());
        for (int i = 0; i < 30; i++) {
            String text = CHIEF_AND_QUEUES + " Möte nummer " + i + ".";
            decided.add(GoldReview.review("team-" + i, text, annotator.annotate(text), queues));
        }

        SuggesterTraining.Outcome outcome = new SuggesterTraining(annotator, ontology, CLOCK, DEFAULT_CHECK).train(decided, 1);

        assertThat(outcome.model().evaluation().passages()).isEqualTo(30);
        assertThat(outcome.inService()).as(outcome.reason()).isTrue();
        assertThat(annotator.annotate(CHIEF_AND_QUEUES, outcome.model())).isNotEmpty().noneMatch(SuggesterTrainingTest::isChief);
    }

    @Test
    void aModelThatLearnedNoiseIsNotPutInServiceWithTheDefaultCheck() {
        // Each of the two suggested themes accepted or rejected by a coin: there is nothing to learn.
        List<Suggestion> suggested = annotator.annotate(CHIEF_AND_QUEUES);
        Random coin = new Random(18);
        List<TrainingPassage> decided = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String text = CHIEF_AND_QUEUES + " Möte nummer " + i + ".";
            Set<String> gold = suggested.stream().map(Suggestion::topThemeIri).filter(t -> coin.nextBoolean()).collect(Collectors.toSet());
            decided.add(GoldReview.review("noise-" + i, text, annotator.annotate(text), gold));
        }

        SuggesterTraining.Outcome outcome = new SuggesterTraining(annotator, ontology, CLOCK, DEFAULT_CHECK).train(decided, 1);

        assertThat(outcome.model().evaluation().passages()).isEqualTo(60);
        assertThat(outcome.inService()).as(outcome.reason()).isFalse();
    }

    @Test
    void aModelThatDoesNoBetterThanTheDictionaryByTheMarginIsNotPutInService() {
        // Every suggestion accepted: the model learns nothing the dictionary did not already do right.
        List<Suggestion> suggested = annotator.annotate(CHIEF_AND_QUEUES);
        Set<String> all = new HashSet<>(suggested.stream().map(Suggestion::topThemeIri).toList());
        List<TrainingPassage> decided = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            decided.add(GoldReview.review("accepted-" + i, CHIEF_AND_QUEUES, suggested, all));
        }

        SuggesterTraining.Outcome withMargin = new SuggesterTraining(annotator, ontology, CLOCK, new ServiceCheck(1, 0.02)).train(decided, 2);
        SuggesterTraining.Outcome without = new SuggesterTraining(annotator, ontology, CLOCK, new ServiceCheck(1, 0)).train(decided, 2);

        Evaluation heldOut = withMargin.model().evaluation();
        assertThat(heldOut.model().f1()).isEqualTo(heldOut.dictionaryOnly().f1());
        assertThat(withMargin.inService()).isFalse();
        assertThat(withMargin.reason()).startsWith("Not put in service: on the " + heldOut.passages() + " decided passages")
                .contains("must do at least 0.02 better");
        assertThat(without.inService()).as(without.reason()).isTrue();
    }

    @Test
    void aModelWithAHigherF1ButALowerPrecisionIsNotPutInService() {
        // F1 0.80 against 0.67: twice the themes found, at the cost of a third of the suggestions rejected.
        Evaluation.Scores more = new Evaluation.Scores(40, 10, 10);
        Evaluation.Scores fewer = new Evaluation.Scores(25, 0, 25);
        ServiceCheck.Verdict verdict = new ServiceCheck(30, 0.02).judge(new Evaluation(30, 100, more, fewer, Map.of(), Map.of()));

        assertThat(verdict.inService()).isFalse();
        assertThat(verdict.reason()).contains("its precision is 0.80 and the dictionary's alone 1.00");
    }

    @Test
    void theCheckCountsTheMinimumAndTheMarginAsReached() {
        // F1 1.0 against 0.98 (2·49 / (2·49 + 2)), on 30 passages.
        Evaluation.Scores perfect = new Evaluation.Scores(50, 0, 0);
        Evaluation.Scores twoMissed = new Evaluation.Scores(49, 0, 2);
        Evaluation thirty = new Evaluation(30, 100, perfect, twoMissed, Map.of(), Map.of());
        Evaluation twentyNine = new Evaluation(29, 100, perfect, twoMissed, Map.of(), Map.of());

        assertThat(new ServiceCheck(30, 0.02).judge(thirty).inService()).isTrue();
        assertThat(new ServiceCheck(30, 0.03).judge(thirty).inService()).isFalse();
        assertThat(new ServiceCheck(30, 0.02).judge(twentyNine).inService()).isFalse();
        assertThat(new ServiceCheck(30, 0.02).judge(twentyNine).reason()).contains("only 29 decided passages").contains("F1 1.00 against 0.98");
        assertThat(new ServiceCheck(1, 0).judge(Evaluation.NONE).reason()).startsWith("Not put in service: no decided passage tested it");
        assertThatThrownBy(() -> new ServiceCheck(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceCheck(1, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code count} passages: "chefen" rejected, the waiting times accepted (Tillgänglighet), each a passage of its own. */
    private static List<TrainingPassage> chiefRejectedQueuesAccepted(int count) {
        List<Suggestion> suggested = annotator.annotate(CHIEF_AND_QUEUES);
        assertThat(suggested).as("the dictionary's suggestions for: " + CHIEF_AND_QUEUES).anyMatch(SuggesterTrainingTest::isChief);
        Set<String> queues = suggested.stream().filter(s -> !isChief(s)).map(Suggestion::topThemeIri).collect(Collectors.toSet());
        assertThat(queues).hasSize(1);
        List<TrainingPassage> decided = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            decided.add(GoldReview.review("queues-" + i, CHIEF_AND_QUEUES, suggested, queues));
        }
        return decided;
    }

    private static boolean isChief(Suggestion s) {
        return s.matchedText().toLowerCase(Locale.ROOT).contains("chef");
    }

    @Test
    void wordsResearchersTagWhereTheAnnotatorFoundNothingBecomeTermsOfTheirConcept() {
        Concept theme = ontology.topThemes().get(0);
        String tagged = "fikarummet";
        List<TrainingPassage> decided = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String text = "Vi satt i " + tagged + " en stund efter mötet nummer " + i + ".";
            assertThat(annotator.annotate(text)).as("the dictionary alone").noneMatch(s -> s.topThemeIri().equals(theme.iri()));
            decided.add(new TrainingPassage("tag-" + i, text,
                    List.of(new TrainingPassage.Judgement(theme.iri(), theme.iri(), null, tagged, 1, 0))));
        }
        SuggesterModel model = training.train(decided, 1).model();

        assertThat(model.learnedTerms()).extracting(LearnedTerm::label).containsExactly(tagged);
        assertThat(annotator.annotate("Alla samlades i fikarummet.", model)).extracting(Suggestion::conceptIri).contains(theme.iri());
    }

    @Test
    void inflectedFormsOfTheSameTaggedWordsAreOneLearnedTermUnderTheShortestForm() {
        Concept theme = ontology.topThemes().get(0);
        List<String> forms = List.of("vårdlotsen", "vårdlots");
        List<TrainingPassage> decided = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            String text = "Vi satt i " + forms.get(i) + " en stund efter mötet nummer " + i + ".";
            decided.add(new TrainingPassage("tag-" + i, text,
                    List.of(new TrainingPassage.Judgement(theme.iri(), theme.iri(), null, forms.get(i), 1, 0))));
        }
        SuggesterModel model = training.train(decided, 1).model();

        // Each form alone is tagged in one passage only, under the two a term needs.
        assertThat(model.learnedTerms()).extracting(LearnedTerm::label).containsExactly("vårdlots");
        assertThat(model.learnedTerms()).extracting(LearnedTerm::passages).containsExactly(2);
    }

    @Test
    void aModelReadBackFromItsFileSuggestsTheSame() {
        List<Suggestion> before = annotator.annotate(CHIEF);
        List<TrainingPassage> decided = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            decided.add(GoldReview.review("chief-" + i, CHIEF + " Mötet " + i + ".", before, i % 3 == 0 ? Set.of() : Set.of(before.get(0).topThemeIri())));
        }
        SuggesterModel model = training.train(decided, 7).model();

        SuggesterModel read = SuggesterModel.fromJson(new JsonObject(model.toJson().encode()));

        assertThat(read.version()).isEqualTo(7);
        assertThat(read.status()).isEqualTo(model.status());
        assertThat(annotator.annotate(CHIEF, read)).isEqualTo(annotator.annotate(CHIEF, model));
    }

    @Test
    void calibrationMapsAScoreToTheShareAccepted() {
        List<IsotonicCalibration.Point> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            points.add(new IsotonicCalibration.Point(0.9, i < 8));
            points.add(new IsotonicCalibration.Point(0.6, i < 3));
        }
        IsotonicCalibration calibration = IsotonicCalibration.fit(points);

        assertThat(calibration.apply(0.9)).isCloseTo(0.8, Offset.offset(0.001));
        assertThat(calibration.apply(0.6)).isCloseTo(0.3, Offset.offset(0.001));
        assertThat(calibration.apply(0.75)).isBetween(0.3, 0.8);
        assertThat(IsotonicCalibration.fit(points.subList(0, 4)).apply(0.6)).as("too few points: unchanged").isEqualTo(0.6);
    }
}
