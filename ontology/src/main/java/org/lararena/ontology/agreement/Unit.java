package org.lararena.ontology.agreement;

import java.util.Objects;

/**
 * A unit of the reliability data: one passage of a document.
 *
 * @param codePoints the length of the passage text in code points (its share of the continuum for unitizing alpha)
 */
public record Unit(String documentId, String passageId, int codePoints) {

    public Unit {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(passageId, "passageId");
    }
}
