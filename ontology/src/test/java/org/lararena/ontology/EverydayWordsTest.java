package org.lararena.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.annotate.Term;
import org.lararena.ontology.text.SwedishText;

/**
 * The codebook's everyday words ({@value #FILE}, docs/annotation-quality.md, <em>Everyday words written blind</em>):
 * hidden labels a separate writer wrote from the codebook alone, kept where the project's labelled passages do not
 * judge them misleading. A label is judged right where the dictionary suggests its concept through it in a passage
 * labelled with the concept's top theme, and wrong where the passage is not; it misleads when its share of right
 * suggestions, with the hidden label's weight as the prior worth {@value #PRIOR_JUDGEMENTS} judgements, is under one
 * half.
 */
class EverydayWordsTest {

    static final String FILE = "teman-vardagsord.ttl";

    /** Every labelled set, by its first labeller; a set measured once for a rule joins when its measurement is done. */
    static final List<String> LABELLED_SETS = List.of("tuning.txt", "heldout.txt", "suggester.txt",
            "suggester-heldout.txt", "suggester-heldout-2.txt", "suggester-heldout-3.txt", "suggester-heldout-4.txt",
            "suggester-heldout-5.txt", "suggester-heldout-6.txt", "suggester-heldout-7.txt", "suggester-heldout-8.txt");

    /**
     * How many judgements the label's weight is worth as the prior of its share of right suggestions, as the
     * suggester's term precision weighs the annotator's confidence against researchers' decisions.
     */
    static final double PRIOR_JUDGEMENTS = 3;

    private static Ontology shipped;
    private static Model everyday;
    private static Map<String, List<AnnotatorEvaluationTest.Passage>> sets;

    /** An everyday word of a concept, by its folded text. */
    record Word(String conceptIri, String folded) implements Comparable<Word> {
        @Override
        public int compareTo(Word other) {
            int byConcept = conceptIri.compareTo(other.conceptIri);
            return byConcept != 0 ? byConcept : folded.compareTo(other.folded);
        }
    }

    /** How often the dictionary's suggestions through one word were right and wrong. */
    static final class Judged {
        int right;
        int wrong;

        boolean misleads() {
            return (right + PRIOR_JUDGEMENTS * Term.Kind.HIDDEN.weight()) / (right + wrong + PRIOR_JUDGEMENTS) < 0.5;
        }
    }

