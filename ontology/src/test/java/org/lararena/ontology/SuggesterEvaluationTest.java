package org.lararena.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaConfig;
import org.lararena.ontology.suggest.Evaluation;
import org.lararena.ontology.suggest.GoldReview;
import org.lararena.ontology.suggest.ServiceCheck;
import org.lararena.ontology.suggest.StartingConfidence;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.ontology.suggest.SuggesterTraining;
import org.lararena.ontology.suggest.TrainingPassage;

/**
 * The suggester's own measurement (docs/annotation-quality.md): every other passage of an evaluation set is reviewed
 * as its gold labels say, the suggester trains on those decisions, and the passages between them are scored against
 * their gold labels with the model and with the dictionary alone. Prints the figures; asserts that a model put in
 * service does not lower F1 on the passages it never saw, and the bar of the dictionary alone on the project's sets.
 */
class SuggesterEvaluationTest {

    private static Ontology ontology;
    private static PassageAnnotator annotator;
    private static SuggesterTraining training;
    /** Suggestions a tenth of confidence needs before its share right is held to the confidence shown. */
    private static final int CALIBRATION_BIN_MINIMUM = 30;
    /** How far the share right may be from the confidence shown: "about 80 %" for 0.8. */
    private static final double CALIBRATION_TOLERANCE = 0.1;
    /** The check a platform runs before a model goes into service, with the configuration's defaults. */
    private static final ServiceCheck CONFIGURED = ServiceCheck.of(LararenaConfig.fromMap(Map.of()).suggester());

    @BeforeAll
    static void load() {
        ontology = OntologyLoader.fromClasspath();
        annotator = new PassageAnnotator(ontology);
        // The model is scored however few passages tested it: this measures the model, and prints what the configured
        // check would have said of it (CONFIGURED) beside.
        training = new SuggesterTraining(annotator, ontology, Clock.systemUTC(), new ServiceCheck(1, 0));
    }

    /** The scores on the unseen half, and whether training put its model in service. */
    private record Measured(Evaluation unseen, boolean inService) {}

