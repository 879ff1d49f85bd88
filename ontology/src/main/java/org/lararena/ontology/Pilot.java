package org.lararena.ontology;

import java.util.Objects;
import java.util.Optional;

/**
 * One concept of the ontology's {@code scheme:piloter}.
 *
 * @param notation its short code ({@code skos:notation}, {@code varmland})
 * @param labelSv  its Swedish preferred label, the name documents and callers' pilot regions use ("Värmland")
 * @param nameStem the lower-case start of the words naming it in running text ({@code lar:nameStem}, "värml"), or
 *                 empty for a pilot that is never guessed from a text
 */
public record Pilot(String notation, String labelSv, Optional<String> nameStem) {

    public Pilot {
        Objects.requireNonNull(notation, "notation");
        Objects.requireNonNull(labelSv, "labelSv");
        Objects.requireNonNull(nameStem, "nameStem");
    }
}
