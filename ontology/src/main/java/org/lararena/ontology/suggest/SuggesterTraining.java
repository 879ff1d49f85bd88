package org.lararena.ontology.suggest;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.text.SwedishText;

/**
 * Trains a suggester model from researchers' decisions and evaluates it before use on decisions it did not learn
 * from, as INCEpTION's recommenders do, by cross-validation grouped by passage: the decided passages fall into
 * {@value #FOLDS} folds by passage id (so a passage stays in its fold as decisions grow); each fold is scored, beside
 * the dictionary alone, by a model learned and calibrated from the other folds, and the scores of all folds add up to
 * the evaluation. Every decided passage thus tests a model, where a single held-out part would leave three quarters of
 * them out of the test: a team that reviewed 30 passages has 30 to judge a model by, not 8, on which one passage moves
 * F1 by a tenth. The model put in service is then learned from every decision, calibrated on every fold's out-of-fold
 * scores; it is in service only when enough passages tested it and it beats the dictionary as the {@link
 * ServiceCheck} asks. Bounded: at most {@value #MAX_PASSAGES} passages (the first given), {@value #FOLDS} models
 * learned for the test and one for service, and the classifiers' iterations are bounded. Blocking (CPU).
 */
public final class SuggesterTraining {

    /**
     * Folds of the cross-validation, the usual ten (Kohavi, "A study of cross-validation and bootstrap for accuracy
     * estimation and model selection", 1995): each model tested learns from nine tenths of the decided passages, close
     * to the model put in service, which learns from all; with four folds, models learned from three quarters of a
     * small review missed what the whole review taught (terms tagged in two passages) and were judged too harshly.
     */
    static final int FOLDS = 10;
    static final int MAX_PASSAGES = 20_000;
    /** A term suggestion researchers accept less often than this is dropped, whatever the held-out F1. */
    static final double MIN_DROP_BELOW = 0.25;
    /** The fold {@link #allBut} and {@link #sumBut} leave out when the model in service learns from every fold: none. */
    private static final int NO_FOLD = -1;

    private final PassageAnnotator annotator;
    private final Ontology ontology;
    private final Clock clock;
    private final ServiceCheck check;

