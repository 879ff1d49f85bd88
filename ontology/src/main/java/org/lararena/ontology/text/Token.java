package org.lararena.ontology.text;

/**
 * A word of a text with its folded form and its Java char offsets in the original text.
 *
 * @param folded the word lower-cased and without diacritics ({@code |} read as {@code l})
 * @param start offset of the first char
 * @param end offset after the last char
 * @param hyphenJoined the word follows the previous one after a hyphen without space ("e-tjänst", "SIP-möte") or
 *     after a hyphen at a line end ("kompetens-\nförsörjning")
 * @param breakBefore a sentence or list boundary lies between the previous word and this one
 * @param pipe the word contains {@code |}, which OCR gives for l or i
 */
public record Token(String folded, int start, int end, boolean hyphenJoined, boolean breakBefore, boolean pipe) {

    /** The folded form with OCR's {@code |} read as {@code i} instead of {@code l}. */
    public String foldedWithI(String original) {
        StringBuilder builder = new StringBuilder(folded);
        for (int i = start; i < end; i++) {
            if (original.charAt(i) == '|') {
                builder.setCharAt(i - start, 'i');
            }
        }
        return builder.toString();
    }
}