    @Test
    void onTheProjectsEvaluationSetsTheModelIsNoWorseThanTheDictionaryAlone() throws IOException {
        Evaluation unseen = measure("tuning.txt", "heldout.txt").unseen();
        assertThat(unseen.dictionaryOnly().f1()).as("dictionary alone, unseen half").isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void onASetWithAProgrammesOwnVocabularyTheModelLearnsWhatTheDictionaryLacks() throws IOException {
        Measured measured = measure("suggester.txt");

        // Without these the test would pass on a model that learned nothing (one never put in service asserts nothing below).
        assertThat(measured.inService()).as("the model learned from half the set is put in service").isTrue();
        assertThat(measured.unseen().model().f1()).as("model F1 on the unseen half, against the dictionary alone")
                .isGreaterThan(measured.unseen().dictionaryOnly().f1());
    }

    /**
     * The goal's own measure (issue 18): sets written after the suggester's rule was chosen, each measured once for the
     * rule it was written after (suggester-heldout.txt for the first, suggester-heldout-2.txt for the second; see
     * docs/annotation-quality.md). Each set has a second labeller's themes too, given blind from the codebook's
     * definitions by someone who had not seen the rules ({@code *.second-labeller.txt}): the agreement of the two and
     * every figure against each labeller are printed. Asserts only that the labels are top themes of the same passages
     * and, through {@link #measure}, that a model put in service does not lower F1 on the unseen half by the labels it
     * learned from.
     */
    @Test
    void onTheFirstSetWrittenAfterARuleWasChosenTheFiguresArePrinted() throws IOException {
        measureHeldOut("suggester-heldout.txt");
    }

    @Test
    void onTheSecondSetWrittenAfterARuleWasChosenTheFiguresArePrinted() throws IOException {
        measureHeldOut("suggester-heldout-2.txt");
    }

    /**
     * The set written after the dictionary's third rule (the label naming who speaks ignored, a richer codebook; see
     * docs/annotation-quality.md), measured once: the dictionary alone on all its passages and the half-reviewed
     * measure. One labeller.
     */
    @Test
    void onTheThirdSetWrittenAfterARuleWasChosenTheFiguresArePrinted() throws IOException {
        measureOneLabeller("suggester-heldout-3.txt");
    }

    /**
     * The set written after the suggester's evaluation by cross-validation was chosen (docs/annotation-quality.md),
     * measured once: the dictionary alone on all its passages and the half-reviewed measure. One labeller.
     */
    @Test
    void onTheFourthSetWrittenAfterARuleWasChosenTheFiguresArePrinted() throws IOException {
        measureOneLabeller("suggester-heldout-4.txt");
    }

    /**
     * A set written blind by a separate writer, from the codebook's preferred labels, definitions and hierarchy only,
     * judging no rule (docs/annotation-quality.md), measured once: the same figures as the sets above.
     */
    @Test
    void onASetWrittenBlindByASeparateWriterTheFiguresArePrinted() throws IOException {
        measureOneLabeller("suggester-heldout-5.txt");
    }

    /**
     * Two more sets written blind by separate writers, from the codebook's preferred labels, definitions and hierarchy
     * only, each measured once for a rule that was then taken out (a seed of labelled passages, and that seed tested on
     * its own sets; docs/annotation-quality.md): the same figures as the sets above, for the suggester as it is.
     */
    @Test
    void onASecondSetWrittenBlindTheFiguresArePrinted() throws IOException {
        measureOneLabeller("suggester-heldout-6.txt");
    }

    @Test
    void onAThirdSetWrittenBlindTheFiguresArePrinted() throws IOException {
        measureOneLabeller("suggester-heldout-7.txt");
    }

    @Test
    void onAFourthSetWrittenBlindTheFiguresArePrinted() throws IOException {
        measureOneLabeller("suggester-heldout-8.txt");
    }

    @Test
    void onAFifthSetWrittenBlindTheFiguresArePrinted() throws IOException {
        measureOneLabeller("suggester-heldout-9.txt");
    }

    /**
     * A set written blind while a rule for the check before service was made and then turned down on the development
     * sets (its cross-validation repeated on folds by text; docs/annotation-quality.md): measured once, for the
     * suggester as it stands.
     */
    @Test
    void onASixthSetWrittenBlindTheFiguresArePrinted() throws IOException {
        measureOneLabeller("suggester-heldout-10.txt");
    }

    /**
     * A set written blind after the rule for the dictionary's confidence before any decision was committed ({@link
     * StartingConfidence}; docs/annotation-quality.md, *Confidence before any decision*), measured once: the rule's
     * criterion, that the confidence as shown is closer to the share right than the dictionary's score (a smaller
     * expected calibration error on all its passages), and the same figures as the sets above.
     */
    @Test
    void onASeventhSetWrittenBlindTheDictionarysConfidenceAsShownIsCloserToTheShareRightThanItsScore() throws IOException {
        String set = "suggester-heldout-12.txt";
        DictionaryConfidence gaps = printConfidence(set, labelled(set), countsBySet());
        measureOneLabeller(set);
        assertThat(gaps.shownGap()).as("expected calibration error of the confidence as shown, against the dictionary's score")
                .isLessThan(gaps.scoreGap());
    }

    /**
     * Whether the confidence shown is the chance of being right (issue 18: suggestions shown with confidence 0.8 are
     * accepted about 80 % of the time). On every labelled set ({@link EverydayWordsTest#LABELLED_SETS}), by its first
     * labeller, half is reviewed and a model trained as in {@link #measure}; every suggestion the model as trained shows on
     * the unseen half is judged right when its top theme is one of the passage's, and the suggestions are grouped by the
     * confidence shown. Beside: the dictionary alone as a platform shows it before a model is in service ({@link
     * StartingConfidence}, here counted on the other sets, so that no set is scored by counts of its own), and the
     * dictionary's own scores. Prints the table and the mean gap between confidence and share right (expected
     * calibration error, weighted by suggestions). Asserts what a researcher reading a confidence relies on: in every
     * tenth of the model's confidence with at least {@value #CALIBRATION_BIN_MINIMUM} suggestions, the share right is
     * within {@value #CALIBRATION_TOLERANCE} of the confidence shown, and the gaps of the model and of the dictionary as
     * shown are smaller than that of the dictionary's own scores.
     */
    @Test
    void onTheUnseenHalvesTheConfidenceShownIsComparedWithTheShareRight() throws IOException {
        Map<String, Map<String, StartingConfidence.Counts>> countsBySet = countsBySet();
        List<Shown> byModel = new ArrayList<>();
        List<Shown> byDictionaryShown = new ArrayList<>();
        List<Shown> byDictionaryScore = new ArrayList<>();
        for (String set : EverydayWordsTest.LABELLED_SETS) {
            List<LabelledPassage> passages = labelled(set);
            SuggesterModel model = training.train(reviewed(passages), 1).model();
            StartingConfidence otherSets = StartingConfidence.of(allBut(countsBySet, set));
            for (int i = 1; i < passages.size(); i += 2) {
                String text = passages.get(i).text();
                Set<String> gold = passages.get(i).themeIris(ontology);
                List<Suggestion> scored = annotator.termSuggestions(text, SuggesterModel.DICTIONARY_ONLY);
                annotator.annotate(text, model).forEach(s -> byModel.add(Shown.of(s, gold)));
                otherSets.shown(text, scored).forEach(s -> byDictionaryShown.add(Shown.of(s, gold)));
                scored.forEach(s -> byDictionaryScore.add(Shown.of(s, gold)));
            }
        }
        System.out.printf(Locale.ROOT, "%n== confidence shown against share right, unseen halves of every set (suggestions)%n");
        System.out.printf(Locale.ROOT, "%-12s %-32s %-32s %-32s%n", "confidence", "model as trained: n, mean, right",
                "dictionary as shown: n, mean, right", "dictionary's score: n, mean, right");
        for (int bin = 0; bin < 10; bin++) {
            System.out.printf(Locale.ROOT, "%.1f–%.1f      %-32s %-32s %-32s%n", bin / 10.0, (bin + 1) / 10.0, Shown.bin(byModel, bin),
                    Shown.bin(byDictionaryShown, bin), Shown.bin(byDictionaryScore, bin));
        }
        System.out.printf(Locale.ROOT, "expected calibration error: model as trained %.3f (%d suggestions), dictionary as shown %.3f (%d),"
                        + " dictionary's score %.3f (%d)%n", Shown.calibrationError(byModel), byModel.size(), Shown.calibrationError(byDictionaryShown),
                byDictionaryShown.size(), Shown.calibrationError(byDictionaryScore), byDictionaryScore.size());
        assertThat(byModel).as("suggestions shown on the unseen halves").isNotEmpty();
        for (int bin = 0; bin < 10; bin++) {
            List<Shown> in = Shown.in(byModel, bin);
            if (in.size() >= CALIBRATION_BIN_MINIMUM) {
                assertThat(Shown.shareRight(in)).as("share right of the %d suggestions shown with confidence %.1f–%.1f", in.size(), bin / 10.0,
                        (bin + 1) / 10.0).isCloseTo(Shown.meanConfidence(in), within(CALIBRATION_TOLERANCE));
            }
        }
        assertThat(Shown.calibrationError(byModel)).as("the model's gap between confidence and share right, against the dictionary's score's")
                .isLessThan(Shown.calibrationError(byDictionaryScore));
        assertThat(Shown.calibrationError(byDictionaryShown)).as("the dictionary's gap as shown, against its score's")
                .isLessThan(Shown.calibrationError(byDictionaryScore));
    }

    /** The dictionary's suggestions on each labelled set, by their class ({@link StartingConfidenceTest#count}). */
    private static Map<String, Map<String, StartingConfidence.Counts>> countsBySet() throws IOException {
        Map<String, Map<String, StartingConfidence.Counts>> countsBySet = new TreeMap<>();
        for (String set : EverydayWordsTest.LABELLED_SETS) {
            countsBySet.put(set, StartingConfidenceTest.count(annotator, ontology, List.of(set)));
        }
        return countsBySet;
    }

    /**
     * The dictionary's confidence as a platform shows it before a model is in service, on all passages of each labelled
     * set, counted on the other sets, against its own score: the tenths and both gaps, per set (docs/annotation-quality.md,
     * *Confidence before any decision*). Asserts that the confidence as shown is the closer of the two on every set but
     * the {@link #EARLIEST_SETS}, where the dictionary is right about as often whatever a suggestion's class and its
     * score is the closer.
     */
    @Test
    void onEachSetTheDictionarysConfidenceAsShownAndItsScoreAreComparedWithTheShareRight() throws IOException {
        Map<String, Map<String, StartingConfidence.Counts>> countsBySet = countsBySet();
        Map<String, DictionaryConfidence> gaps = new TreeMap<>();
        for (String set : EverydayWordsTest.LABELLED_SETS) {
            gaps.put(set, printConfidence(set, labelled(set), countsBySet));
        }
        gaps.keySet().removeAll(EARLIEST_SETS);
        assertThat(gaps).as("the later sets").isNotEmpty().allSatisfy((set, gap) -> assertThat(gap.shownGap())
                .as("%s: expected calibration error as shown, against the dictionary's score", set).isLessThan(gap.scoreGap()));
    }

    /**
     * The five earliest labelled sets, written by the rules' author with the codebook's words in mind (the first two
     * while its vocabulary was tuned; src/test/resources/eval/README.md).
     */
    private static final Set<String> EARLIEST_SETS = Set.of("tuning.txt", "heldout.txt", "suggester.txt",
            "suggester-heldout.txt", "suggester-heldout-2.txt");

    /** Every set's counts but {@code left}'s, added up. */
    private static Map<String, StartingConfidence.Counts> allBut(Map<String, Map<String, StartingConfidence.Counts>> countsBySet, String left) {
        Map<String, StartingConfidence.Counts> sum = new TreeMap<>();
        countsBySet.forEach((set, counts) -> {
            if (!set.equals(left)) {
                counts.forEach((context, c) -> sum.merge(context, c, StartingConfidence.Counts::plus));
            }
        });
        return sum;
    }

    /** A suggestion shown with its confidence, and whether its top theme is one of the passage's. */
    private record Shown(double confidence, boolean right) {

        static Shown of(Suggestion suggestion, Set<String> goldThemes) {
            return new Shown(suggestion.confidence(), goldThemes.contains(suggestion.topThemeIri()));
        }

        /** The suggestions shown with a confidence in the {@code bin}th tenth (1.0 in the last). */
        static List<Shown> in(List<Shown> shown, int bin) {
            return shown.stream().filter(s -> Math.min(9, (int) (s.confidence() * 10)) == bin).toList();
        }

        static double meanConfidence(List<Shown> shown) {
            return shown.stream().mapToDouble(Shown::confidence).average().orElseThrow();
        }

        static double shareRight(List<Shown> shown) {
            return shown.stream().filter(Shown::right).count() / (double) shown.size();
        }

        static String bin(List<Shown> shown, int bin) {
            List<Shown> in = in(shown, bin);
            return in.isEmpty() ? "—" : String.format(Locale.ROOT, "%4d  %.2f  %.2f", in.size(), meanConfidence(in), shareRight(in));
        }

        /** The gap between mean confidence and share right in each tenth, weighted by the suggestions in it. */
        static double calibrationError(List<Shown> shown) {
            double error = 0;
            for (int bin = 0; bin < 10; bin++) {
                List<Shown> in = in(shown, bin);
                if (!in.isEmpty()) {
                    error += in.size() * Math.abs(meanConfidence(in) - shareRight(in));
                }
            }
            return error / shown.size();
        }
    }

    /** The dictionary alone on all passages of a set with one labeller, and the half-reviewed measure. */
    private void measureOneLabeller(String file) throws IOException {
        List<LabelledPassage> passages = labelled(file);
        printWhole(file, passages);
        measure(file, passages, passages, true);
    }

    /** The dictionary's confidence as shown and its score against the share right; the two gaps (expected calibration error). */
    private record DictionaryConfidence(double shownGap, double scoreGap) {}

    /**
     * The dictionary alone on all {@code passages} of {@code file}: its suggestions by the confidence a platform shows
     * before a model is in service ({@link StartingConfidence}, counted on the labelled sets other than this one) and by
     * the dictionary's own score, each against the share right. Prints the tenths and the gaps.
     */
    private DictionaryConfidence printConfidence(String file, List<LabelledPassage> passages,
                                                 Map<String, Map<String, StartingConfidence.Counts>> countsBySet) {
        StartingConfidence otherSets = StartingConfidence.of(allBut(countsBySet, file));
        List<Shown> shown = new ArrayList<>();
        List<Shown> score = new ArrayList<>();
        for (LabelledPassage passage : passages) {
            Set<String> gold = passage.themeIris(ontology);
            List<Suggestion> scored = annotator.termSuggestions(passage.text(), SuggesterModel.DICTIONARY_ONLY);
            otherSets.shown(passage.text(), scored).forEach(s -> shown.add(Shown.of(s, gold)));
            scored.forEach(s -> score.add(Shown.of(s, gold)));
        }
        System.out.printf(Locale.ROOT, "%n== dictionary's confidence on all %d passages of %s (suggestions)%n", passages.size(), file);
        System.out.printf(Locale.ROOT, "%-12s %-32s %-32s%n", "confidence", "as shown: n, mean, right", "its score: n, mean, right");
        for (int bin = 0; bin < 10; bin++) {
            System.out.printf(Locale.ROOT, "%.1f–%.1f      %-32s %-32s%n", bin / 10.0, (bin + 1) / 10.0, Shown.bin(shown, bin), Shown.bin(score, bin));
        }
        DictionaryConfidence gaps = new DictionaryConfidence(Shown.calibrationError(shown), Shown.calibrationError(score));
        System.out.printf(Locale.ROOT, "expected calibration error: as shown %.3f, its score %.3f (%d suggestions)%n", gaps.shownGap(),
                gaps.scoreGap(), shown.size());
        return gaps;
    }

    private void measureHeldOut(String file) throws IOException {
        List<LabelledPassage> first = labelled(file);
        List<LabelledPassage> second = labelled(file.replace(".txt", ".second-labeller.txt"));
        assertThat(second).extracting(LabelledPassage::text).as("the second labeller's passages")
                .containsExactlyElementsOf(first.stream().map(LabelledPassage::text).toList());

        LabellerAgreement agreement = LabellerAgreement.of(first, second,
                ontology.topThemes().stream().map(Concept::labelSv).toList());
        System.out.printf(Locale.ROOT, "%n== labellers of %s: %s%n", file, agreement);

        printWhole(file + ", first labeller", first);
        printWhole(file + ", second labeller", second);
        measure(file + ", first labeller", first, first, true);
        measure(file + ", first labeller without the words in brackets", withoutEvidence(first), first, true);
        measure(file + ", second labeller", second, second, true);
        // Reviewed as one labeller says, scored by the other's labels: what a model learned from one person's judgement
        // is worth by another's. Nothing is asserted here: a loss may say the labellers differ, not the model.
        measure(file + ", reviewed as the first labeller says, scored by the second", withoutEvidence(first), second, false);
        measure(file + ", reviewed as the second labeller says, scored by the first", second, first, false);
    }

    private static List<LabelledPassage> labelled(String file) throws IOException {
        Set<String> labels = ontology.topThemes().stream().map(Concept::labelSv).collect(Collectors.toSet());
        List<LabelledPassage> passages = LabelledPassage.read(file);
        for (LabelledPassage passage : passages) {
            assertThat(labels).as("the labels in %s of: %s", file, passage.text()).containsAll(passage.themes());
        }
        return passages;
    }

    /** The same themes with no words named for them: the review then tags a missed theme on the whole passage. */
    private static List<LabelledPassage> withoutEvidence(List<LabelledPassage> passages) {
        return passages.stream().map(p -> new LabelledPassage(p.themes(), p.text(), Map.of())).toList();
    }

    /** The dictionary alone on every passage of a set (nothing to train on). */
    private static void printWhole(String what, List<LabelledPassage> passages) {
        List<TrainingPassage> all = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            all.add(GoldReview.review("all-" + i, passages.get(i).text(), List.of(), passages.get(i).themeIris(ontology)));
        }
        Evaluation whole = training.evaluate(SuggesterModel.DICTIONARY_ONLY, all);
        System.out.printf(Locale.ROOT, "%n== dictionary alone on all %d passages of %s: %s%n", whole.passages(), what,
                figures(whole.dictionaryOnly()));
    }

