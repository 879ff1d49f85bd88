package org.lararena.ontology.suggest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the model and the dictionary alone did on decisions the model did not learn from: micro precision, recall and
 * F1 over the top themes of each such passage, overall and per theme.
 *
 * @param passages passages scored by a model that did not learn from them
 * @param decisions the decisions they hold
 */
public record Evaluation(int passages, int decisions, Scores model, Scores dictionaryOnly, Map<String, Scores> modelByTheme,
                         Map<String, Scores> dictionaryOnlyByTheme) {

    public static final Evaluation NONE = new Evaluation(0, 0, Scores.NONE, Scores.NONE, Map.of(), Map.of());

    /** Counts of true and false positives and false negatives, with the measures they give. */
    public record Scores(int truePositives, int falsePositives, int falseNegatives) {

        public static final Scores NONE = new Scores(0, 0, 0);

        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public Scores plus(Scores other) {
            return new Scores(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }

        /** The scores of one passage: what was predicted against what researchers gave it. */
        public static Scores of(Set<String> predicted, Set<String> gold) {
            int tp = (int) predicted.stream().filter(gold::contains).count();
            return new Scores(tp, predicted.size() - tp, gold.size() - tp);
        }

        JsonObject toJson() {
            return new JsonObject().put("precision", round(precision())).put("recall", round(recall())).put("f1", round(f1()))
                    .put("counts", new JsonArray().add(truePositives).add(falsePositives).add(falseNegatives));
        }

        static Scores fromJson(JsonObject json) {
            JsonArray counts = json == null ? null : json.getJsonArray("counts");
            return counts == null ? NONE : new Scores(counts.getInteger(0), counts.getInteger(1), counts.getInteger(2));
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }

    /** This evaluation and {@code other}, on passages of their own, as one: their counts added, overall and per theme. */
    public Evaluation plus(Evaluation other) {
        Map<String, Scores> byTheme = new TreeMap<>(modelByTheme);
        other.modelByTheme.forEach((theme, scores) -> byTheme.merge(theme, scores, Scores::plus));
        Map<String, Scores> dictionaryByTheme = new TreeMap<>(dictionaryOnlyByTheme);
        other.dictionaryOnlyByTheme.forEach((theme, scores) -> dictionaryByTheme.merge(theme, scores, Scores::plus));
        return new Evaluation(passages + other.passages, decisions + other.decisions, model.plus(other.model),
                dictionaryOnly.plus(other.dictionaryOnly), byTheme, dictionaryByTheme);
    }

    /** {@code {precision, recall, f1, dictionaryOnly: {...}, passages, decisions, themes: {iri: {...}}}}. */
    public JsonObject toJson() {
        JsonObject themes = new JsonObject();
        new TreeMap<>(modelByTheme).forEach((theme, scores) -> themes.put(theme, scores.toJson()
                .put("dictionaryOnly", dictionaryOnlyByTheme.getOrDefault(theme, Scores.NONE).toJson())));
        return model.toJson().put("dictionaryOnly", dictionaryOnly.toJson()).put("passages", passages).put("decisions", decisions)
                .put("themes", themes);
    }

    static Evaluation fromJson(JsonObject json) {
        Map<String, Scores> byTheme = new TreeMap<>();
        Map<String, Scores> dictionaryByTheme = new TreeMap<>();
        JsonObject themes = json.getJsonObject("themes", new JsonObject());
        for (String theme : themes.fieldNames()) {
            byTheme.put(theme, Scores.fromJson(themes.getJsonObject(theme)));
            dictionaryByTheme.put(theme, Scores.fromJson(themes.getJsonObject(theme).getJsonObject("dictionaryOnly")));
        }
        return new Evaluation(json.getInteger("passages", 0), json.getInteger("decisions", 0), Scores.fromJson(json),
                Scores.fromJson(json.getJsonObject("dictionaryOnly")), byTheme, dictionaryByTheme);
    }
}
