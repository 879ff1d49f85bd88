package org.lararena.ontology.suggest;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.text.Token;

/**
 * One maximum-entropy classifier ({@link BinaryMaxent}) per top theme over a whole passage: does a researcher give
 * the passage this theme? Its features are the passage's word stems and what the ontology says about it (the top
 * themes and concepts the dictionary found). A theme gets a classifier only with at least {@value #MIN_EXAMPLES}
 * passages for and against it. Immutable.
 */
final class ThemeClassifiers {

    static final int MIN_EXAMPLES = 3;

    static final ThemeClassifiers NONE = new ThemeClassifiers(Map.of());

    private final Map<String, BinaryMaxent> byTheme;

    private ThemeClassifiers(Map<String, BinaryMaxent> byTheme) {
        this.byTheme = Map.copyOf(byTheme);
    }

    /** The features of a passage: its word stems, and the themes and concepts of the dictionary's suggestions. */
    static String[] features(String text, List<Suggestion> dictionary) {
        Set<String> features = new LinkedHashSet<>();
        for (Token token : SwedishText.tokenize(text)) {
            if (token.folded().length() >= 3) {
                features.add("w=" + stem(token.folded()));
            }
        }
        for (Suggestion suggestion : dictionary) {
            features.add("t=" + suggestion.topThemeIri());
            features.add("c=" + suggestion.conceptIri());
        }
        return features.toArray(String[]::new);
    }

    /** The project's light Swedish stemming: the shortest of a word's candidate stems. */
    static String stem(String folded) {
        String shortest = folded;
        for (String candidate : SwedishText.candidateStems(folded)) {
            if (candidate.length() < shortest.length()) {
                shortest = candidate;
            }
        }
        return shortest;
    }

    /** An example: a passage's features and the top themes researchers gave it. */
    record Example(String[] features, Set<String> themes) {}

    static ThemeClassifiers train(Collection<Example> examples, Collection<String> themes) {
        Map<String, BinaryMaxent> byTheme = new LinkedHashMap<>();
        for (String theme : themes) {
            long positives = examples.stream().filter(e -> e.themes().contains(theme)).count();
            if (positives < MIN_EXAMPLES || examples.size() - positives < MIN_EXAMPLES) {
                continue;
            }
            List<BinaryMaxent.Example> events = new ArrayList<>(examples.size());
            examples.forEach(e -> events.add(new BinaryMaxent.Example(e.features(), e.themes().contains(theme))));
            byTheme.put(theme, BinaryMaxent.train(events));
        }
        return new ThemeClassifiers(byTheme);
    }

    /** The themes that have a classifier. */
    Set<String> themes() {
        return byTheme.keySet();
    }

    /** The probability that researchers give the passage {@code theme}. */
    double probability(String theme, String[] features) {
        return byTheme.get(theme).probability(features);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        byTheme.forEach((theme, model) -> json.put(theme, model.toBase64()));
        return json;
    }

    static ThemeClassifiers fromJson(JsonObject json) {
        Map<String, BinaryMaxent> byTheme = new LinkedHashMap<>();
        for (String theme : json.fieldNames()) {
            byTheme.put(theme, BinaryMaxent.fromBase64(json.getString(theme)));
        }
        return new ThemeClassifiers(byTheme);
    }
}
