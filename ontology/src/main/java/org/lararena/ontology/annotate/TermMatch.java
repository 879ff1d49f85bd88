package org.lararena.ontology.annotate;

/**
 * An occurrence of a dictionary term in a text.
 *
 * @param term the term found
 * @param start Java char offset of the match in the text
 * @param end char offset after the match
 * @param tokens how many words of the text the match covers (gap word included)
 * @param gap a word of the text was skipped inside a multi-word term
 * @param compound the term was found as the first or last part of a longer compound word
 */
public record TermMatch(Term term, int start, int end, int tokens, boolean gap, boolean compound) {

    /** The term's weight after the penalties for a skipped word and for a compound part. */
    public double weight() {
        double weight = term.kind().weight();
        if (gap) {
            weight *= 0.85;
        }
        if (compound) {
            weight *= 0.75;
        }
        return weight;
    }

    public boolean overlaps(TermMatch other) {
        return start < other.end && other.start < end;
    }
}
