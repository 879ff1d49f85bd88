package org.lararena.analysis;

import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;

/**
 * Folds a token to plain ASCII the way Swedish text typed without diacritics or mangled by OCR looks, so that
 * {@code vård}, {@code vard} and {@code vàrd} meet:
 * <ul>
 *   <li>drops characters OCR and PDF extraction leave inside words: soft hyphen (U+00AD), zero-width space, joiners
 *       and no-break (U+200B–U+200D, U+2060, U+FEFF);</li>
 *   <li>folds every letter with {@link SwedishFolding}, the folding the application shares ({@code å/ä/æ→a},
 *       {@code ö/ø→o}, {@code é→e}, {@code ü→u}, …), and what that leaves with Lucene's {@link ASCIIFoldingFilter}
 *       table ({@code ﬁ→fi}, {@code ß→ss}, …).</li>
 * </ul>
 * With {@code foldSwedishLetters=false} å, ä and ö are kept (and æ/ø, their Danish–Norwegian twins that OCR and
 * keyboards confuse them with, become ä/ö) while every other accent is still folded: {@code idé→ide},
 * {@code Müller→muller}. With {@code preserveOriginal} the unfolded token follows the folded one at the same position.
 */
final class SwedishFoldingFilter extends TokenFilter {

    private final boolean foldSwedishLetters;
    private final boolean preserveOriginal;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private char[] output = new char[64];
    private final char[] one = new char[1];
    private State original;

    SwedishFoldingFilter(TokenStream input, boolean foldSwedishLetters, boolean preserveOriginal) {
        super(input);
        this.foldSwedishLetters = foldSwedishLetters;
        this.preserveOriginal = preserveOriginal;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (original != null) {
            restoreState(original);
            original = null;
            posIncAtt.setPositionIncrement(0);
            return true;
        }
        if (input.incrementToken() == false) {
            return false;
        }
        char[] buffer = termAtt.buffer();
        int length = termAtt.length();
        if (needsFolding(buffer, length)) {
            int outLen = fold(buffer, length);
            if (preserveOriginal && sameAs(buffer, length, outLen) == false) {
                original = captureState();
            }
            termAtt.copyBuffer(output, 0, outLen);
        }
        return true;
    }

    private boolean sameAs(char[] buffer, int length, int outLen) {
        return length == outLen && Arrays.equals(buffer, 0, length, output, 0, outLen);
    }

    private boolean needsFolding(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] >= '\u0080') {
                return true;
            }
        }
        return false;
    }

    private int fold(char[] buffer, int length) {
        int max = length * 4;
        if (output.length < max) {
            output = new char[Math.max(max, output.length * 2)];
        }
        int pos = 0;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c < '\u0080') {
                output[pos++] = c;
            } else if (isIgnorable(c)) {
                continue;
            } else if (foldSwedishLetters == false && keepsSwedish(c) != 0) {
                output[pos++] = keepsSwedish(c);
            } else if (SwedishFolding.fold(c) != c) {
                output[pos++] = SwedishFolding.fold(c);
            } else {
                one[0] = c;
                pos = ASCIIFoldingFilter.foldToASCII(one, 0, output, pos, 1);
            }
        }
        return pos;
    }

    /** The Swedish letter to keep for {@code c}, or 0 if {@code c} is no Swedish letter (or twin). */
    private static char keepsSwedish(char c) {
        return switch (c) {
            case 'å', 'ä', 'ö', 'Å', 'Ä', 'Ö' -> c;
            case 'æ' -> 'ä';
            case 'Æ' -> 'Ä';
            case 'ø' -> 'ö';
            case 'Ø' -> 'Ö';
            default -> 0;
        };
    }

    static boolean isIgnorable(char c) {
        return c == '\u00AD' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        original = null;
    }
}
