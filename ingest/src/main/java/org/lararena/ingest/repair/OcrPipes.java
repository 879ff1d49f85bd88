package org.lararena.ingest.repair;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OCR reads a capital I or a small l as a vertical bar: "|nom" for "Inom", "ti||" for "till". A word with bars
 * in it is repaired only when the repaired word is a known word: I at the start of a word (or in a word written
 * in capitals), l elsewhere. Bars with spaces around them, as in tables ("Namn | Roll"), are not inside a word
 * and are never touched; nor is a table row ("|a|b|") whose cells do not make a known word.
 */
final class OcrPipes {

    /** Letters and bars, with at least one of each: the candidates. */
    private static final Pattern WORD_WITH_BARS = Pattern.compile("[\\p{L}|]*\\|[\\p{L}|]*");
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
    /** More bars than this in one word: not an OCR slip but something else. */
    private static final int MAX_BARS = 4;

    private final Vocabulary vocabulary;

    OcrPipes(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    static boolean mayContainBars(String line) {
        return line.indexOf('|') >= 0;
    }

    /** The line with every repairable word repaired; the line itself when there is none. */
    String repair(String line) {
        if (!mayContainBars(line)) {
            return line;
        }
        Matcher word = WORD_WITH_BARS.matcher(line);
        StringBuilder out = null;
        int copied = 0;
        while (word.find()) {
            String candidate = word.group();
            if (!HAS_LETTER.matcher(candidate).find()) {
                continue;
            }
            String repaired = repairWord(candidate);
            if (repaired != null) {
                if (out == null) {
                    out = new StringBuilder(line.length());
                }
                out.append(line, copied, word.start()).append(repaired);
                copied = word.end();
            }
        }
        return out == null ? line : out.append(line, copied, line.length()).toString();
    }

    private String repairWord(String word) {
        long bars = word.chars().filter(c -> c == '|').count();
        if (bars > MAX_BARS || word.startsWith("||")) {
            return null;
        }
        String letters = word.replace("|", "");
        boolean capitals = letters.length() > 1 && letters.equals(letters.toUpperCase(Locale.ROOT));
        StringBuilder repaired = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            repaired.append(c != '|' ? c : (i == 0 || capitals) ? 'I' : 'l');
        }
        String result = repaired.toString();
        if (vocabulary.contains(result.toLowerCase(Locale.ROOT))) {
            return result;
        }
        // A bar at the start may be a small l too ("|ika" for "lika").
        if (word.charAt(0) == '|' && !capitals) {
            String lower = 'l' + result.substring(1);
            if (vocabulary.contains(lower)) {
                return lower;
            }
        }
        return null;
    }
}
