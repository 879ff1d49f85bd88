package org.lararena.ontology.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;

/** What the suggester learns from researchers' decisions, and that odd decisions keep it stable. */
class SuggesterTrainingTest {

    /** The example of a false positive: "chefen" inside "Avdelningschefen". */
    private static final String CHIEF = "Avdelningschefen berättade om schemat för sommaren och semestrarna.";

    private static Ontology ontology;
    private static PassageAnnotator annotator;
    private static SuggesterTraining training;

    @BeforeAll
    static void load() {
        ontology = OntologyLoader.fromClasspath();
        annotator = new PassageAnnotator(ontology);
        training = new SuggesterTraining(annotator, ontology, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
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
    void aSingleDecisionTrainsButIsNotPutInServiceWithoutHeldOutDecisions() {
        Suggestion chief = annotator.annotate(CHIEF).get(0);
        TrainingPassage one = GoldReview.review(heldIn(), CHIEF, List.of(chief), Set.of());

        SuggesterTraining.Outcome outcome = training.train(List.of(one), 3);

        assertThat(outcome.model().version()).isEqualTo(3);
        assertThat(outcome.model().evaluation().passages()).isZero();
        assertThat(outcome.inService()).isFalse();
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

        assertThat(calibration.apply(0.9)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.001));
        assertThat(calibration.apply(0.6)).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.001));
        assertThat(calibration.apply(0.75)).isBetween(0.3, 0.8);
        assertThat(IsotonicCalibration.fit(points.subList(0, 4)).apply(0.6)).as("too few points: unchanged").isEqualTo(0.6);
    }

    /** A passage id the split keeps in training. */
    private static String heldIn() {
        for (int i = 0; ; i++) {
            if (!SuggesterTraining.isHeldOut("single-" + i)) {
                return "single-" + i;
            }
        }
    }
}