    @BeforeAll
    static void load() throws IOException {
        shipped = OntologyLoader.fromClasspath();
        everyday = ModelFactory.createDefaultModel();
        try (InputStream in = EverydayWordsTest.class.getResourceAsStream("/" + OntologyLoader.CLASSPATH_DIRECTORY + FILE)) {
            assertThat(in).as(FILE).isNotNull();
            RDFDataMgr.read(everyday, in, Lang.TURTLE);
        }
        sets = new LinkedHashMap<>();
        LABELLED_SETS.forEach(set -> {
            try {
                sets.put(set, AnnotatorEvaluationTest.read(set));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void noEverydayWordMisleadsOnTheLabelledSets() {
        List<AnnotatorEvaluationTest.Passage> all = sets.values().stream().flatMap(List::stream).toList();
        Map<Word, Judged> judged = judge(shipped, words(everyday), all);

        assertThat(judged.entrySet().stream().filter(e -> e.getValue().misleads())
                .map(e -> String.format(Locale.ROOT, "%s \"%s\" (right %d, wrong %d)", e.getKey().conceptIri(),
                        e.getKey().folded(), e.getValue().right, e.getValue().wrong)).toList())
                .as("everyday words more likely wrong than right on the labelled sets: take them out of %s", FILE).isEmpty();
        // Without suggestions through them the check would pass on words the dictionary never reads.
        assertThat(judged.values().stream().mapToInt(j -> j.right).sum()).as("right suggestions through everyday words").isPositive();
    }

    @Test
    void everyWordIsAHiddenLabelOfAThemeTheCodebookDoesNotAlreadyHave() {
        Model codebookWithout = ModelFactory.createDefaultModel().add(shipped.model()).remove(everyday);
        Ontology without = OntologyLoader.fromModel(codebookWithout);
        assertThat(everyday.listStatements().toList()).allSatisfy(statement -> {
            assertThat(statement.getPredicate()).isEqualTo(SKOS.hiddenLabel);
            assertThat(shipped.topTheme(statement.getSubject().getURI())).as(statement.toString()).isPresent();
            assertThat(labelsOfAnyConcept(without)).as(statement.toString()).doesNotContain(SwedishText.fold(statement.getString()));
        });
    }

    /**
     * What the words are worth on passages: each set scored with the codebook without them, with all of them, and with
     * those the other sets do not judge misleading. Prints the figures only.
     */
    @Test
    void eachSetScoredWithAndWithoutTheEverydayWordsTheFiguresArePrinted() {
        Ontology without = OntologyLoader.fromModel(ModelFactory.createDefaultModel().add(shipped.model()).remove(everyday));
        Map<Word, String> all = words(everyday);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%n== everyday words (dictionary alone, P / R / F1): without | all written | kept by the other sets%n"));
        int[][] totals = new int[3][3];
        for (String set : sets.keySet()) {
            List<AnnotatorEvaluationTest.Passage> others = sets.entrySet().stream().filter(e -> !e.getKey().equals(set))
                    .flatMap(e -> e.getValue().stream()).toList();
            Map<Word, String> kept = kept(without, all, others);
            int[][] scores = {score(without, sets.get(set)), score(with(without, all), sets.get(set)), score(with(without, kept), sets.get(set))};
            report.append(String.format(Locale.ROOT, "%-26s", set));
            for (int i = 0; i < 3; i++) {
                report.append(i == 0 ? " " : " | ").append(figures(scores[i]));
                for (int j = 0; j < 3; j++) {
                    totals[i][j] += scores[i][j];
                }
            }
            report.append(String.format(Locale.ROOT, "  (%d of %d kept)%n", kept.size(), all.size()));
        }
        report.append(String.format(Locale.ROOT, "%-26s %s | %s | %s%n", "all (micro)", figures(totals[0]), figures(totals[1]), figures(totals[2])));
        System.out.print(report);
        assertThat(totals[0][0] + totals[0][2]).as("every set's themes are scored").isEqualTo(totals[2][0] + totals[2][2]);
    }

    /**
     * The measure of the words on a set written blind after them (docs/annotation-quality.md): the dictionary alone on
     * all its passages, without and with the words. Prints the figures only.
     */
    @Test
    void onTheSetWrittenBlindWhileTheWordsWereWrittenTheFiguresArePrinted() throws IOException {
        String set = "suggester-heldout-8.txt";
        List<AnnotatorEvaluationTest.Passage> passages = AnnotatorEvaluationTest.read(set);
        Ontology without = OntologyLoader.fromModel(ModelFactory.createDefaultModel().add(shipped.model()).remove(everyday));
        int[] before = score(without, passages);
        int[] after = score(shipped, passages);
        System.out.printf(Locale.ROOT, "%n== everyday words on %s (%d passages, dictionary alone, P / R / F1): without %s | with %s%n",
                set, passages.size(), figures(before), figures(after));
        assertThat(before[0] + before[2]).as("the set's themes are scored").isEqualTo(after[0] + after[2]).isPositive();
    }

    /** The words {@code passages} do not judge misleading, taken out one round at a time until none misleads. */
    static Map<Word, String> kept(Ontology without, Map<Word, String> words, List<AnnotatorEvaluationTest.Passage> passages) {
        Map<Word, String> kept = new TreeMap<>(words);
        while (true) {
            Set<Word> misleading = judge(with(without, kept), kept, passages).entrySet().stream()
                    .filter(e -> e.getValue().misleads()).map(Map.Entry::getKey).collect(Collectors.toSet());
            if (misleading.isEmpty()) {
                return kept;
            }
            kept.keySet().removeAll(misleading);
        }
    }

    /** The suggestions through {@code words} on {@code passages}, judged by the passages' top themes. */
    static Map<Word, Judged> judge(Ontology codebook, Map<Word, String> words, List<AnnotatorEvaluationTest.Passage> passages) {
        PassageAnnotator annotator = new PassageAnnotator(codebook);
        Map<Word, Judged> judged = new TreeMap<>();
        for (AnnotatorEvaluationTest.Passage passage : passages) {
            Set<String> gold = passage.themeIris(codebook);
            Set<Word> seen = new TreeSet<>();
            for (Suggestion suggestion : annotator.annotate(passage.text())) {
                Word word = new Word(suggestion.conceptIri(), SwedishText.fold(suggestion.matchedTerm()));
                if (words.containsKey(word) && seen.add(word)) {
                    Judged counts = judged.computeIfAbsent(word, w -> new Judged());
                    if (gold.contains(suggestion.topThemeIri())) {
                        counts.right++;
                    } else {
                        counts.wrong++;
                    }
                }
            }
        }
        return judged;
    }

    private static Map<Word, String> words(Model model) {
        Map<Word, String> words = new TreeMap<>();
        for (Statement statement : model.listStatements().toList()) {
            words.put(new Word(statement.getSubject().getURI(), SwedishText.fold(statement.getString())), statement.getString());
        }
        return words;
    }

    private static Ontology with(Ontology without, Map<Word, String> words) {
        Model model = ModelFactory.createDefaultModel().add(without.model());
        words.forEach((word, written) -> model.add(model.createResource(word.conceptIri()), SKOS.hiddenLabel, written, "sv"));
        return OntologyLoader.fromModel(model);
    }

    private static Set<String> labelsOfAnyConcept(Ontology codebook) {
        Set<String> labels = new TreeSet<>();
        for (Concept concept : codebook.concepts()) {
            concept.prefLabels().values().forEach(label -> labels.add(SwedishText.fold(label)));
            concept.altLabels().forEach(label -> labels.add(SwedishText.fold(label.text())));
            concept.hiddenLabels().forEach(label -> labels.add(SwedishText.fold(label.text())));
            concept.weakLabels().forEach(label -> labels.add(SwedishText.fold(label.text())));
        }
        return labels;
    }

    /** True positives, false positives and false negatives over the passages' top themes, by the dictionary alone. */
    private static int[] score(Ontology codebook, List<AnnotatorEvaluationTest.Passage> passages) {
        PassageAnnotator annotator = new PassageAnnotator(codebook);
        int[] counts = new int[3];
        for (AnnotatorEvaluationTest.Passage passage : passages) {
            Set<String> gold = passage.themeIris(codebook);
            Set<String> predicted = annotator.annotate(passage.text()).stream().map(Suggestion::topThemeIri).collect(Collectors.toSet());
            predicted.forEach(theme -> counts[gold.contains(theme) ? 0 : 1]++);
            gold.forEach(theme -> counts[2] += predicted.contains(theme) ? 0 : 1);
        }
        return counts;
    }

    private static String figures(int[] counts) {
        double precision = counts[0] / (double) Math.max(1, counts[0] + counts[1]);
        double recall = counts[0] / (double) Math.max(1, counts[0] + counts[2]);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", precision, recall, f1);
    }
}
