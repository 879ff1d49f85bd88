package org.lararena.ontology.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lararena.ontology.Suggestion;

/**
 * Reviews a passage as its gold labels say, the way a careful researcher would: accepts each suggestion of a gold
 * theme, rejects the others, and tags each gold theme nothing suggested: on the words that carry it where the gold
 * labels name them, else on the whole passage.
 */
public final class GoldReview {

    private GoldReview() {}

    /** @param gold the top theme IRIs the passage is about */
    public static TrainingPassage review(String passageId, String text, List<Suggestion> suggestions, Set<String> gold) {
        return review(passageId, text, suggestions, gold, Map.of());
    }

    /** @param evidence by top theme IRI, the words of the passage that carry it */
    public static TrainingPassage review(String passageId, String text, List<Suggestion> suggestions, Set<String> gold,
                                         Map<String, String> evidence) {
        List<TrainingPassage.Judgement> judgements = new ArrayList<>();
        for (Suggestion s : suggestions) {
            boolean right = gold.contains(s.topThemeIri());
            judgements.add(new TrainingPassage.Judgement(s.conceptIri(), s.topThemeIri(), s.matchedTerm(), s.matchedText(),
                    right ? 1 : 0, right ? 0 : 1));
        }
        for (String theme : gold) {
            if (suggestions.stream().noneMatch(s -> s.topThemeIri().equals(theme))) {
                judgements.add(new TrainingPassage.Judgement(theme, theme, null, evidence.getOrDefault(theme, text), 1, 0));
            }
        }
        return new TrainingPassage(passageId, text, judgements);
    }
}
