package org.lararena.ontology.store;

import java.util.Objects;

/** A passage as annotations target it: its id and its text (offsets count code points of this text). */
public record PassageText(String passageId, String text) {

    public PassageText {
        Objects.requireNonNull(passageId, "passageId");
        Objects.requireNonNull(text, "text");
    }

    /** The length of the text in code points. */
    public int codePoints() {
        return text.codePointCount(0, text.length());
    }
}
