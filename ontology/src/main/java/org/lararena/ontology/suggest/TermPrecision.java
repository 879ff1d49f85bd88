package org.lararena.ontology.suggest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.lararena.ontology.text.SwedishText;

/**
 * How often researchers accept the suggestions of a term for a concept, as a Beta posterior whose prior is the
 * annotator's own confidence worth {@value #PRIOR_DECISIONS} decisions: one decision moves it a little, ten thousand
 * rejections bring it near zero, and ten thousand contradictory decisions settle it near one half. Two levels: the
 * term (label and concept), and within it the word as it stood in the text ("avdelningschefen" for the label
 * "chef"), whose prior is the estimate from the term's other word forms, so that a term rejected in one word form
 * but accepted in another keeps the form researchers accept. Immutable.
 */
final class TermPrecision {

    /** How many decisions the annotator's own confidence is worth. */
    static final double PRIOR_DECISIONS = 3;

    record Counts(int accepts, int rejects) {
        static final Counts NONE = new Counts(0, 0);

        Counts plus(int moreAccepts, int moreRejects) {
            return new Counts(accepts + moreAccepts, rejects + moreRejects);
        }

        int total() {
            return accepts + rejects;
        }

        double posterior(double prior) {
            return (accepts + PRIOR_DECISIONS * prior) / (total() + PRIOR_DECISIONS);
        }
    }

    static final TermPrecision NONE = new TermPrecision(Map.of(), Map.of());

    private final Map<String, Counts> byTerm;
    private final Map<String, Counts> byWord;

    private TermPrecision(Map<String, Counts> byTerm, Map<String, Counts> byWord) {
        this.byTerm = Map.copyOf(byTerm);
        this.byWord = Map.copyOf(byWord);
    }

    /** Counts the decisions about the automatic annotations of {@code passages}. */
    static TermPrecision learn(Collection<TrainingPassage> passages) {
        Map<String, Counts> byTerm = new HashMap<>();
        Map<String, Counts> byWord = new HashMap<>();
        for (TrainingPassage passage : passages) {
            for (TrainingPassage.Judgement judgement : passage.judgements()) {
                if (judgement.manual()) {
                    continue;
                }
                String term = termKey(judgement.conceptIri(), judgement.matchedTerm());
                byTerm.merge(term, new Counts(judgement.accepts(), judgement.rejects()), (a, b) -> a.plus(b.accepts, b.rejects));
                byWord.merge(wordKey(term, judgement.exact()), new Counts(judgement.accepts(), judgement.rejects()),
                        (a, b) -> a.plus(b.accepts, b.rejects));
            }
        }
        return new TermPrecision(byTerm, byWord);
    }

    /** The estimated share of accepts for a suggestion the annotator made with confidence {@code prior}. */
    double estimate(String conceptIri, String matchedTerm, String matchedText, double prior) {
        String term = termKey(conceptIri, matchedTerm);
        Counts ofWord = byWord.getOrDefault(wordKey(term, matchedText), Counts.NONE);
        // The term's other word forms give the prior, so no decision counts twice.
        Counts ofTerm = byTerm.getOrDefault(term, Counts.NONE);
        Counts otherForms = new Counts(ofTerm.accepts() - ofWord.accepts(), ofTerm.rejects() - ofWord.rejects());
        return ofWord.posterior(otherForms.posterior(prior));
    }

    /** How many decisions the estimate for this term rests on. */
    int decisions(String conceptIri, String matchedTerm) {
        return byTerm.getOrDefault(termKey(conceptIri, matchedTerm), Counts.NONE).total();
    }

    int terms() {
        return byTerm.size();
    }

    private static String termKey(String conceptIri, String matchedTerm) {
        return conceptIri + '\t' + SwedishText.fold(matchedTerm.strip());
    }

    private static String wordKey(String termKey, String matchedText) {
        return termKey + '\t' + SwedishText.fold(matchedText.strip());
    }

    JsonObject toJson() {
        return new JsonObject().put("terms", countsJson(byTerm)).put("words", countsJson(byWord));
    }

    static TermPrecision fromJson(JsonObject json) {
        return new TermPrecision(countsOf(json.getJsonArray("terms", new JsonArray())), countsOf(json.getJsonArray("words", new JsonArray())));
    }

    private static JsonArray countsJson(Map<String, Counts> counts) {
        JsonArray array = new JsonArray();
        counts.forEach((key, c) -> array.add(new JsonArray().add(key).add(c.accepts()).add(c.rejects())));
        return array;
    }

    private static Map<String, Counts> countsOf(JsonArray array) {
        Map<String, Counts> counts = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonArray entry = array.getJsonArray(i);
            counts.put(entry.getString(0), new Counts(entry.getInteger(1), entry.getInteger(2)));
        }
        return counts;
    }
}
