package org.lararena.ontology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.lararena.ontology.annotate.Term;
import org.lararena.ontology.annotate.TermDictionary;
import org.lararena.ontology.annotate.TermMatch;
import org.lararena.ontology.suggest.LearnedTerm;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.vocabulary.LAR;

/**
 * Suggests themes for a Swedish passage from the labels of the Teman scheme. Pure Java, no I/O: the dictionary
 * automaton is built in the constructor, after which {@link #annotate} is fast and thread-safe. When the codebook puts
 * a new version of the ontology in place, the next call builds the dictionary again from it (once), so concepts and
 * synonyms added at run time are suggested from then on; deprecated concepts are not suggested.
 *
 * <p>How it decides: every occurrence of a term is found (case and diacritics folded, light suffix stripping,
 * compounds, hyphenated and multi-word forms). Names of actors (scheme Aktörer) are found too, only so that the
 * words inside them do not count: "Sveriges Kommuner och Regioner" is no evidence of Samverkan. Nor does the label
 * that opens an interview turn by naming who speaks ("Intervju, enhetschef: …", {@link SwedishText#speakerLabelEnd}):
 * it says who speaks, not what the turn is about. Where occurrences
 * overlap, the one covering most words wins, then a whole word over a compound part, the stronger label and the
 * more specific concept. Each surviving occurrence gives evidence to its top theme: preferred labels most
 * (1.0), then alternative (0.9) and hidden (0.85) labels, less for a skipped word (×0.85) or a compound part
 * (×0.75); weak labels (0.35) count only when the same top theme also has other evidence. The confidence of an
 * occurrence is {@code 1 - (1 - weight) × (1 - support / 2)}, where support is the noisy-or of the other evidence
 * for its top theme; suggestions under the threshold are dropped. That score weighs labels; it is not the chance of
 * being right, so it is not what is shown ({@link #termSuggestions} gives it).
 *
 * <p>What researchers' decisions taught (a {@link SuggesterModel}: learned terms, the share of accepts per term, a
 * classifier per top theme, calibrated confidence) refines these suggestions; without a model the dictionary decides
 * alone, and its suggestions are shown with the share of right suggestions of their kind on the project's labelled
 * passages ({@link org.lararena.ontology.suggest.StartingConfidence}).
 *
 * <p>Meant for passages (a speaker turn, a paragraph, a slide): evidence is pooled over the whole text given.
 */
public final class PassageAnnotator {

    /**
     * The version of the annotator's code, recorded with every automatic annotation (its software agent). Raise it
     * when the matching changes in a way that changes suggestions.
     */
    public static final String VERSION = "3";

    /** Suggestions under this confidence are dropped unless another threshold is given. */
    public static final double DEFAULT_THRESHOLD = 0.6;

    private static final Comparator<TermMatch> PREFERENCE = Comparator
            .comparingInt(TermMatch::tokens).reversed()
            .thenComparing(TermMatch::compound)
            .thenComparing(Comparator.comparingDouble(TermMatch::weight).reversed())
            .thenComparing(Comparator.comparingInt((TermMatch m) -> m.term().depth()).reversed())
            .thenComparingInt(m -> m.end() - m.start())
            .thenComparing(m -> m.term().conceptIri());

    private final Ontology ontology;
    private final double threshold;
    private final Supplier<SuggesterModel> model;
    /** The dictionary, the ontology version and the learned terms it was built from, replaced together. */
    private volatile Built built;
    /** The same with a model's learned terms: the model in service, or one being trained. */
    private volatile Built learned;

    private record Built(String version, List<LearnedTerm> learnedTerms, TermDictionary dictionary) {}

    public PassageAnnotator(Ontology ontology) {
        this(ontology, DEFAULT_THRESHOLD);
    }

    public PassageAnnotator(Ontology ontology, double threshold) {
        this(ontology, threshold, () -> SuggesterModel.DICTIONARY_ONLY);
    }

