package org.lararena.ingest.segment;

import java.util.Objects;

/**
 * One passage of a document.
 *
 * @param ordinal its position in the document, from 0
 * @param page    the number of the page it starts on (see {@code RepairedText.pageNumbers}), or {@code null}
 *                when the document has no pages
 * @param speaker who speaks, as labelled in the transcript ("KAJSA", "Intervjuare"), or {@code null}
 * @param text    its text: exactly {@code documentText.substring(start, end)}; for a speaker turn the label is
 *                not part of it
 * @param start   offset of its first character in the repaired document text
 * @param end     offset just after its last character
 */
public record Passage(int ordinal, Integer page, String speaker, String text, int start, int end) {

    public Passage {
        Objects.requireNonNull(text);
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("offsets " + start + ".." + end + " do not fit a text of " + text.length() + " characters");
        }
    }
}
