package org.lararena.ontology.store;

/**
 * One entry of a document's review log: which annotation, which coder (a username, or {@value
 * AnnotationIris#ANNOTATOR_CODER}), and the review.
 */
public record LoggedReview(String annotationId, String coder, Review review) {

    /** Whether the annotator made this entry (its suggestion), not a person. */
    public boolean byAnnotator() {
        return coder.equals(AnnotationIris.ANNOTATOR_CODER);
    }
}
