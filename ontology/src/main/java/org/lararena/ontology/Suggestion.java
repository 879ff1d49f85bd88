package org.lararena.ontology;

/**
 * A theme the annotator suggests for a span of a passage.
 *
 * @param conceptIri the most specific concept whose term was found
 * @param topThemeIri the required top theme that concept falls under
 * @param start Java char offset of the span in the annotated text (see {@link
 *     PassageAnnotator#codePointOffset(String, int)} for code points)
 * @param end char offset after the span
 * @param matchedText the text of the span as it stands in the passage
 * @param matchedTerm the ontology label that matched
 * @param confidence 0..1; suggestions under the annotator's threshold are never returned
 */
public record Suggestion(
        String conceptIri, String topThemeIri, int start, int end, String matchedText, String matchedTerm,
        double confidence) {}
