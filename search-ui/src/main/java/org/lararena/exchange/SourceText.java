package org.lararena.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plain text of one source and how it falls into passages. Lärarena writes a document's passages joined by
 * {@link #PASSAGE_BREAK} (two blank lines: a passage may itself hold a blank line, where short paragraphs were merged),
 * and a file Lärarena wrote is split back exactly there, so it comes back as the same passages. Another tool's text is
 * split at blank lines (at every line break when it has no blank line at all). Positions count Unicode code points from 0, as the
 * standard says: a character outside the Basic Multilingual Plane is one position, not two UTF-16 units.
 *
 * @param text the text as the file holds it
 * @param passages its passages, in order, with their place in {@code text}
 */
record SourceText(String text, List<Span> passages) {

    /** What separates two passages in an exported source. */
    static final String PASSAGE_BREAK = "\n\n\n";

    /**
     * One passage of the source.
     *
     * @param text its text, without the surrounding white space
     * @param startChar where it starts in the source, in UTF-16 units (as {@code String} counts)
     * @param startCodePoint where it starts, in code points
     * @param codePoints its length in code points
     */
    record Span(String text, int startChar, int startCodePoint, int codePoints) {
        int endCodePoint() {
            return startCodePoint + codePoints;
        }
    }

    SourceText {
        Objects.requireNonNull(text);
        passages = List.copyOf(passages);
    }

    /** The length of the text in code points. */
    int codePoints() {
        return text.codePointCount(0, text.length());
    }

    /** The text of {@code [start, end)} in code points. */
    String slice(int start, int end) {
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }

    /** Passages joined as Lärarena exports them. */
    static SourceText joined(List<String> passageTexts) {
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        int codePoints = 0;
        for (String passage : passageTexts) {
            if (!text.isEmpty()) {
                text.append(PASSAGE_BREAK);
                codePoints += PASSAGE_BREAK.length();
            }
            int length = passage.codePointCount(0, passage.length());
            spans.add(new Span(passage, text.length(), codePoints, length));
            text.append(passage);
            codePoints += length;
        }
        return new SourceText(text.toString(), spans);
    }

    /** A text Lärarena wrote, split at each {@link #PASSAGE_BREAK}. */
    static SourceText splitAtPassageBreaks(String text) {
        List<Span> spans = new ArrayList<>();
        int codePointsBefore = 0;
        int from = 0;
        while (from <= text.length()) {
            int at = text.indexOf(PASSAGE_BREAK, from);
            int end = at < 0 ? text.length() : at;
            String passage = text.substring(from, end);
            if (!passage.isBlank()) {
                spans.add(new Span(passage, from, codePointsBefore, passage.codePointCount(0, passage.length())));
            }
            if (at < 0) {
                break;
            }
            codePointsBefore += text.codePointCount(from, end) + PASSAGE_BREAK.length();
            from = end + PASSAGE_BREAK.length();
        }
        return new SourceText(text, spans);
    }

    /** Another tool's text, split into passages at blank lines (or at every line break when it has no blank line). */
    static SourceText split(String text) {
        List<int[]> blocks = blocks(text, true);
        if (blocks.size() <= 1) {
            blocks = blocks(text, false);
        }
        List<Span> spans = new ArrayList<>();
        int codePointsBefore = 0;
        int charsCounted = 0;
        for (int[] block : blocks) {
            codePointsBefore += text.codePointCount(charsCounted, block[0]);
            charsCounted = block[0];
            String passage = text.substring(block[0], block[1]);
            spans.add(new Span(passage, block[0], codePointsBefore, passage.codePointCount(0, passage.length())));
        }
        return new SourceText(text, spans);
    }

    /** Non-blank runs of lines as {start, end} char offsets, trimmed; split at blank lines or at every line break. */
    private static List<int[]> blocks(String text, boolean atBlankLines) {
        List<int[]> blocks = new ArrayList<>();
        int blockStart = -1;
        int blockEnd = -1;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = lineEnd(text, lineStart);
            int first = lineStart;
            while (first < lineEnd && Character.isWhitespace(text.charAt(first))) {
                first++;
            }
            int last = lineEnd;
            while (last > first && Character.isWhitespace(text.charAt(last - 1))) {
                last--;
            }
            boolean blank = first == last;
            if (blank || !atBlankLines) {
                if (blockStart >= 0) {
                    blocks.add(new int[] {blockStart, blockEnd});
                    blockStart = -1;
                }
            }
            if (!blank) {
                if (blockStart < 0) {
                    blockStart = first;
                }
                blockEnd = last;
            }
            lineStart = nextLine(text, lineEnd);
        }
        if (blockStart >= 0) {
            blocks.add(new int[] {blockStart, blockEnd});
        }
        return blocks;
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The start of the line after a line ending at {@code lineEnd} ({@code \r\n}, {@code \n} or {@code \r}). */
    private static int nextLine(String text, int lineEnd) {
        if (lineEnd >= text.length()) {
            return text.length() + 1;
        }
        return text.startsWith("\r\n", lineEnd) ? lineEnd + 2 : lineEnd + 1;
    }

    /**
     * Positions as a tool wrote them that counts a CRLF line break as one character, turned into code points of
     * {@link #text}.
     */
    int fromCrlfAsOne(int position) {
        int codePoints = 0;
        int counted = 0;
        int i = 0;
        while (i < text.length() && counted < position) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp == '\r' && text.startsWith("\r\n", i)) {
                width = 2;
                codePoints++;
            }
            i += width;
            codePoints++;
            counted++;
        }
        return codePoints + (position - counted);
    }

    /** Whether the text has CRLF line breaks (and so positions may have been counted either way). */
    boolean hasCrlf() {
        return text.contains("\r\n");
    }
}
