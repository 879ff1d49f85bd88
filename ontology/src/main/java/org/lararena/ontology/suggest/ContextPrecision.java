package org.lararena.ontology.suggest;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.text.SwedishText;

/**
 * How likely researchers accept one of the dictionary's suggestions, judged by its context instead of its term, so
 * that what decisions about some terms teach carries over to terms nobody decided about yet. The dictionary's wrong
 * suggestions are mostly passing mentions: a theme's one word in a passage about another theme ("fördomar om
 * personer med psykisk sjukdom" is about attitudes, "indikatorerna för kontinuitet" about follow-up), each from
 * a different word; others name the role of the one who speaks ("Enhetschef: …" is no evidence of
 * leadership). What they share is where the word stands: alone for its theme beside a theme with more evidence, in
 * the speaker label, inside a compound. One {@link
 * BinaryMaxent} over all suggestions learns that from the accepts and rejects of automatic suggestions; it needs at
 * least {@value #MIN_EXAMPLES} of each, else there is none and the annotator's confidence stands. Immutable.
 */
final class ContextPrecision {

    static final int MIN_EXAMPLES = 3;
    static final ContextPrecision NONE = new ContextPrecision(null);

    /** Null for none. */
    private final BinaryMaxent model;

    private ContextPrecision(BinaryMaxent model) {
        this.model = model;
    }

    /** A dictionary suggestion researchers decided about, among all the dictionary's suggestions for its passage. */
    record Decided(String text, Suggestion suggestion, List<Suggestion> passageSuggestions, boolean accepted) {}

    static ContextPrecision learn(List<Decided> decided) {
        long accepted = decided.stream().filter(Decided::accepted).count();
        if (accepted < MIN_EXAMPLES || decided.size() - accepted < MIN_EXAMPLES) {
            return NONE;
        }
        List<BinaryMaxent.Example> examples = new ArrayList<>(decided.size());
        for (Decided d : decided) {
            examples.add(new BinaryMaxent.Example(features(d.text(), d.suggestion(), d.passageSuggestions()), d.accepted()));
        }
        return new ContextPrecision(BinaryMaxent.train(examples));
    }

    boolean isNone() {
        return model == null;
    }

    /**
     * The chance that researchers accept {@code suggestion}, one of the dictionary's {@code passageSuggestions} for
     * {@code text}; {@code otherwise} when nothing was learned.
     */
    double estimate(String text, Suggestion suggestion, List<Suggestion> passageSuggestions, double otherwise) {
        return model == null ? otherwise : model.probability(features(text, suggestion, passageSuggestions));
    }

    /**
     * Where a suggestion stands, in classes that hold across terms and passages (a feature per word or per theme
     * fitted a handful of rejects and then doubted sound suggestions on unseen material): the strength of its label,
     * whether its theme has other evidence in the passage, whether it is a passing mention (alone for its theme while
     * another theme has more), whether it is part of a compound, and whether it stands in the label that opens the
     * passage ({@link SwedishText#openingLabelEnd}: "Enhetschef: …"), which says who speaks, not what the turn is about.
     * (The dictionary itself already ignores a label that names the form and then who speaks, "Intervju, enhetschef: …".)
     */
    static String[] features(String text, Suggestion suggestion, List<Suggestion> passageSuggestions) {
        List<String> features = new ArrayList<>();
        features.add("label=" + (suggestion.confidence() >= 0.995 ? "certain" : suggestion.confidence() >= 0.85 ? "strong" : "weak"));
        Map<String, Integer> evidence = new HashMap<>();
        passageSuggestions.forEach(s -> evidence.merge(s.topThemeIri(), 1, Integer::sum));
        int own = evidence.getOrDefault(suggestion.topThemeIri(), 1);
        features.add(own > 1 ? "evidence=several" : "evidence=alone");
        if (own == 1 && evidence.values().stream().anyMatch(n -> n > own)) {
            features.add("passing");
        }
        String term = SwedishText.fold(suggestion.matchedTerm());
        boolean oneWord = !suggestion.matchedText().strip().contains(" ");
        features.add(oneWord && SwedishText.fold(suggestion.matchedText()).length() > term.length() + 3 ? "compound" : "word");
        if (suggestion.end() <= SwedishText.openingLabelEnd(text)) {
            features.add("speaker");
        }
        return features.toArray(String[]::new);
    }

    JsonObject toJson() {
        return model == null ? new JsonObject() : new JsonObject().put("model", model.toBase64());
    }

    static ContextPrecision fromJson(JsonObject json) {
        String model = json.getString("model");
        return model == null ? NONE : new ContextPrecision(BinaryMaxent.fromBase64(model));
    }
}
