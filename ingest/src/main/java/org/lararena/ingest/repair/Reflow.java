package org.lararena.ingest.repair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.lararena.ingest.repair.RepairEdit.Kind;

/**
 * Rejoins the lines of paragraphs that extraction broke, and keeps the breaks that mean something.
 *
 * <p>Extraction from PDF ends every printed line with a line break and often puts a blank line after each
 * (double spacing); Word files give a paragraph per line. For each page the spacing style is found first
 * (when most gaps between lines are one blank line, a single blank line is only a line break, and a paragraph
 * needs two). Then each pair of adjacent lines is joined as one word (hyphenation), with a space (same
 * paragraph), kept as a separate line (list items) or separated as paragraphs, by their shape: sentence ends,
 * bullets, speaker labels, headings in capitals, and how full the first line is.
 */
final class Reflow {

    /** One line of extracted text, stripped, with the page it is on and the blank lines before it. */
    record Line(String text, int page, int blankLinesBefore) {
    }

    /** The reflowed text and the offset where each page's first line begins. */
    record Result(String text, List<Integer> pageStarts, List<RepairEdit> edits) {
    }

    private enum Join { WORD, KEEP_HYPHEN, SPACE, LINE, PARAGRAPH }

    private final LineHandling handling;

    Reflow(LineHandling handling) {
        this.handling = handling;
    }

    private static final Pattern BULLET = Pattern.compile("^(?:[•●○◦▪■□►▸‣⁃∙·*]|[-–—](?=\\s)|\\d{1,2}[.)](?=\\s)|[a-zåäö][.)](?=\\s)).*");
    private static final Pattern SPEAKER_LABEL = Pattern.compile(
            "^(?:[\\p{Lu}][\\p{Lu}\\p{N} .'\\-]{0,30}|[\\p{Lu}][\\p{Ll}]+(?: [\\p{Lu}][\\p{Ll}]+)?):\\s.*");
    /** Words after which a line-end hyphen is a real one: "hälso- och sjukvård", "vård- eller omsorgsbehov". */
    /**
     * No printed line is longer than this: a longer line is a whole paragraph (a text or Word file), so a blank
     * line after it is a paragraph break even in a document whose other lines are double-spaced.
     */
    private static final int LONGEST_PRINTED_LINE = 160;
    private static final Set<String> CONJUNCTIONS_AFTER_HYPHEN = Set.of("och", "eller", "samt", "respektive", "resp.", "till", "som", "men");

    Result reflow(List<Line> lines, int pageCount) {
        boolean[] doubleSpaced = doubleSpacedPages(lines, pageCount);
        int width = typicalWidth(lines);
        StringBuilder out = new StringBuilder();
        int[] pageStarts = new int[pageCount];
        Arrays.fill(pageStarts, -1);
        List<RepairEdit> edits = new ArrayList<>();
        Line previous = null;
        boolean inListItem = false;
        for (Line line : lines) {
            boolean continuesLine = false;
            if (line.text().isEmpty()) {
                continue;
            }
            if (previous != null) {
                boolean paragraphGap = line.page() == previous.page()
                        && line.blankLinesBefore() >= (doubleSpaced[line.page()] && isPrintedLine(previous) ? 2 : 1);
                Join join = paragraphGap ? Join.PARAGRAPH
                        : handling == LineHandling.KEEP ? Join.LINE
                        : join(previous.text(), line.text(), width, inListItem);
                continuesLine = join == Join.WORD || join == Join.KEEP_HYPHEN || join == Join.SPACE;
                switch (join) {
                    case WORD -> {
                        out.setLength(out.length() - 1);
                        edits.add(new RepairEdit(Kind.HYPHENATION_JOINED, line.page() + 1,
                                lastWord(previous.text()) + "\n" + firstWord(line.text()),
                                lastWord(previous.text()).replaceAll("-$", "") + firstWord(line.text()), 1));
                    }
                    case KEEP_HYPHEN -> {
                        // Nothing between: "e-" + "hälsa", "Covid-" + "19".
                    }
                    case SPACE -> out.append(' ');
                    case LINE -> out.append('\n');
                    case PARAGRAPH -> out.append("\n\n");
                }
            }
            inListItem = BULLET.matcher(line.text()).matches() || inListItem && continuesLine;
            if (pageStarts[line.page()] == -1) {
                pageStarts[line.page()] = out.length();
            }
            out.append(line.text());
            previous = line;
        }
        List<Integer> starts = new ArrayList<>();
        int next = out.length();
        for (int p = pageCount - 1; p >= 0; p--) {
            next = pageStarts[p] == -1 ? next : pageStarts[p];
            starts.add(0, next);
        }
        return new Result(out.toString(), starts, edits);
    }

