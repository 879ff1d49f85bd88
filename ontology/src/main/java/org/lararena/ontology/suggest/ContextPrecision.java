package org.lararena.ontology.suggest;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.text.Token;

/**
 * How likely researchers accept one of the dictionary's suggestions, judged by its context instead of its term, so
 * that what decisions about some terms teach carries over to terms nobody decided about yet. The dictionary's wrong
 * suggestions are mostly passing mentions: a theme's one word in a passage about another theme ("fördomar om
 * personer med psykisk sjukdom" is about attitudes, "indikatorerna för kontinuitet" about follow-up), each from
 * a different word. What they share is where the word stands: alone for its theme, beside a theme with more
 * evidence, after a preposition that makes it the complement of another noun, inside a compound. One {@link
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
     * Where a suggestion stands: its top theme, the strength of its label, whether its theme has other evidence and
     * whether another theme has more, how many themes the passage signals, the words just before and after it (in its
     * sentence), whether it is part of a compound, and the passage's form (the word opening a "Intervju, …:" line).
     */
    static String[] features(String text, Suggestion suggestion, List<Suggestion> passageSuggestions) {
        List<String> features = new ArrayList<>();
        features.add("theme=" + suggestion.topThemeIri());
        features.add("label=" + (suggestion.confidence() >= 0.995 ? "certain" : suggestion.confidence() >= 0.85 ? "strong" : "weak"));
        Map<String, Integer> evidence = new HashMap<>();
        passageSuggestions.forEach(s -> evidence.merge(s.topThemeIri(), 1, Integer::sum));
        int own = evidence.getOrDefault(suggestion.topThemeIri(), 1);
        features.add(own > 1 ? "evidence=several" : "evidence=alone");
        boolean outnumbered = evidence.values().stream().anyMatch(n -> n > own);
        features.add(outnumbered ? "outnumbered" : "leading");
        features.add("themes=" + Math.min(evidence.size(), 3));
        if (outnumbered && own == 1) {
            features.add("alone+outnumbered");
        }

        List<Token> tokens = SwedishText.tokenize(text);
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.end() > suggestion.start() && t.start() < suggestion.end()) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first >= 0) {
            Token firstToken = tokens.get(first);
            features.add(first == 0 || firstToken.breakBefore() ? "before=(start)" : "before=" + tokens.get(first - 1).folded());
            features.add(last + 1 >= tokens.size() || tokens.get(last + 1).breakBefore() ? "after=(end)"
                    : "after=" + tokens.get(last + 1).folded());
            boolean compound = first == last && SwedishText.fold(suggestion.matchedText()).length()
                    > SwedishText.fold(suggestion.matchedTerm()).length() + 3;
            features.add(compound ? "compound" : "word");
        }
        features.add("form=" + form(text, tokens));
        return features.toArray(String[]::new);
    }

    /** The word that opens a passage like "Intervju, anhörig: …" or "Bild 4: …"; "prose" for a passage without one. */
    private static String form(String text, List<Token> tokens) {
        int colon = text.indexOf(':');
        if (colon < 0 || colon > 40 || tokens.isEmpty() || tokens.get(0).start() > colon) {
            return "prose";
        }
        return ThemeClassifiers.stem(tokens.get(0).folded());
    }

    JsonObject toJson() {
        return model == null ? new JsonObject() : new JsonObject().put("model", model.toBase64());
    }

    static ContextPrecision fromJson(JsonObject json) {
        String model = json.getString("model");
        return model == null ? NONE : new ContextPrecision(BinaryMaxent.fromBase64(model));
    }
}
