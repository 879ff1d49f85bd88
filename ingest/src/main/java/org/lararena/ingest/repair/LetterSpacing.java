package org.lararena.ingest.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rejoins letter-spaced lines ("s a m v e r k a n  m e l l a n") into words. Letters are split by single
 * spaces and words by one or two, so two spaces mark a sure word boundary but one space may hide one too;
 * within each run of letters the boundaries of least total {@link Vocabulary} cost are chosen (dynamic
 * programming over word costs).
 *
 * <p>Unknown stretches are allowed, at a cost that grows slowly with their length, so a name or a rare
 * compound stays whole rather than being cut into known scraps.
 */
final class LetterSpacing {

    /** A line is letter-spaced when at least this share of its space-separated tokens are single characters. */
    private static final double SINGLE_CHARACTER_SHARE = 0.7;
    private static final int MIN_TOKENS = 6;
    private static final float UNKNOWN_BASE_COST = 12f;
    private static final float UNKNOWN_COST_PER_LETTER = 0.5f;
    private static final int LONG_WORD = 12;
    private static final float UNKNOWN_COST_PER_LETTER_BEYOND = 2f;

    private final Vocabulary vocabulary;

    LetterSpacing(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    static boolean isLetterSpaced(String line) {
        int tokens = 0;
        int single = 0;
        int tokenLength = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ' ') {
                if (tokenLength > 0) {
                    tokens++;
                    single += tokenLength == 1 ? 1 : 0;
                }
                tokenLength = 0;
            } else if (!Character.isLowSurrogate(line.charAt(i))) {
                tokenLength++;
            }
        }
        return tokens >= MIN_TOKENS && single >= SINGLE_CHARACTER_SHARE * tokens;
    }

    /** The line with its letters joined into words, one space between words. */
    String rejoin(String line) {
        List<String> words = new ArrayList<>();
        for (String chunk : line.strip().split(" {2,}")) {
            rejoinChunk(chunk, words);
        }
        return String.join(" ", words);
    }

    private void rejoinChunk(String chunk, List<String> words) {
        StringBuilder letters = new StringBuilder();
        for (String token : chunk.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean letterToken = token.codePoints().allMatch(Character::isLetterOrDigit);
            if (letterToken && token.length() == 1) {
                letters.append(token);
                continue;
            }
            if (letterToken) {
                // A whole word among the letters: a boundary on both sides.
                flush(letters, words);
                words.add(token);
                continue;
            }
            // Punctuation belongs to the word before it.
            flush(letters, words);
            if (words.isEmpty()) {
                words.add(token);
            } else {
                words.set(words.size() - 1, words.get(words.size() - 1) + token);
            }
        }
        flush(letters, words);
    }

    private void flush(StringBuilder letters, List<String> words) {
        if (letters.length() > 0) {
            words.addAll(segment(letters.toString()));
            letters.setLength(0);
        }
    }

    /** The words of least total cost that spell {@code run}, keeping its case. */
    List<String> segment(String run) {
        String lower = run.toLowerCase(Locale.ROOT);
        int n = lower.length();
        if (lower.length() != run.length()) {
            return List.of(run);
        }
        float[] best = new float[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Float.POSITIVE_INFINITY);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = end - 1; start >= 0; start--) {
                if (best[start] == Float.POSITIVE_INFINITY) {
                    continue;
                }
                float cost = best[start] + wordCost(lower.substring(start, end));
                if (cost < best[end]) {
                    best[end] = cost;
                    from[end] = start;
                }
            }
        }
        List<String> words = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            words.add(0, run.substring(from[end], end));
        }
        return words;
    }

    private float wordCost(String word) {
        float known = word.length() <= vocabulary.longestWord() ? vocabulary.cost(word) : Float.POSITIVE_INFINITY;
        if (known != Float.POSITIVE_INFINITY) {
            return known;
        }
        // Beyond the length of most real words, a stretch of unknown letters is more likely several words.
        int beyondWordLength = Math.max(0, word.length() - LONG_WORD);
        return UNKNOWN_BASE_COST + UNKNOWN_COST_PER_LETTER * word.length() + UNKNOWN_COST_PER_LETTER_BEYOND * beyondWordLength;
    }
}
