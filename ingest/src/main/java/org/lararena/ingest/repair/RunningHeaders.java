package org.lararena.ingest.repair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lararena.ingest.repair.RepairEdit.Kind;

/**
 * Finds and removes running headers, footers and page numbers, and reads the page numbers they carry.
 *
 * <p>A header or footer is a line near the top or bottom of a page that recurs, digits aside, on several
 * pages ("HÄLSOLABB – LÄGESRAPPORT 3", "... 4"). A page number is a line of only a number (or "Sida 3",
 * "3 (24)", "- 3 -") near the top or bottom of a page. In text without pages, only a number standing alone
 * between blank lines is taken for a page number.
 */
final class RunningHeaders {

    /** How many non-blank lines at each end of a page may be header or footer. */
    private static final int EDGE_LINES = 3;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^(?:sida|sid\\.|s\\.|page|p\\.)?\\s*[-–—]?\\s*(\\d{1,4})\\s*[-–—]?\\s*(?:(?:av|of|/)\\s*\\d{1,4}|\\(\\s*\\d{1,4}\\s*\\))?$");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");

    /** Pages with their header and footer lines removed, the number printed on each page (or null), and the edits. */
    record Result(List<List<String>> pages, List<Integer> printedNumbers, List<RepairEdit> edits) {
    }

    Result remove(List<List<String>> pages) {
        List<RepairEdit> edits = new ArrayList<>();
        List<Integer> printed = new ArrayList<>();
        List<List<String>> cleaned = new ArrayList<>();
        if (pages.size() < 2) {
            List<String> lines = pages.isEmpty() ? List.of() : pages.get(0);
            cleaned.add(removeIsolatedNumbers(lines, edits));
            printed.add(null);
            return new Result(cleaned, printed, edits);
        }
        Set<String> recurring = recurringEdgeLines(pages);
        for (int p = 0; p < pages.size(); p++) {
            List<String> lines = new ArrayList<>(pages.get(p));
            Integer number = null;
            Integer headerNumber = null;
            Set<Integer> edge = edgeIndexes(lines);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (edge.contains(i)) {
                    Matcher pageNumber = PAGE_NUMBER.matcher(line.strip());
                    if (pageNumber.matches()) {
                        number = number == null ? Integer.valueOf(pageNumber.group(1)) : number;
                        edits.add(new RepairEdit(Kind.PAGE_NUMBER_REMOVED, p + 1, line, "", 1));
                        continue;
                    }
                    if (recurring.contains(key(line))) {
                        Matcher digits = NUMBER.matcher(line);
                        if (headerNumber == null && digits.find()) {
                            headerNumber = Integer.valueOf(digits.group());
                        }
                        edits.add(new RepairEdit(Kind.RUNNING_HEADER_REMOVED, p + 1, line, "", 1));
                        continue;
                    }
                }
                kept.add(line);
            }
            cleaned.add(kept);
            // A number alone on its line is surely the page number; a header's digits may be a year.
            printed.add(number != null ? number : headerNumber);
        }
        return new Result(cleaned, printed, edits);
    }

    /**
     * The page numbers to show: printed numbers when most numbered pages agree on one offset from their
     * position (then pages without a number get theirs from the offset), else 1-based positions.
     */
    static List<Integer> pageNumbers(List<Integer> printed) {
        Map<Integer, Integer> offsets = new HashMap<>();
        int numbered = 0;
        for (int i = 0; i < printed.size(); i++) {
            if (printed.get(i) != null) {
                numbered++;
                offsets.merge(printed.get(i) - (i + 1), 1, Integer::sum);
            }
        }
        int offset = 0;
        if (numbered > 0) {
            Map.Entry<Integer, Integer> common = offsets.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            if (common.getValue() * 2 > numbered && common.getKey() >= 0) {
                offset = common.getKey();
            }
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < printed.size(); i++) {
            numbers.add(i + 1 + offset);
        }
        return numbers;
    }

    private static Set<String> recurringEdgeLines(List<List<String>> pages) {
        Map<String, Integer> pagesWithLine = new HashMap<>();
        for (List<String> lines : pages) {
            Set<String> seen = new HashSet<>();
            for (int i : edgeIndexes(lines)) {
                String key = key(lines.get(i));
                if (key.length() >= 3 && seen.add(key)) {
                    pagesWithLine.merge(key, 1, Integer::sum);
                }
            }
        }
        int needed = Math.max(2, (int) Math.ceil(pages.size() * 0.3));
        Set<String> recurring = new HashSet<>();
        pagesWithLine.forEach((key, count) -> {
            if (count >= needed) {
                recurring.add(key);
            }
        });
        return recurring;
    }

    /** The indexes of the first and last few non-blank lines. */
    private static Set<Integer> edgeIndexes(List<String> lines) {
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                nonBlank.add(i);
            }
        }
        Set<Integer> edge = new HashSet<>();
        for (int k = 0; k < Math.min(EDGE_LINES, nonBlank.size()); k++) {
            edge.add(nonBlank.get(k));
            edge.add(nonBlank.get(nonBlank.size() - 1 - k));
        }
        return edge;
    }

    /** A line with its digits masked and its case and spacing ignored, so "RAPPORT 3" and "Rapport 4" match. */
    private static String key(String line) {
        return line.strip().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ");
    }

    private static List<String> removeIsolatedNumbers(List<String> lines, List<RepairEdit> edits) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean blankBefore = i == 0 || lines.get(i - 1).isBlank();
            boolean blankAfter = i == lines.size() - 1 || lines.get(i + 1).isBlank();
            if (blankBefore && blankAfter && line.strip().matches("\\d{1,3}")) {
                edits.add(new RepairEdit(Kind.PAGE_NUMBER_REMOVED, null, line, "", 1));
                continue;
            }
            kept.add(line);
        }
        return kept;
    }
}
