package org.lararena.ontology.store;

import java.time.Instant;

/**
 * One coder's latest decision about one annotation: for a researcher their last accept, reject, undo (back to
 * suggested) or retraction, or the creation of their own tag (accepted); for {@value AnnotationIris#ANNOTATOR_CODER}
 * whether it still suggests it (suggested) or superseded it (retracted).
 *
 * @param coder the researcher's username, or {@value AnnotationIris#ANNOTATOR_CODER}
 */
public record Decision(String coder, ReviewState state, Instant at) {}