    private Measured measure(String... files) throws IOException {
        List<LabelledPassage> all = new ArrayList<>();
        for (String file : files) {
            all.addAll(LabelledPassage.read(file));
        }
        return measure(String.join(" + ", files), all, all, true);
    }

    /**
     * Reviews every other passage as {@code reviewedAs} labels it, trains on those decisions, and scores the passages
     * between them by the labels {@code scoredAs} gives the same passages.
     *
     * @param assertNotWorse whether a model put in service must not lower F1 on the unseen half
     */
    private Measured measure(String what, List<LabelledPassage> reviewedAs, List<LabelledPassage> scoredAs,
                             boolean assertNotWorse) {
        List<TrainingPassage> reviewed = reviewed(reviewedAs);
        List<TrainingPassage> unseen = new ArrayList<>();
        for (int i = 1; i < scoredAs.size(); i += 2) {
            LabelledPassage passage = scoredAs.get(i);
            // Only the gold themes count here: the scoring compares the suggestions with them.
            unseen.add(GoldReview.review("unseen-" + i, passage.text(), List.of(), passage.themeIris(ontology)));
        }
        SuggesterTraining.Outcome outcome = training.train(reviewed, 1);
        SuggesterModel model = outcome.inService() ? outcome.model() : SuggesterModel.DICTIONARY_ONLY;
        Evaluation scores = training.evaluate(model, unseen);
        Evaluation inTraining = outcome.model().evaluation();

        System.out.printf(Locale.ROOT, "%n== suggester on %s: %d passages reviewed (%d decisions), %d unseen; model in service: %s%n",
                what, reviewed.size(), outcome.model().decisions(), unseen.size(), outcome.inService());
        System.out.printf(Locale.ROOT, "learned terms: %s; theme classifiers: %d%n",
                outcome.model().learnedTerms().stream().map(t -> t.label() + " → " + ontology.labelSv(t.topThemeIri())).toList(),
                outcome.model().status().getInteger("themeClassifiers"));
        print("cross-validated (%d reviewed passages)".formatted(inTraining.passages()), inTraining);
        System.out.println("the configured check before service: " + CONFIGURED.judge(inTraining).reason());
        print("unseen half", scores);
        // What the check decided against: the model as trained on the same passages, whether in service or not.
        print("unseen half, the model as trained", outcome.inService() ? scores : training.evaluate(outcome.model(), unseen));
        System.out.println("on the unseen half: " + changes(model, unseen));
        scores.modelByTheme().forEach((theme, s) -> System.out.printf(Locale.ROOT, "  %-22s model %s | dictionary %s%n",
                ontology.labelSv(theme), figures(s), figures(scores.dictionaryOnlyByTheme().getOrDefault(theme, Evaluation.Scores.NONE))));
        if (outcome.inService() && assertNotWorse) {
            assertThat(scores.model().f1()).as("model F1 on the unseen half").isGreaterThanOrEqualTo(scores.dictionaryOnly().f1());
        }
        return new Measured(scores, outcome.inService());
    }

