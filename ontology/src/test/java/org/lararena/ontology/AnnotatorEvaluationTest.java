package org.lararena.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the annotator on passages labelled with top themes (see {@code src/test/resources/eval/README.md}):
 * micro precision, recall and F1 over the set of top themes per passage, per theme, beside a baseline that
 * matches only the nineteen theme names, case-insensitively.
 */
class AnnotatorEvaluationTest {

    private static final double REQUIRED_F1 = 0.75;
    private static final double REQUIRED_PRECISION = 0.75;

    private static Ontology ontology;
    private static PassageAnnotator annotator;

    record Counts(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts other) {
            return new Counts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }
    }

    @BeforeAll
    static void load() {
        ontology = OntologyLoader.fromClasspath();
        annotator = new PassageAnnotator(ontology);
    }

    @Test
    void annotatorReachesRequiredPrecisionAndF1OnTheTuningSet() throws IOException {
        Counts micro = evaluate("tuning.txt", true);
        assertThat(micro.precision()).as("precision").isGreaterThanOrEqualTo(REQUIRED_PRECISION);
        assertThat(micro.f1()).as("micro-F1").isGreaterThanOrEqualTo(REQUIRED_F1);
    }

    @Test
    void annotatorReachesRequiredPrecisionAndF1OnTheHeldOutSet() throws IOException {
        Counts micro = evaluate("heldout.txt", false);
        assertThat(micro.precision()).as("precision").isGreaterThanOrEqualTo(REQUIRED_PRECISION);
        assertThat(micro.f1()).as("micro-F1").isGreaterThanOrEqualTo(REQUIRED_F1);
    }

    @Test
    void theEvaluationSetsOnlyUseTheNineteenTopThemes() throws IOException {
        Set<String> names = new HashSet<>();
        ontology.topThemes().forEach(t -> names.add(t.labelSv()));
        for (String file : List.of("tuning.txt", "heldout.txt", "suggester.txt")) {
            for (LabelledPassage passage : LabelledPassage.read(file)) {
                assertThat(names).as(passage.text()).containsAll(passage.themes());
            }
        }
    }

    private Counts evaluate(String file, boolean showErrors) throws IOException {
        List<LabelledPassage> passages = LabelledPassage.read(file);
        Function<String, Set<String>> system = text -> {
            Set<String> themes = new TreeSet<>();
            annotator.annotate(text).forEach(s -> themes.add(ontology.labelSv(s.topThemeIri())));
            return themes;
        };
        Function<String, Set<String>> baseline = text -> {
            Set<String> themes = new TreeSet<>();
            String lower = text.toLowerCase(Locale.ROOT);
            ontology.topThemes().forEach(t -> {
                if (lower.contains(t.labelSv().toLowerCase(Locale.ROOT))) {
                    themes.add(t.labelSv());
                }
            });
            return themes;
        };
        Map<String, Counts> perTheme = new TreeMap<>();
        Map<String, Counts> perThemeBaseline = new TreeMap<>();
        ontology.topThemes().forEach(t -> {
            perTheme.put(t.labelSv(), new Counts(0, 0, 0));
            perThemeBaseline.put(t.labelSv(), new Counts(0, 0, 0));
        });
        List<String> errors = new ArrayList<>();
        long started = System.nanoTime();
        for (LabelledPassage passage : passages) {
            Set<String> predicted = system.apply(passage.text());
            count(passage.themes(), predicted, perTheme);
            count(passage.themes(), baseline.apply(passage.text()), perThemeBaseline);
            if (!predicted.equals(passage.themes())) {
                Set<String> missed = new TreeSet<>(passage.themes());
                missed.removeAll(predicted);
                Set<String> extra = new TreeSet<>(predicted);
                extra.removeAll(passage.themes());
                errors.add("  missed " + missed + " extra " + extra + " :: "
                        + passage.text().substring(0, Math.min(90, passage.text().length())));
            }
        }
        long micros = (System.nanoTime() - started) / 1000 / Math.max(1, passages.size());
        Counts micro = perTheme.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
        Counts microBaseline = perThemeBaseline.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%n== %s: %d passages (%d µs per passage incl. baseline)%n",
                file, passages.size(), micros));
        report.append(String.format(Locale.ROOT, "%-22s %5s %5s %5s %5s | %5s %5s %5s  (baseline)%n",
                "theme", "gold", "P", "R", "F1", "P", "R", "F1"));
        perTheme.forEach((theme, counts) -> {
            Counts base = perThemeBaseline.get(theme);
            report.append(String.format(Locale.ROOT, "%-22s %5d %5.2f %5.2f %5.2f | %5.2f %5.2f %5.2f%n", theme,
                    counts.truePositives() + counts.falseNegatives(), counts.precision(), counts.recall(),
                    counts.f1(), base.precision(), base.recall(), base.f1()));
        });
        report.append(String.format(Locale.ROOT, "%-22s %5d %5.2f %5.2f %5.2f | %5.2f %5.2f %5.2f%n", "MICRO",
                micro.truePositives() + micro.falseNegatives(), micro.precision(), micro.recall(), micro.f1(),
                microBaseline.precision(), microBaseline.recall(), microBaseline.f1()));
        if (showErrors) {
            report.append("passages that differ from the gold themes:\n");
            errors.forEach(e -> report.append(e).append('\n'));
        }
        System.out.print(report);
        return micro;
    }

    private static void count(Set<String> gold, Set<String> predicted, Map<String, Counts> perTheme) {
        for (String theme : perTheme.keySet()) {
            boolean g = gold.contains(theme);
            boolean p = predicted.contains(theme);
            perTheme.merge(theme, new Counts(g && p ? 1 : 0, !g && p ? 1 : 0, g && !p ? 1 : 0), Counts::plus);
        }
    }
}
