package org.lararena.ingest.repair;

import java.util.Objects;

/**
 * One change the repair made, for audit.
 *
 * @param kind        what kind of change
 * @param page        the 1-based index of the page it was made on (in the extracted text's page order), or
 *                    {@code null} for a change counted over the whole text
 * @param before      the text before the change, or a description for counted changes
 * @param after       the text after it ({@code ""} for a removal)
 * @param occurrences how many times this change was made (1 for a single edit)
 */
public record RepairEdit(Kind kind, Integer page, String before, String after, int occurrences) {

    /** The kinds of change. */
    public enum Kind {
        /** A word hyphenated across a line break was joined ("sam-" + "hällsinstitutioner"). */
        HYPHENATION_JOINED,
        /** Letter-spaced text was rejoined into words. */
        LETTER_SPACING_REJOINED,
        /** A running header or footer line was removed. */
        RUNNING_HEADER_REMOVED,
        /** A page number line was removed. */
        PAGE_NUMBER_REMOVED,
        /** Soft hyphens (U+00AD) were removed. */
        SOFT_HYPHENS_REMOVED,
        /** Ligatures (ﬁ, ﬂ, ...) were spelled out. */
        LIGATURES_EXPANDED,
        /** Typographic quotes were made plain. */
        QUOTES_NORMALISED,
        /** Tabs, no-break and other special spaces became plain spaces; zero-width characters were removed. */
        SPACES_NORMALISED,
        /** Characters were composed to Unicode NFC. */
        UNICODE_COMPOSED,
        /** Control characters were removed. */
        CONTROL_CHARACTERS_REMOVED,
        /** Vertical bars that OCR read for I or l were made letters again ("|nom" → "Inom"). */
        OCR_BARS_REPAIRED
    }

    public RepairEdit {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
    }
}
