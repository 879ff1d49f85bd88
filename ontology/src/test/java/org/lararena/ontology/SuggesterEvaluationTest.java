package org.lararena.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.suggest.Evaluation;
import org.lararena.ontology.suggest.GoldReview;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.ontology.suggest.SuggesterTraining;
import org.lararena.ontology.suggest.TrainingPassage;

/**
 * The suggester's own measurement (docs/annotation-quality.md): half of the evaluation passages are reviewed as
 * their gold labels say, the suggester trains on those decisions, and the other half is scored against the gold
 * labels with the trained model and with the dictionary alone. Prints the figures; asserts only that a model put
 * in service does not lower F1 on the passages it never saw.
 */
class SuggesterEvaluationTest {

    @Test
    void aModelTrainedOnHalfTheReviewedPassagesIsScoredOnTheOtherHalf() throws IOException {
        Ontology ontology = OntologyLoader.fromClasspath();
        PassageAnnotator annotator = new PassageAnnotator(ontology);
        List<AnnotatorEvaluationTest.Passage> all = new ArrayList<>(AnnotatorEvaluationTest.read("tuning.txt"));
        all.addAll(AnnotatorEvaluationTest.read("heldout.txt"));
        List<TrainingPassage> reviewed = new ArrayList<>();
        List<AnnotatorEvaluationTest.Passage> unseen = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            AnnotatorEvaluationTest.Passage passage = all.get(i);
            if (i % 2 == 0) {
                reviewed.add(GoldReview.review("eval-" + i, passage.text(), annotator.annotate(passage.text()), gold(ontology, passage)));
            } else {
                unseen.add(passage);
            }
        }
        SuggesterTraining training = new SuggesterTraining(annotator, ontology, Clock.systemUTC());
        SuggesterTraining.Outcome outcome = training.train(reviewed, 1);

        List<TrainingPassage> scored = new ArrayList<>();
        for (int i = 0; i < unseen.size(); i++) {
            AnnotatorEvaluationTest.Passage passage = unseen.get(i);
            scored.add(GoldReview.review("unseen-" + i, passage.text(), List.of(), gold(ontology, passage)));
        }
        SuggesterModel model = outcome.inService() ? outcome.model() : SuggesterModel.DICTIONARY_ONLY;
        Evaluation unseenScores = training.evaluate(model, scored);
        Evaluation inTraining = outcome.model().evaluation();
        System.out.printf(Locale.ROOT, "%n== suggester: %d passages reviewed (%d decisions), %d unseen; model in service: %s%n",
                reviewed.size(), outcome.model().decisions(), unseen.size(), outcome.inService());
        System.out.printf(Locale.ROOT, "learned terms %d; %s%n", outcome.model().learnedTerms().size(), outcome.model().status()
                .put("evaluation", null).encode());
        print("held out of training (%d passages)".formatted(inTraining.passages()), inTraining);
        print("unseen half", unseenScores);
        unseenScores.modelByTheme().forEach((theme, scores) -> System.out.printf(Locale.ROOT, "  %-22s model %s | dictionary %s%n",
                ontology.labelSv(theme), figures(scores), figures(unseenScores.dictionaryOnlyByTheme().getOrDefault(theme, Evaluation.Scores.NONE))));

        assertThat(unseenScores.dictionaryOnly().f1()).as("dictionary alone, unseen half").isGreaterThanOrEqualTo(0.75);
        if (outcome.inService()) {
            assertThat(unseenScores.model().f1()).as("model F1 on the unseen half").isGreaterThanOrEqualTo(unseenScores.dictionaryOnly().f1());
        }
    }

    private static Set<String> gold(Ontology ontology, AnnotatorEvaluationTest.Passage passage) {
        return ontology.topThemes().stream().filter(t -> passage.themes().contains(t.labelSv())).map(Concept::iri).collect(Collectors.toSet());
    }

    private static void print(String what, Evaluation evaluation) {
        System.out.printf(Locale.ROOT, "%-36s MICRO model %s | dictionary alone %s%n", what, figures(evaluation.model()),
                figures(evaluation.dictionaryOnly()));
    }

    private static String figures(Evaluation.Scores scores) {
        return String.format(Locale.ROOT, "P %.2f R %.2f F1 %.2f", scores.precision(), scores.recall(), scores.f1());
    }
}