    private static Join join(String a, String b, int width, boolean inListItem) {
        if (SPEAKER_LABEL.matcher(b).matches() || b.startsWith("#") || a.startsWith("#")) {
            return Join.PARAGRAPH;
        }
        if (BULLET.matcher(b).matches()) {
            return Join.LINE;
        }
        char first = b.charAt(0);
        boolean lowerStart = Character.isLowerCase(first);
        String hyphenated = wordBeforeFinalHyphen(a);
        if (hyphenated != null) {
            return hyphenJoin(hyphenated, b);
        }
        if (endsSentence(a)) {
            return lowerStart ? Join.SPACE : Join.PARAGRAPH;
        }
        if (a.endsWith(":")) {
            return lowerStart ? Join.SPACE : Join.LINE;
        }
        if (inListItem && !inCapitals(b)) {
            // The wrapped rest of a list item, even when it starts with a name.
            return Join.SPACE;
        }
        boolean capitalsA = inCapitals(a);
        boolean capitalsB = inCapitals(b);
        if (capitalsA && capitalsB) {
            return Join.SPACE;
        }
        if (capitalsA || capitalsB) {
            return Join.PARAGRAPH;
        }
        if (lowerStart) {
            return Join.SPACE;
        }
        // A short line without a full stop, then a capital: a heading or a caption, not a wrapped line.
        return a.length() < 0.6 * width ? Join.PARAGRAPH : Join.SPACE;
    }

    private static Join hyphenJoin(String fragment, String b) {
        char first = b.charAt(0);
        if (!Character.isLowerCase(first)) {
            return Join.KEEP_HYPHEN;
        }
        if (CONJUNCTIONS_AFTER_HYPHEN.contains(firstWord(b).replaceAll("[,.;:]$", ""))) {
            return Join.SPACE;
        }
        boolean acronym = fragment.length() > 1 && fragment.chars().allMatch(Character::isUpperCase);
        if (fragment.length() == 1 || acronym) {
            return Join.KEEP_HYPHEN;
        }
        return Join.WORD;
    }

    /** The letters just before a final hyphen ("sam" of "våra sam-"), or {@code null} when the line does not end so. */
    private static String wordBeforeFinalHyphen(String line) {
        int hyphen = line.length() - 1;
        if (hyphen < 1 || line.charAt(hyphen) != '-' || !Character.isLetter(line.charAt(hyphen - 1))) {
            return null;
        }
        int start = hyphen - 1;
        while (start > 0 && Character.isLetter(line.charAt(start - 1))) {
            start--;
        }
        return line.substring(start, hyphen);
    }

    /** Whether a line ends a sentence: . ! ? or … , perhaps followed by closing quotes or brackets. */
    private static boolean endsSentence(String line) {
        int i = line.length() - 1;
        while (i >= 0 && "\"')]".indexOf(line.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && ".!?…".indexOf(line.charAt(i)) >= 0;
    }

    /** Whether a line's letters are (nearly) all capitals, as in a heading; needs a few letters to tell. */
    private static boolean inCapitals(String line) {
        int letters = 0;
        int capitals = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            }
        }
        return letters >= 4 && capitals >= 0.9 * letters;
    }

    private static boolean[] doubleSpacedPages(List<Line> lines, int pageCount) {
        int[] adjacent = new int[pageCount];
        int[] oneBlank = new int[pageCount];
        Line previous = null;
        for (Line line : lines) {
            if (line.text().isEmpty()) {
                continue;
            }
            // Only the gap after a printed line tells the spacing: after a whole paragraph a blank line is a break.
            if (previous != null && isPrintedLine(previous)) {
                if (line.blankLinesBefore() == 0) {
                    adjacent[line.page()]++;
                } else if (line.blankLinesBefore() == 1) {
                    oneBlank[line.page()]++;
                }
            }
            previous = line;
        }
        int allAdjacent = Arrays.stream(adjacent).sum();
        int allOneBlank = Arrays.stream(oneBlank).sum();
        boolean documentDoubleSpaced = allOneBlank > allAdjacent;
        boolean[] doubleSpaced = new boolean[pageCount];
        for (int p = 0; p < pageCount; p++) {
            int gaps = adjacent[p] + oneBlank[p];
            doubleSpaced[p] = gaps < 3 ? documentDoubleSpaced : oneBlank[p] > adjacent[p];
        }
        return doubleSpaced;
    }

    private static boolean isPrintedLine(Line line) {
        return line.text().length() <= LONGEST_PRINTED_LINE;
    }

    /** The length most full lines reach: the 80th percentile of line lengths. */
    private static int typicalWidth(List<Line> lines) {
        int[] lengths = lines.stream().filter(line -> !line.text().isEmpty()).mapToInt(line -> line.text().length()).sorted().toArray();
        return lengths.length == 0 ? 80 : Math.max(30, lengths[(int) (lengths.length * 0.8)]);
    }

    private static String firstWord(String line) {
        int end = line.indexOf(' ');
        return end < 0 ? line : line.substring(0, end);
    }

    private static String lastWord(String line) {
        return line.substring(line.lastIndexOf(' ') + 1);
    }
}
