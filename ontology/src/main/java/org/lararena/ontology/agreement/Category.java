package org.lararena.ontology.agreement;

import java.util.Objects;

/** What agreement is measured for: a concept, or a top theme with every concept narrower than it. */
public record Category(String iri, String label) {

    public Category {
        Objects.requireNonNull(iri, "iri");
        Objects.requireNonNull(label, "label");
    }
}
