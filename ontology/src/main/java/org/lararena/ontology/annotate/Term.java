package org.lararena.ontology.annotate;

/**
 * One dictionary term: a label of a concept, with what the annotator needs to weigh it.
 *
 * @param conceptIri the concept the label belongs to
 * @param topThemeIri the top theme the concept falls under; null for a {@link Kind#BLOCKER}
 * @param depth 0 for a top theme, 1 for a concept directly under it, ...
 * @param label the label as written in the ontology
 * @param kind which SKOS property the label came from
 * @param tokenCount how many words the term has
 * @param caseSensitive a short acronym ("SoL", "FaR", "AI") that only matches in its own case
 */
public record Term(
        String conceptIri, String topThemeIri, int depth, String label, Kind kind, int tokenCount,
        boolean caseSensitive) {

    /** The label property, strongest first. */
    public enum Kind {
        PREF(1.0),
        ALT(0.9),
        HIDDEN(0.85),
        WEAK(0.35),
        /** Words the suggester learned from researchers' tags (not a label of the ontology). */
        LEARNED(0.8),
        /**
         * A name from another scheme (an actor such as "Sveriges Kommuner och Regioner") that is no evidence
         * itself but keeps the words inside it from counting ("kommuner och regioner"). Loses every tie.
         */
        BLOCKER(0);

        private final double weight;

        Kind(double weight) {
            this.weight = weight;
        }

        /** The evidence one occurrence of such a label gives, 0..1. */
        public double weight() {
            return weight;
        }
    }
}
