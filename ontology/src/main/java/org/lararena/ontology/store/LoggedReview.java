package org.lararena.ontology.store;

/** One entry of a document's review log: which annotation, and the review. */
public record LoggedReview(String annotationId, Review review) {}