    /**
     * Whether a training stops every thread of this JVM again and again: Apache OpenNLP's quasi-Newton trainer calls
     * {@link System#gc()} at the end of every fit, some 200 times a training, and unless the JVM runs with
     * {@code -XX:+DisableExplicitGC} (as {@code ./lararena} starts it) each call is a full collection that stops the
     * event loops and researchers' requests with it (docs/benchmarks.md, "Training the suggester").
     */
    public static boolean stopsTheApplication() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            return hotspot != null && !Boolean.parseBoolean(hotspot.getVMOption("DisableExplicitGC").getValue());
        } catch (IllegalArgumentException e) {
            // A JVM without HotSpot's option cannot be asked; it is not warned about.
            return false;
        }
    }

    /**
     * @param annotator the annotator whose suggestions the model refines
     * @param ontology its top themes are those a classifier may be trained for, as they stand at each training
     * @param check when a trained model goes into service
     */
    public SuggesterTraining(PassageAnnotator annotator, Ontology ontology, Clock clock, ServiceCheck check) {
        this.annotator = Objects.requireNonNull(annotator);
        this.ontology = Objects.requireNonNull(ontology);
        this.clock = Objects.requireNonNull(clock);
        this.check = Objects.requireNonNull(check);
    }

    private List<String> topThemes() {
        return ontology.topThemes().stream().map(Concept::iri).toList();
    }

    /**
     * What training gave.
     *
     * @param model the trained model (numbered {@code version})
     * @param verdict the {@link ServiceCheck}'s on the held-out decisions: whether the model is put in service, and why
     */
    public record Outcome(SuggesterModel model, ServiceCheck.Verdict verdict) {

        public boolean inService() {
            return verdict.inService();
        }

        /** Why the model is in service or not, in words a researcher understands. */
        public String reason() {
            return verdict.reason();
        }
    }

    public Outcome train(List<TrainingPassage> decided, int version) {
        List<TrainingPassage> passages = decided.stream().filter(p -> p.decisions() > 0).limit(MAX_PASSAGES).toList();
        List<List<TrainingPassage>> folds = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            folds.add(new ArrayList<>());
        }
        passages.forEach(p -> folds.get(fold(p.passageId())).add(p));

        // Each fold is scored by a model learned from the other folds: every decided passage tests a model that never saw it.
        // A fold with nothing to test, or nothing else to learn from, has no model.
        Map<Integer, SuggesterModel> foldModels = new TreeMap<>();
        List<List<IsotonicCalibration.Point>> termPoints = new ArrayList<>();
        List<List<IsotonicCalibration.Point>> themePoints = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            List<TrainingPassage> test = folds.get(f);
            List<TrainingPassage> rest = allBut(folds, f);
            List<IsotonicCalibration.Point> terms = new ArrayList<>();
            List<IsotonicCalibration.Point> themes = new ArrayList<>();
            if (!test.isEmpty() && !rest.isEmpty()) {
                SuggesterModel model = learn(rest);
                foldModels.put(f, model);
                for (TrainingPassage passage : test) {
                    Set<String> gold = passage.goldThemes();
                    for (SuggesterModel.Candidate candidate : model.candidates(passage.text(), annotator.termSuggestions(passage.text(), model))) {
                        (candidate.wholePassage() ? themes : terms).add(new IsotonicCalibration.Point(candidate.suggestion().confidence(),
                                gold.contains(candidate.suggestion().topThemeIri())));
                    }
                }
            }
            termPoints.add(terms);
            themePoints.add(themes);
        }

        // A fold's model is calibrated, and its cut chosen, from the other folds only, so its scores stay out of sample.
        // The dictionary's scores do not depend on the fold: counted once per fold, and added up for the others.
        List<Evaluation.Scores> dictionaryByFold = folds.stream().map(this::dictionaryScores).toList();
        Evaluation evaluation = Evaluation.NONE;
        for (Map.Entry<Integer, SuggesterModel> foldModel : foldModels.entrySet()) {
            int f = foldModel.getKey();
            SuggesterModel calibrated = foldModel.getValue().with(IsotonicCalibration.fit(allBut(termPoints, f)),
                    IsotonicCalibration.fit(allBut(themePoints, f)), dropBelow(sumBut(dictionaryByFold, f)));
            evaluation = evaluation.plus(evaluate(calibrated, folds.get(f)));
        }

        int decisions = passages.stream().mapToInt(TrainingPassage::decisions).sum();
        SuggesterModel model = learn(passages).with(IsotonicCalibration.fit(allBut(termPoints, NO_FOLD)), IsotonicCalibration.fit(allBut(themePoints, NO_FOLD)),
                passages.isEmpty() ? SuggesterModel.THRESHOLD : dropBelow(sumBut(dictionaryByFold, NO_FOLD)))
                .with(version, clock.instant(), decisions, evaluation);
        return new Outcome(model, check.judge(evaluation));
    }

    /** What every fold but {@code fold} holds (every fold for {@link #NO_FOLD}). */
    private static <T> List<T> allBut(List<List<T>> byFold, int fold) {
        List<T> points = new ArrayList<>();
        for (int f = 0; f < byFold.size(); f++) {
            if (f != fold) {
                points.addAll(byFold.get(f));
            }
        }
        return points;
    }

    /**
     * Below which calibrated confidence a term suggestion is dropped: half the dictionary's F1 ({@code dictionary}, its
     * scores on the decided passages the model learns from). With calibrated confidences that is the cut that maximises
     * the expected F1 (Lipton, Elkan and Naryanaswamy, "Thresholding classifiers to maximize F1 score", 2014: the
     * optimal threshold is half the best F1): dropping a suggestion accepted with chance p raises F1 only when p is under half of it. Never above {@value
     * SuggesterModel#THRESHOLD} (the cut without decided passages); never under {@value #MIN_DROP_BELOW}, so
     * decisions where the dictionary got nothing right (F1 0) do not keep every suggestion.
     */
    private static double dropBelow(Evaluation.Scores dictionary) {
        return Math.max(MIN_DROP_BELOW, Math.min(SuggesterModel.THRESHOLD, dictionary.f1() / 2));
    }

    /** The dictionary's scores on {@code passages}, added up over them. */
    private Evaluation.Scores dictionaryScores(List<TrainingPassage> passages) {
        return passages.stream()
                .map(p -> Evaluation.Scores.of(themes(annotator.annotate(p.text(), SuggesterModel.DICTIONARY_ONLY)), p.goldThemes()))
                .reduce(Evaluation.Scores.NONE, Evaluation.Scores::plus);
    }

    /** The scores of every fold but {@code fold} added up (every fold for {@link #NO_FOLD}). */
    private static Evaluation.Scores sumBut(List<Evaluation.Scores> byFold, int fold) {
        Evaluation.Scores sum = Evaluation.Scores.NONE;
        for (int f = 0; f < byFold.size(); f++) {
            if (f != fold) {
                sum = sum.plus(byFold.get(f));
            }
        }
        return sum;
    }

    /** Scores {@code model} and the dictionary alone on {@code passages} against the themes researchers gave them. */
    public Evaluation evaluate(SuggesterModel model, Collection<TrainingPassage> passages) {
        Evaluation.Scores modelScores = Evaluation.Scores.NONE;
        Evaluation.Scores dictionaryScores = Evaluation.Scores.NONE;
        Map<String, Evaluation.Scores> modelByTheme = new HashMap<>();
        Map<String, Evaluation.Scores> dictionaryByTheme = new HashMap<>();
        for (TrainingPassage passage : passages) {
            Set<String> gold = passage.goldThemes();
            Set<String> byModel = themes(annotator.annotate(passage.text(), model));
            Set<String> byDictionary = themes(annotator.annotate(passage.text(), SuggesterModel.DICTIONARY_ONLY));
            modelScores = modelScores.plus(Evaluation.Scores.of(byModel, gold));
            dictionaryScores = dictionaryScores.plus(Evaluation.Scores.of(byDictionary, gold));
            for (String theme : topThemes()) {
                modelByTheme.merge(theme, Evaluation.Scores.of(only(byModel, theme), only(gold, theme)), Evaluation.Scores::plus);
                dictionaryByTheme.merge(theme, Evaluation.Scores.of(only(byDictionary, theme), only(gold, theme)), Evaluation.Scores::plus);
            }
        }
        modelByTheme.values().removeIf(s -> s.equals(Evaluation.Scores.NONE));
        dictionaryByTheme.keySet().retainAll(modelByTheme.keySet());
        return new Evaluation(passages.size(), passages.stream().mapToInt(TrainingPassage::decisions).sum(), modelScores, dictionaryScores,
                modelByTheme, dictionaryByTheme);
    }

    private SuggesterModel learn(List<TrainingPassage> passages) {
        List<LearnedTerm> learned = LearnedTerm.learn(passages, text -> annotator.annotate(text, SuggesterModel.DICTIONARY_ONLY));
        TermPrecision precision = TermPrecision.learn(passages);
        SuggesterModel terms = new SuggesterModel(-1, null, 0, learned, precision, ContextPrecision.NONE, ThemeClassifiers.NONE,
                IsotonicCalibration.IDENTITY, IsotonicCalibration.IDENTITY, SuggesterModel.THRESHOLD, Evaluation.NONE);
        List<ThemeClassifiers.Example> examples = new ArrayList<>();
        List<ContextPrecision.Decided> decided = new ArrayList<>();
        for (TrainingPassage passage : passages) {
            List<Suggestion> suggestions = annotator.termSuggestions(passage.text(), terms);
            examples.add(new ThemeClassifiers.Example(ThemeClassifiers.features(passage.text(), suggestions), passage.goldThemes()));
            decided.addAll(decidedSuggestions(passage, suggestions));
        }
        return new SuggesterModel(-1, null, 0, learned, precision, ContextPrecision.learn(decided),
                ThemeClassifiers.train(examples, topThemes()), IsotonicCalibration.IDENTITY, IsotonicCalibration.IDENTITY,
                SuggesterModel.THRESHOLD, Evaluation.NONE);
    }

    /**
     * The dictionary's suggestions for a passage that researchers decided about, each with its decision, found again
     * by concept, term and words (a suggestion the dictionary no longer makes teaches its context nothing).
     */
    private static List<ContextPrecision.Decided> decidedSuggestions(TrainingPassage passage, List<Suggestion> suggestions) {
        List<ContextPrecision.Decided> decided = new ArrayList<>();
        for (Suggestion s : suggestions) {
            passage.judgements().stream()
                    .filter(j -> !j.manual() && j.decisions() > 0 && j.conceptIri().equals(s.conceptIri())
                            && SwedishText.fold(j.matchedTerm()).equals(SwedishText.fold(s.matchedTerm()))
                            && SwedishText.fold(j.exact()).equals(SwedishText.fold(s.matchedText())))
                    .findFirst()
                    .ifPresent(j -> decided.add(new ContextPrecision.Decided(passage.text(), s, suggestions, j.positive())));
        }
        return decided;
    }

    /** The fold a passage belongs to, by its id, so that a passage stays in its fold as decisions grow. */
    static int fold(String passageId) {
        return Math.floorMod(passageId.hashCode() * 31 + 7, FOLDS);
    }

    private static Set<String> themes(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::topThemeIri).collect(Collectors.toSet());
    }

    private static Set<String> only(Set<String> themes, String theme) {
        return themes.contains(theme) ? Set.of(theme) : Set.of();
    }
}
