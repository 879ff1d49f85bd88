package org.lararena.ontology;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.suggest.GoldReview;
import org.lararena.ontology.suggest.ServiceCheck;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.ontology.suggest.SuggesterTraining;
import org.lararena.ontology.suggest.TrainingPassage;

/**
 * How long one training takes as the decided passages grow (issue 18: training runs in bounded time): every passage of
 * the evaluation sets reviewed as its labels say (accepts, rejects, tags of what was missed, as {@link GoldReview}
 * does), repeated under new ids up to each size, and trained once per size in this JVM after a warm-up training.
 * Training learns eleven models (ten folds and the one for service), each with a classifier per top theme.
 *
 * <pre>./mvnw -B -Pbench -pl ontology -am verify -DskipITs -Dtest=SuggesterTrainingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.passages=250,1000,4000</pre>
 */
class SuggesterTrainingBenchmark {

    private static final List<String> SETS = List.of("tuning.txt", "heldout.txt", "suggester.txt", "suggester-heldout.txt",
            "suggester-heldout-2.txt", "suggester-heldout-3.txt", "suggester-heldout-4.txt");

    @Test
    void oneTrainingAsTheDecidedPassagesGrow() throws IOException {
        Ontology ontology = OntologyLoader.fromClasspath();
        PassageAnnotator annotator = new PassageAnnotator(ontology);
        SuggesterTraining training = new SuggesterTraining(annotator, ontology, Clock.systemUTC(), new ServiceCheck(30, 0.02));
        List<LabelledPassage> written = new ArrayList<>();
        for (String set : SETS) {
            written.addAll(LabelledPassage.read(set));
        }
        int[] sizes = Arrays.stream(System.getProperty("bench.passages", "250,1000,4000").split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).toArray();

        training.train(reviewed(written, sizes[0], ontology, annotator), 1);
        System.out.printf("%d passages written for the evaluation sets, repeated under new ids; load average %.1f%n", written.size(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| decided passages | decisions | one training, s | ms per passage | × the first size's per passage |");
        System.out.println("|---|---|---|---|---|");
        double firstPerPassage = 0;
        for (int size : sizes) {
            List<TrainingPassage> decided = reviewed(written, size, ontology, annotator);
            long started = System.nanoTime();
            SuggesterModel model = training.train(decided, 2).model();
            double seconds = (System.nanoTime() - started) / 1e9;
            double perPassage = seconds * 1000 / size;
            firstPerPassage = firstPerPassage == 0 ? perPassage : firstPerPassage;
            System.out.printf(Locale.ROOT, "| %,d | %,d | %.1f | %.2f | ×%.2f |%n", size, model.decisions(), seconds, perPassage,
                    perPassage / firstPerPassage);
        }
    }

    /** {@code size} passages: the written ones in turn, each reviewed as its labels say, under an id of its own. */
    private static List<TrainingPassage> reviewed(List<LabelledPassage> written, int size, Ontology ontology,
                                                  PassageAnnotator annotator) {
        List<TrainingPassage> decided = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            LabelledPassage passage = written.get(i % written.size());
            decided.add(GoldReview.review("bench-" + i, passage.text(), annotator.annotate(passage.text()), passage.themeIris(ontology),
                    passage.evidenceByThemeIri(ontology)));
        }
        return decided;
    }
}
