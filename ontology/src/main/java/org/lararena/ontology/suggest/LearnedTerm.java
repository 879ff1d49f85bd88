package org.lararena.ontology.suggest;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.text.Token;

/**
 * A term the suggester learned from researchers' tags: words they tagged with a concept, in any inflected form, in at
 * least {@value #MIN_PASSAGES} passages where the annotator found nothing of the concept's top theme in them. It joins the
 * annotator's dictionary (never the ontology) and is matched like the ontology's labels, folded and stemmed.
 *
 * @param label the words in the shortest form researchers tagged
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
        // One count per passage: a word tagged twice in one passage is one piece of evidence. Inflected forms of the
        // same words ("husläkaren", "husläkare") are one term, under the shortest form tagged.
        List<LearnedTerm> merged = new ArrayList<>();
        for (LearnedTerm seen : byKey.values()) {
            int same = -1;
            for (int i = 0; i < merged.size() && same < 0; i++) {
                LearnedTerm t = merged.get(i);
                same = t.conceptIri().equals(seen.conceptIri()) && sameWords(t.label(), seen.label()) ? i : -1;
            }
            if (same < 0) {
                merged.add(seen);
            } else {
                LearnedTerm a = merged.get(same);
                merged.set(same, new LearnedTerm(a.conceptIri(), a.topThemeIri(),
                        seen.label().length() < a.label().length() ? seen.label() : a.label(), a.passages() + seen.passages()));
            }
        }
        List<LearnedTerm> learned = new ArrayList<>();
        merged.stream().filter(t -> t.passages() >= MIN_PASSAGES).forEach(learned::add);
        return List.copyOf(learned);
    }

    /**
     * Whether two tagged texts are forms of the same words, word by word as the dictionary matches a text word to a
     * label: one word's candidate stems meet the other's dictionary forms ("husläkaren" − en = "husläkare" − e).
     */
    static boolean sameWords(String a, String b) {
        List<Token> first = SwedishText.tokenize(a);
        List<Token> second = SwedishText.tokenize(b);
        if (first.size() != second.size()) {
            return false;
        }
        for (int i = 0; i < first.size(); i++) {
            String x = first.get(i).folded();
            String y = second.get(i).folded();
            if (!matches(x, y) && !matches(y, x)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String textWord, String dictionaryWord) {
        Set<String> forms = SwedishText.dictionaryForms(dictionaryWord);
        return SwedishText.candidateStems(textWord).stream().anyMatch(forms::contains);
    }

    JsonObject toJson() {
        return new JsonObject().put("concept", conceptIri).put("topTheme", topThemeIri).put("label", label).put("passages", passages);
    }

    static LearnedTerm fromJson(JsonObject json) {
        return new LearnedTerm(json.getString("concept"), json.getString("topTheme"), json.getString("label"), json.getInteger("passages"));
    }
}
