package org.lararena.ontology.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One annotation as stored: a concept on a span of a passage.
 *
 * @param id stable id (deterministic for automatic annotations, so a re-run finds the same one)
 * @param documentId the document whose named graph holds it
 * @param passageId the passage it targets
 * @param start offset of the span in the passage text, in Unicode code points
 * @param end code point offset just after the span
 * @param exact the text of the span
 * @param prefix up to {@link #CONTEXT_CODE_POINTS} code points of the passage before the span
 * @param suffix the same after the span (never beyond the passage)
 * @param conceptIri the body: a concept of the ontology
 * @param manual true for a researcher's tag ({@code oa:tagging}), false for the annotator's ({@code oa:classifying})
 * @param state the team's review state (what search sees), or in a coder's view that coder's
 * @param matchedTerm the dictionary term that matched (automatic only, else null)
 * @param confidence the annotator's confidence 0..1 (automatic only, else null)
 * @param creator the username of the researcher, or the annotator's name and version
 * @param creatorIri the IRI of that agent
 * @param created when it was made
 * @param ontologyVersion the ontology version it was made against
 */
public record StoredAnnotation(
        String id, String documentId, String passageId, int start, int end, String exact, String prefix, String suffix,
        String conceptIri, boolean manual, ReviewState state, String matchedTerm, Double confidence, String creator,
        String creatorIri, Instant created, String ontologyVersion) {

    /** How much passage text an annotation's quote keeps on each side of its span ({@code prefix}, {@code suffix}). */
    public static final int CONTEXT_CODE_POINTS = 32;

    public StoredAnnotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(passageId, "passageId");
        Objects.requireNonNull(conceptIri, "conceptIri");
        Objects.requireNonNull(state, "state");
    }

    /** The same annotation in another state (as one coder sees it). */
    public StoredAnnotation withState(ReviewState newState) {
        return new StoredAnnotation(id, documentId, passageId, start, end, exact, prefix, suffix, conceptIri, manual, newState,
                matchedTerm, confidence, creator, creatorIri, created, ontologyVersion);
    }

    /** The same annotation quoting other words (the quote as a reader who is not a researcher sees it). */
    public StoredAnnotation withQuote(String newExact, String newPrefix, String newSuffix) {
        return new StoredAnnotation(id, documentId, passageId, start, end, newExact, newPrefix, newSuffix, conceptIri, manual, state,
                matchedTerm, confidence, creator, creatorIri, created, ontologyVersion);
    }

    /** {@code "manual"} or {@code "auto"}. */
    public String origin() {
        return manual ? "manual" : "auto";
    }
}