    /** @param model the suggester model in service, asked at every passage (new documents use the current one) */
    public PassageAnnotator(Ontology ontology, double threshold, Supplier<SuggesterModel> model) {
        Objects.requireNonNull(ontology, "ontology");
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in 0..1: " + threshold);
        }
        this.threshold = threshold;
        this.ontology = ontology;
        this.model = Objects.requireNonNull(model, "model");
        this.built = build(ontology.snapshot(), List.of());
        this.learned = built;
    }

    /**
     * The dictionary of the running ontology version with {@code learnedTerms}, built again (once) when the version or
     * the learned terms have moved. The dictionary alone and the one with a model's terms are kept apart, because
     * training asks for both in turn.
     */
    private TermDictionary dictionary(List<LearnedTerm> learnedTerms) {
        boolean alone = learnedTerms.isEmpty();
        Built now = alone ? built : learned;
        if (!isCurrent(now, learnedTerms)) {
            synchronized (this) {
                now = alone ? built : learned;
                if (!isCurrent(now, learnedTerms)) {
                    now = build(ontology.snapshot(), learnedTerms);
                    if (alone) {
                        built = now;
                    } else {
                        learned = now;
                    }
                }
            }
        }
        return now.dictionary();
    }

    /** Whether {@code dictionary} is of the running ontology version and of these learned terms (a model's own list). */
    private boolean isCurrent(Built dictionary, List<LearnedTerm> learnedTerms) {
        return dictionary.version().equals(ontology.version())
                && (dictionary.learnedTerms() == learnedTerms || (dictionary.learnedTerms().isEmpty() && learnedTerms.isEmpty()));
    }

    private static Built build(Ontology ontology, List<LearnedTerm> learnedTerms) {
        TermDictionary dictionary = new TermDictionary();
        for (LearnedTerm term : learnedTerms) {
            Optional<Concept> concept = ontology.concept(term.conceptIri());
            if (concept.isPresent() && !concept.get().deprecated()) {
                int depth = ontology.broaderClosure(term.conceptIri()).size() - 1;
                dictionary.add(term.conceptIri(), term.topThemeIri(), depth, term.label(), "sv", Term.Kind.LEARNED);
            }
        }
        for (Concept concept : ontology.concepts(LAR.Teman.getURI())) {
            String top = ontology.topTheme(concept.iri()).map(Concept::iri).orElse(null);
            if (top == null || concept.deprecated()) {
                continue;
            }
            int depth = ontology.broaderClosure(concept.iri()).size() - 1;
            concept.prefLabels().forEach((language, label) ->
                    dictionary.add(concept.iri(), top, depth, label, language, Term.Kind.PREF));
            addAll(dictionary, concept, top, depth, concept.altLabels(), Term.Kind.ALT);
            addAll(dictionary, concept, top, depth, concept.hiddenLabels(), Term.Kind.HIDDEN);
            addAll(dictionary, concept, top, depth, concept.weakLabels(), Term.Kind.WEAK);
        }
        for (Concept actor : ontology.concepts(LAR.Aktorer.getURI())) {
            actor.prefLabels().forEach((language, label) ->
                    dictionary.add(actor.iri(), null, 0, label, language, Term.Kind.BLOCKER));
            addAll(dictionary, actor, null, 0, actor.altLabels(), Term.Kind.BLOCKER);
        }
        return new Built(ontology.version(), learnedTerms, dictionary);
    }

    private static void addAll(TermDictionary dictionary, Concept concept, String top, int depth, List<Concept.Label> labels,
                               Term.Kind kind) {
        for (Concept.Label label : labels) {
            dictionary.add(concept.iri(), top, depth, label.text(), label.language(), kind);
        }
    }

    /** The suggestions for {@code text} with the suggester model in service, in text order. */
    public List<Suggestion> annotate(String text) {
        return annotate(text, model.get());
    }

    /** The suggestions for {@code text} with {@code suggester}, in text order. */
    public List<Suggestion> annotate(String text, SuggesterModel suggester) {
        return suggester.refine(text, termSuggestions(text, suggester));
    }

    /**
     * The suggestions of the dictionary for {@code text}, the ontology's labels and {@code suggester}'s learned terms,
     * before the model refines them; in text order.
     */
    public List<Suggestion> termSuggestions(String text, SuggesterModel suggester) {
        Objects.requireNonNull(text, "text");
        List<TermMatch> chosen = chooseNonOverlapping(dictionary(suggester.learnedTerms()).find(text));
        int speakerLabelEnd = SwedishText.speakerLabelEnd(text);
        chosen.removeIf(match -> match.term().kind() == Term.Kind.BLOCKER || match.end() <= speakerLabelEnd);

        Map<String, List<TermMatch>> byTheme = new HashMap<>();
        for (TermMatch match : chosen) {
            byTheme.computeIfAbsent(match.term().topThemeIri(), k -> new ArrayList<>()).add(match);
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (List<TermMatch> evidence : byTheme.values()) {
            Support theme = Support.of(evidence);
            for (TermMatch match : evidence) {
                double support = theme.excluding(match);
                boolean weak = match.term().kind() == Term.Kind.WEAK;
                if (weak && support == 0) {
                    continue;
                }
                double confidence = 1 - (1 - match.weight()) * (1 - 0.5 * support);
                if (confidence >= threshold) {
                    suggestions.add(new Suggestion(match.term().conceptIri(), match.term().topThemeIri(),
                            match.start(), match.end(), text.substring(match.start(), match.end()),
                            match.term().label(), Math.round(confidence * 1000) / 1000.0));
                }
            }
        }
        suggestions.sort(Comparator.comparingInt(Suggestion::start).thenComparingInt(Suggestion::end)
                .thenComparing(Suggestion::conceptIri));
        return suggestions;
    }

    /**
     * The non-weak evidence for one top theme, combined as a noisy-or: {@code 1 - Π(1 - weight)}. Kept as a
     * product and a count of certain (weight 1) matches so that leaving one match out costs no second pass.
     */
    private record Support(double productBelowOne, int certain) {

        static Support of(List<TermMatch> evidence) {
            double product = 1;
            int certain = 0;
            for (TermMatch match : evidence) {
                if (match.term().kind() == Term.Kind.WEAK) {
                    continue;
                }
                if (match.weight() >= 1) {
                    certain++;
                } else {
                    product *= 1 - match.weight();
                }
            }
            return new Support(product, certain);
        }

        /** The support of the other non-weak evidence, leaving {@code self} out. */
        double excluding(TermMatch self) {
            double product = productBelowOne;
            int others = certain;
            if (self.term().kind() != Term.Kind.WEAK) {
                if (self.weight() >= 1) {
                    others--;
                } else {
                    product /= 1 - self.weight();
                }
            }
            return others > 0 ? 1 : 1 - product;
        }
    }

    /** Greedy by preference; the chosen spans are disjoint, so one neighbour lookup decides an overlap. */
    private static List<TermMatch> chooseNonOverlapping(List<TermMatch> matches) {
        List<TermMatch> sorted = new ArrayList<>(matches);
        sorted.sort(PREFERENCE);
        TreeMap<Integer, TermMatch> chosen = new TreeMap<>();
        for (TermMatch candidate : sorted) {
            Map.Entry<Integer, TermMatch> before = chosen.lowerEntry(candidate.end());
            if (before == null || !before.getValue().overlaps(candidate)) {
                chosen.put(candidate.start(), candidate);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    /** Converts a Java char offset of a suggestion to a Unicode code point offset in the same text. */
    public static int codePointOffset(String text, int charOffset) {
        return SwedishText.codePointOffset(text, charOffset);
    }
}
