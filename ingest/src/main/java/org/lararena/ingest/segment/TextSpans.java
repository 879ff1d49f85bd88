package org.lararena.ingest.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spans of a text: blocks between blank lines, sentences, word counts. Spans never start or end in whitespace. */
final class TextSpans {

    /** A stretch {@code [start, end)} of the text. */
    record Span(int start, int end) {
    }

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n\\s*");
    /** Abbreviations whose full stop ends no sentence ("t.ex." is checked as "t.ex"). */
    private static final Set<String> ABBREVIATIONS = Set.of("t.ex", "bl.a", "m.m", "m.fl", "osv", "dvs", "d.v.s", "o.s.v",
            "s.k", "ca", "nr", "kap", "jfr", "resp", "fr.o.m", "t.o.m", "etc", "prof", "dr", "st", "mfl", "tex", "bla", "ev", "inkl", "exkl");

    private TextSpans() {
    }

    /** The blocks of {@code [from, to)} separated by blank lines, trimmed. */
    static List<Span> blocks(String text, int from, int to) {
        List<Span> blocks = new ArrayList<>();
        Matcher separator = BLANK_LINE.matcher(text).region(from, to);
        int start = from;
        while (separator.find()) {
            addTrimmed(text, start, separator.start(), blocks);
            start = separator.end();
        }
        addTrimmed(text, start, to, blocks);
        return blocks;
    }

    /** The sentences and lines of {@code span}, trimmed: the units a long passage may be cut between. */
    static List<Span> sentences(String text, Span span) {
        List<Span> sentences = new ArrayList<>();
        int start = span.start();
        for (int i = span.start(); i < span.end(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                addTrimmed(text, start, i, sentences);
                start = i + 1;
            } else if ((c == '.' || c == '!' || c == '?' || c == '…') && endsSentence(text, i, span.end())) {
                int end = i + 1;
                while (end < span.end() && "\"')]”’".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                addTrimmed(text, start, end, sentences);
                start = end;
                i = end - 1;
            }
        }
        addTrimmed(text, start, span.end(), sentences);
        return sentences;
    }

    static int words(String text, Span span) {
        int words = 0;
        boolean inWord = false;
        for (int i = span.start(); i < span.end(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** Cuts a span of too many words at word boundaries, for a sentence longer than a passage may be. */
    static List<Span> byWords(String text, Span span, int maxWords) {
        List<Span> parts = new ArrayList<>();
        int start = span.start();
        int words = 0;
        boolean inWord = false;
        for (int i = span.start(); i < span.end(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                if (words == maxWords) {
                    addTrimmed(text, start, i, parts);
                    start = i;
                    words = 0;
                }
                words++;
            }
            inWord = !space;
        }
        addTrimmed(text, start, span.end(), parts);
        return parts;
    }

    private static boolean endsSentence(String text, int stop, int limit) {
        int next = stop + 1;
        while (next < limit && "\"')]”’".indexOf(text.charAt(next)) >= 0) {
            next++;
        }
        if (next >= limit) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(next))) {
            return false;
        }
        while (next < limit && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next >= limit) {
            return true;
        }
        char following = text.charAt(next);
        if (!(Character.isUpperCase(following) || Character.isDigit(following) || "\"'–-•(".indexOf(following) >= 0)) {
            return false;
        }
        if (text.charAt(stop) != '.') {
            return true;
        }
        int wordStart = stop;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, stop).toLowerCase(Locale.ROOT).replaceAll("^[\"'(]+", "");
        boolean initial = word.length() == 1 && Character.isLetter(word.charAt(0));
        return !initial && !ABBREVIATIONS.contains(word);
    }

    private static void addTrimmed(String text, int start, int end, List<Span> spans) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            spans.add(new Span(start, end));
        }
    }
}
