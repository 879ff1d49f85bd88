package org.lararena.ontology.suggest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;

/**
 * Trains a suggester model from researchers' decisions and evaluates it before use, as INCEpTION's recommenders do:
 * about {@value #HELD_OUT_PERCENT} % of the decided passages (chosen by passage id, so the split stays put as
 * decisions grow) are held out; a model learned from the rest is calibrated and scored on them beside the dictionary
 * alone. The model put in service is then learned from every decision, with that calibration and evaluation; it is
 * in service only when the held-out part exists and its F1 there is not below the dictionary's. Bounded: at most
 * {@value #MAX_PASSAGES} passages (the first given), and the classifiers' iterations are bounded. Blocking (CPU).
 */
public final class SuggesterTraining {

    static final int HELD_OUT_PERCENT = 25;
    static final int MAX_PASSAGES = 20_000;

    private final PassageAnnotator annotator;
    private final Ontology ontology;
    private final Clock clock;

    /**
     * @param annotator the annotator whose suggestions the model refines
     * @param ontology its top themes are those a classifier may be trained for, as they stand at each training
     */
    public SuggesterTraining(PassageAnnotator annotator, Ontology ontology, Clock clock) {
        this.annotator = Objects.requireNonNull(annotator);
        this.ontology = Objects.requireNonNull(ontology);
        this.clock = Objects.requireNonNull(clock);
    }

    private List<String> topThemes() {
        return ontology.topThemes().stream().map(Concept::iri).toList();
    }

    /**
     * What training gave.
     *
     * @param model the trained model (numbered {@code version})
     * @param inService whether it did at least as well as the dictionary alone on the held-out decisions
     */
    public record Outcome(SuggesterModel model, boolean inService) {}

    public Outcome train(List<TrainingPassage> decided, int version) {
        List<TrainingPassage> passages = decided.stream().filter(p -> p.decisions() > 0).limit(MAX_PASSAGES).toList();
        List<TrainingPassage> fit = new ArrayList<>();
        List<TrainingPassage> heldOut = new ArrayList<>();
        passages.forEach(p -> (isHeldOut(p.passageId()) ? heldOut : fit).add(p));

        SuggesterModel provisional = learn(fit);
        List<IsotonicCalibration.Point> termPoints = new ArrayList<>();
        List<IsotonicCalibration.Point> themePoints = new ArrayList<>();
        for (TrainingPassage passage : heldOut) {
            Set<String> gold = passage.goldThemes();
            for (SuggesterModel.Candidate candidate : provisional.candidates(passage.text(), annotator.termSuggestions(passage.text(), provisional))) {
                (candidate.wholePassage() ? themePoints : termPoints).add(new IsotonicCalibration.Point(candidate.suggestion().confidence(),
                        gold.contains(candidate.suggestion().topThemeIri())));
            }
        }
        IsotonicCalibration terms = IsotonicCalibration.fit(termPoints);
        IsotonicCalibration themes = IsotonicCalibration.fit(themePoints);
        Evaluation evaluation = evaluate(provisional.with(terms, themes), heldOut);

        int decisions = passages.stream().mapToInt(TrainingPassage::decisions).sum();
        SuggesterModel model = learn(passages).with(terms, themes).with(version, clock.instant(), decisions, evaluation);
        return new Outcome(model, evaluation.passages() > 0 && evaluation.modelNotWorse());
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
        SuggesterModel terms = new SuggesterModel(-1, null, 0, learned, precision, ThemeClassifiers.NONE,
                IsotonicCalibration.IDENTITY, IsotonicCalibration.IDENTITY, Evaluation.NONE);
        List<ThemeClassifiers.Example> examples = new ArrayList<>();
        for (TrainingPassage passage : passages) {
            examples.add(new ThemeClassifiers.Example(ThemeClassifiers.features(passage.text(), annotator.termSuggestions(passage.text(), terms)),
                    passage.goldThemes()));
        }
        return new SuggesterModel(-1, null, 0, learned, precision, ThemeClassifiers.train(examples, topThemes()),
                IsotonicCalibration.IDENTITY, IsotonicCalibration.IDENTITY, Evaluation.NONE);
    }

    static boolean isHeldOut(String passageId) {
        return Math.floorMod(passageId.hashCode() * 31 + 7, 100) < HELD_OUT_PERCENT;
    }

    private static Set<String> themes(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::topThemeIri).collect(Collectors.toSet());
    }

    private static Set<String> only(Set<String> themes, String theme) {
        return themes.contains(theme) ? Set.of(theme) : Set.of();
    }
}