    /** Every other passage, from the first, reviewed as its labels say: the half a measure trains on. */
    private static List<TrainingPassage> reviewed(List<LabelledPassage> passages) {
        List<TrainingPassage> reviewed = new ArrayList<>();
        for (int i = 0; i < passages.size(); i += 2) {
            LabelledPassage passage = passages.get(i);
            reviewed.add(GoldReview.review("reviewed-" + i, passage.text(), annotator.annotate(passage.text()), passage.themeIris(ontology),
                    passage.evidenceByThemeIri(ontology)));
        }
        return reviewed;
    }

    /** What the model changed on the dictionary's suggestions: themes added for the whole passage, themes dropped. */
    private static String changes(SuggesterModel model, List<TrainingPassage> unseen) {
        int added = 0;
        int addedRight = 0;
        int dropped = 0;
        int droppedRight = 0;
        for (TrainingPassage passage : unseen) {
            Set<String> gold = passage.goldThemes();
            Set<String> byModel = annotator.annotate(passage.text(), model).stream().map(Suggestion::topThemeIri).collect(Collectors.toSet());
            Set<String> byDictionary = annotator.annotate(passage.text()).stream().map(Suggestion::topThemeIri).collect(Collectors.toSet());
            for (String theme : byModel) {
                if (!byDictionary.contains(theme)) {
                    added++;
                    addedRight += gold.contains(theme) ? 1 : 0;
                }
            }
            for (String theme : byDictionary) {
                if (!byModel.contains(theme)) {
                    dropped++;
                    droppedRight += gold.contains(theme) ? 0 : 1;
                }
            }
        }
        return String.format(Locale.ROOT, "themes added %d (%d right), themes dropped %d (%d rightly)", added, addedRight, dropped, droppedRight);
    }


    private static void print(String what, Evaluation evaluation) {
        System.out.printf(Locale.ROOT, "%-36s MICRO model %s | dictionary alone %s%n", what, figures(evaluation.model()),
                figures(evaluation.dictionaryOnly()));
    }

    private static String figures(Evaluation.Scores scores) {
        return String.format(Locale.ROOT, "P %.2f R %.2f F1 %.2f", scores.precision(), scores.recall(), scores.f1());
    }
}
