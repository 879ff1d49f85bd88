package org.lararena.ontology.suggest;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.text.SwedishText;

/**
 * A term the suggester learned from researchers' tags: words they tagged with a concept in at least {@value
 * #MIN_PASSAGES} passages where the annotator found nothing of the concept's top theme in them. It joins the
 * annotator's dictionary (never the ontology) and is matched like the ontology's labels, folded and stemmed.
 *
 * @param label the words as a researcher first tagged them
 * @param passages in how many passages researchers tagged them
 */
public record LearnedTerm(String conceptIri, String topThemeIri, String label, int passages) {

    static final int MIN_PASSAGES = 2;
    /** Longer tags are a passage's gist, not a term: the classifiers learn from those. */
    static final int MAX_WORDS = 3;

    public LearnedTerm {
        Objects.requireNonNull(conceptIri, "conceptIri");
        Objects.requireNonNull(topThemeIri, "topThemeIri");
        Objects.requireNonNull(label, "label");
    }

    /**
     * The terms researchers' tags teach.
     *
     * @param dictionaryOnly the annotator's suggestions for a text from the ontology alone
     */
    static List<LearnedTerm> learn(Collection<TrainingPassage> passages, Function<String, List<Suggestion>> dictionaryOnly) {
        Map<String, LearnedTerm> byKey = new LinkedHashMap<>();
        for (TrainingPassage passage : passages) {
            for (TrainingPassage.Judgement tag : passage.judgements()) {
                if (!tag.manual() || !tag.positive()) {
                    continue;
                }
                String words = tag.exact().strip();
                int count = SwedishText.tokenize(words).size();
                if (count == 0 || count > MAX_WORDS || words.length() > 40) {
                    continue;
                }
                boolean found = dictionaryOnly.apply(words).stream().anyMatch(s -> s.topThemeIri().equals(tag.topThemeIri()));
                if (found) {
                    continue;
                }
                String key = tag.conceptIri() + '\t' + SwedishText.fold(words) + '\t' + passage.passageId();
                byKey.putIfAbsent(key, new LearnedTerm(tag.conceptIri(), tag.topThemeIri(), words, 1));
            }
        }
        // One count per passage: a word tagged twice in one passage is one piece of evidence.
        Map<String, LearnedTerm> byTerm = new LinkedHashMap<>();
        for (LearnedTerm seen : byKey.values()) {
            byTerm.merge(seen.conceptIri() + '\t' + SwedishText.fold(seen.label()), seen,
                    (a, b) -> new LearnedTerm(a.conceptIri(), a.topThemeIri(), a.label(), a.passages() + b.passages()));
        }
        List<LearnedTerm> learned = new ArrayList<>();
        byTerm.values().stream().filter(t -> t.passages() >= MIN_PASSAGES).forEach(learned::add);
        return List.copyOf(learned);
    }

    JsonObject toJson() {
        return new JsonObject().put("concept", conceptIri).put("topTheme", topThemeIri).put("label", label).put("passages", passages);
    }

    static LearnedTerm fromJson(JsonObject json) {
        return new LearnedTerm(json.getString("concept"), json.getString("topTheme"), json.getString("label"), json.getInteger("passages"));
    }
}
