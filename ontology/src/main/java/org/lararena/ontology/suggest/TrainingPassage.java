package org.lararena.ontology.suggest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A passage researchers decided about, as the suggester learns from it: its text and, per annotation, how many
 * researchers accepted and how many rejected it. Every researcher's latest decision counts once, so two researchers
 * who disagree give one accept and one reject.
 *
 * @param passageId the passage's id (the split into training and held-out decisions follows it)
 * @param text the passage text as it was annotated
 * @param judgements the passage's annotations that researchers decided about or made
 */
public record TrainingPassage(String passageId, String text, List<Judgement> judgements) {

    public TrainingPassage {
        Objects.requireNonNull(passageId, "passageId");
        Objects.requireNonNull(text, "text");
        judgements = List.copyOf(judgements);
    }

    /**
     * Researchers' decisions about one annotation.
     *
     * @param conceptIri the annotation's concept
     * @param topThemeIri the top theme of that concept
     * @param matchedTerm the term an automatic annotation matched; null for a researcher's tag
     * @param exact the text of the span
     * @param accepts researchers who accepted it (a tag counts for the researcher who made it)
     * @param rejects researchers who rejected or retracted it
     */
    public record Judgement(String conceptIri, String topThemeIri, String matchedTerm, String exact, int accepts, int rejects) {

        public Judgement {
            Objects.requireNonNull(conceptIri, "conceptIri");
            Objects.requireNonNull(topThemeIri, "topThemeIri");
            Objects.requireNonNull(exact, "exact");
        }

        public boolean manual() {
            return matchedTerm == null;
        }

        /** How many researchers decided about it. */
        public int decisions() {
            return accepts + rejects;
        }

        /** More researchers accepted it than rejected it (a tie is no). */
        public boolean positive() {
            return accepts > rejects;
        }
    }

    /** The top themes researchers gave the passage: those of its annotations accepted more often than rejected. */
    public Set<String> goldThemes() {
        Set<String> themes = new LinkedHashSet<>();
        judgements.stream().filter(Judgement::positive).forEach(j -> themes.add(j.topThemeIri()));
        return themes;
    }

    /** How many decisions the passage holds. */
    public int decisions() {
        return judgements.stream().mapToInt(Judgement::decisions).sum();
    }
}
