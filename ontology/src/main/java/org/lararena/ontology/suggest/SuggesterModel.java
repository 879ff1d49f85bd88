package org.lararena.ontology.suggest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.text.SwedishText;

/**
 * What the annotator learned from researchers' decisions, in one immutable, versioned piece: terms learned from
 * their tags, the share of accepts per context and per term, a classifier per top theme and the calibration of the
 * confidence. It refines the dictionary's suggestions for a passage: each gets the calibrated chance that researchers
 * accept it as its confidence and is dropped under the share training chose (half the dictionary's F1, see {@link
 * SuggesterTraining}); a top theme no term signals is suggested for the whole passage when its classifier is confident
 * enough. {@link #DICTIONARY_ONLY} (version 0), or a reset to it, keeps the dictionary's suggestions and shows them with
 * a {@link StartingConfidence}.
 */
public final class SuggesterModel {

    /**
     * A whole-passage suggestion is added, and a term suggestion stays unless training chose otherwise, when
     * researchers accept at least this share of such suggestions.
     */
    public static final double THRESHOLD = 0.5;

    /** The matched term of a suggestion a classifier made for a whole passage. */
    public static final String WHOLE_PASSAGE = "(hela stycket)";

    public static final SuggesterModel DICTIONARY_ONLY = dictionaryAlone(0);

    private final int version;
    private final Instant trainedAt;
    private final int decisions;
    private final List<LearnedTerm> learnedTerms;
    private final TermPrecision termPrecision;
    private final ContextPrecision contextPrecision;
    private final ThemeClassifiers classifiers;
    private final IsotonicCalibration termCalibration;
    private final IsotonicCalibration themeCalibration;
    private final double dropBelow;
    private final Evaluation evaluation;
    /**
     * The dictionary alone, under its version, shows the dictionary's suggestions with these confidences; null for a
     * trained model, which shows its own.
     */
    private final StartingConfidence startingConfidence;

    SuggesterModel(int version, Instant trainedAt, int decisions, List<LearnedTerm> learnedTerms, TermPrecision termPrecision,
                   ContextPrecision contextPrecision, ThemeClassifiers classifiers, IsotonicCalibration termCalibration,
                   IsotonicCalibration themeCalibration, double dropBelow, Evaluation evaluation) {
        this(version, trainedAt, decisions, learnedTerms, termPrecision, contextPrecision, classifiers, termCalibration, themeCalibration,
                dropBelow, evaluation, null);
    }

    private SuggesterModel(int version, Instant trainedAt, int decisions, List<LearnedTerm> learnedTerms, TermPrecision termPrecision,
                           ContextPrecision contextPrecision, ThemeClassifiers classifiers, IsotonicCalibration termCalibration,
                           IsotonicCalibration themeCalibration, double dropBelow, Evaluation evaluation,
                           StartingConfidence startingConfidence) {
        this.startingConfidence = startingConfidence;
        this.version = version;
        this.trainedAt = trainedAt;
        this.decisions = decisions;
        this.learnedTerms = List.copyOf(learnedTerms);
        this.termPrecision = Objects.requireNonNull(termPrecision);
        this.contextPrecision = Objects.requireNonNull(contextPrecision);
        this.classifiers = Objects.requireNonNull(classifiers);
        this.termCalibration = Objects.requireNonNull(termCalibration);
        this.themeCalibration = Objects.requireNonNull(themeCalibration);
        this.dropBelow = dropBelow;
        this.evaluation = Objects.requireNonNull(evaluation);
    }

    /** 0 for the dictionary alone; each model put in service gets the next number. */
    public int version() {
        return version;
    }

    /** When it was trained; null for the dictionary alone. */
    public Instant trainedAt() {
        return trainedAt;
    }

    /** How many decisions it learned from. */
    public int decisions() {
        return decisions;
    }

    public List<LearnedTerm> learnedTerms() {
        return learnedTerms;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** How many decisions the confidence of a term's suggestions rests on (for explaining a suggestion). */
    public int decisionsAbout(String conceptIri, String matchedTerm) {
        return matchedTerm == null || WHOLE_PASSAGE.equals(matchedTerm) ? decisions : termPrecision.decisions(conceptIri, matchedTerm);
    }

    /** The same model under another version number. */
    public SuggesterModel withVersion(int newVersion) {
        return new SuggesterModel(newVersion, trainedAt, decisions, learnedTerms, termPrecision, contextPrecision, classifiers,
                termCalibration, themeCalibration, dropBelow, evaluation, startingConfidence);
    }

    /** The shipped starting confidences are fitted here, with {@link #DICTIONARY_ONLY}: at start, not at a first search. */
    private static SuggesterModel dictionaryAlone(int version) {
        return new SuggesterModel(version, null, 0, List.of(), TermPrecision.NONE, ContextPrecision.NONE, ThemeClassifiers.NONE,
                IsotonicCalibration.IDENTITY, IsotonicCalibration.IDENTITY, THRESHOLD, Evaluation.NONE, StartingConfidence.shipped());
    }

    /** @param drop a term suggestion whose calibrated confidence is under this is dropped */
    SuggesterModel with(IsotonicCalibration terms, IsotonicCalibration themes, double drop) {
        return new SuggesterModel(version, trainedAt, decisions, learnedTerms, termPrecision, contextPrecision, classifiers, terms, themes,
                drop, evaluation);
    }

    SuggesterModel with(int newVersion, Instant at, int count, Evaluation held) {
        return new SuggesterModel(newVersion, at, count, learnedTerms, termPrecision, contextPrecision, classifiers, termCalibration,
                themeCalibration, dropBelow, held);
    }

    /** A suggestion before calibration, its confidence the raw score, and whether a classifier made it. */
    record Candidate(Suggestion suggestion, boolean wholePassage) {}

    /** The scored candidates for a passage from the dictionary's suggestions (learned terms included), uncalibrated. */
    List<Candidate> candidates(String text, List<Suggestion> dictionary) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> signalled = new HashSet<>();
        for (Suggestion s : dictionary) {
            // The context's estimate is the prior of the term's own decisions: they take over as they grow. A learned
            // term rests on researchers' own tags, which the context (learned from suggestions they judged) knows nothing of.
            double prior = isLearned(s) ? s.confidence() : contextPrecision.estimate(text, s, dictionary, s.confidence());
            double score = termPrecision.estimate(s.conceptIri(), s.matchedTerm(), s.matchedText(), prior);
            candidates.add(new Candidate(withConfidence(s, score), false));
            signalled.add(s.topThemeIri());
        }
        if (!classifiers.themes().isEmpty()) {
            String[] features = ThemeClassifiers.features(text, dictionary);
            for (String theme : classifiers.themes()) {
                if (!signalled.contains(theme)) {
                    double p = classifiers.probability(theme, features);
                    candidates.add(new Candidate(new Suggestion(theme, theme, 0, text.length(), text, WHOLE_PASSAGE, p), true));
                }
            }
        }
        return candidates;
    }

