package org.lararena.ontology.agreement;

import java.util.Objects;

/** One coder applied a concept to {@code [start, end)} (code points) of a passage. */
public record Coding(String coder, String passageId, int start, int end, String conceptIri) {

    public Coding {
        Objects.requireNonNull(coder, "coder");
        Objects.requireNonNull(passageId, "passageId");
        Objects.requireNonNull(conceptIri, "conceptIri");
    }
}
