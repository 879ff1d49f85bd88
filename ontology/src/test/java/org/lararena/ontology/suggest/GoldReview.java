package org.lararena.ontology.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lararena.ontology.Suggestion;

/**
 * Reviews a passage as its gold labels say, the way a careful researcher would: accepts each suggestion of a gold
 * theme, rejects the others, and tags the whole passage with each gold theme nothing suggested.
 */
public final class GoldReview {

    private GoldReview() {}

    /** @param gold the top theme IRIs the passage is about */
    public static TrainingPassage review(String passageId, String text, List<Suggestion> suggestions, Set<String> gold) {
        List<TrainingPassage.Judgement> judgements = new ArrayList<>();
        for (Suggestion s : suggestions) {
            boolean right = gold.contains(s.topThemeIri());
            judgements.add(new TrainingPassage.Judgement(s.conceptIri(), s.topThemeIri(), s.matchedTerm(), s.matchedText(),
                    right ? 1 : 0, right ? 0 : 1));
        }
        for (String theme : gold) {
            if (suggestions.stream().noneMatch(s -> s.topThemeIri().equals(theme))) {
                judgements.add(new TrainingPassage.Judgement(theme, theme, null, text, 1, 0));
            }
        }
        return new TrainingPassage(passageId, text, judgements);
    }
}