    private boolean isLearned(Suggestion s) {
        String term = SwedishText.fold(s.matchedTerm());
        return learnedTerms.stream().anyMatch(t -> t.conceptIri().equals(s.conceptIri()) && SwedishText.fold(t.label()).equals(term));
    }

    /** The dictionary's suggestions for {@code text} refined by what this model learned, in text order. */
    public List<Suggestion> refine(String text, List<Suggestion> dictionary) {
        if (startingConfidence != null) {
            // Version 0, or a reset: the dictionary's suggestions as they are, with the confidence their kind earned
            // on the project's labelled passages rather than the dictionary's own score.
            return startingConfidence.shown(text, dictionary);
        }
        List<Suggestion> refined = new ArrayList<>();
        for (Candidate candidate : candidates(text, dictionary)) {
            IsotonicCalibration calibration = candidate.wholePassage() ? themeCalibration : termCalibration;
            double confidence = calibration.apply(candidate.suggestion().confidence());
            if (confidence >= (candidate.wholePassage() ? THRESHOLD : dropBelow)) {
                refined.add(withConfidence(candidate.suggestion(), confidence));
            }
        }
        refined.sort(Comparator.comparingInt(Suggestion::start).thenComparingInt(Suggestion::end).thenComparing(Suggestion::conceptIri));
        return refined;
    }

    /** {@code s} with {@code confidence}, to three decimals as every confidence is shown and kept. */
    static Suggestion withConfidence(Suggestion s, double confidence) {
        return new Suggestion(s.conceptIri(), s.topThemeIri(), s.start(), s.end(), s.matchedText(), s.matchedTerm(),
                Math.round(confidence * 1000) / 1000.0);
    }

    /** {@code {version, decisions, trainedAt, evaluation}}, as the API shows a model. */
    public JsonObject status() {
        return new JsonObject().put("version", version).put("decisions", decisions)
                .put("trainedAt", trainedAt == null ? null : trainedAt.toString()).put("evaluation", evaluation.toJson())
                .put("learnedTerms", learnedTerms.size()).put("themeClassifiers", classifiers.themes().size());
    }

    /** The whole model, for its file. */
    public JsonObject toJson() {
        JsonArray learned = new JsonArray();
        learnedTerms.forEach(t -> learned.add(t.toJson()));
        return status().put("learned", learned).put("termPrecision", termPrecision.toJson())
                .put("contextPrecision", contextPrecision.toJson()).put("classifiers", classifiers.toJson())
                .put("termCalibration", termCalibration.toJson()).put("themeCalibration", themeCalibration.toJson())
                .put("dropBelow", dropBelow);
    }

    public static SuggesterModel fromJson(JsonObject json) {
        List<LearnedTerm> learned = new ArrayList<>();
        json.getJsonArray("learned", new JsonArray()).forEach(t -> learned.add(LearnedTerm.fromJson((JsonObject) t)));
        String trainedAt = json.getString("trainedAt");
        if (trainedAt == null && learned.isEmpty()) {
            // Never trained and nothing learned: a reset to the dictionary alone (training always says when it trained).
            return dictionaryAlone(json.getInteger("version"));
        }
        return new SuggesterModel(json.getInteger("version"), trainedAt == null ? null : Instant.parse(trainedAt),
                json.getInteger("decisions", 0), learned, TermPrecision.fromJson(json.getJsonObject("termPrecision", new JsonObject())),
                ContextPrecision.fromJson(json.getJsonObject("contextPrecision", new JsonObject())),
                ThemeClassifiers.fromJson(json.getJsonObject("classifiers", new JsonObject())),
                IsotonicCalibration.fromJson(json.getJsonObject("termCalibration", new JsonObject())),
                IsotonicCalibration.fromJson(json.getJsonObject("themeCalibration", new JsonObject())),
                json.getDouble("dropBelow", THRESHOLD),
                Evaluation.fromJson(json.getJsonObject("evaluation", new JsonObject())));
    }
}
