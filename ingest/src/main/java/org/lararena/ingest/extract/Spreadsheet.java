package org.lararena.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sheets of a spreadsheet as rows of cells, written out as text a researcher can search and code: each sheet a
 * page that starts with the sheet's name, each row with text a block of its own, every cell on its own line after its
 * column's header ("Fråga: Vad fungerade bäst?"). The first row is the header row when all its cells are words.
 * Rows and sheets of numbers only are left out: they are data, not text; a workbook of nothing else has no text.
 */
final class Spreadsheet {

    /** One sheet: its name (may be empty) and its rows of cell texts. */
    record Sheet(String name, List<List<String>> rows) {
    }

    private final List<Sheet> sheets = new ArrayList<>();

    void add(Sheet sheet) {
        sheets.add(sheet);
    }

    /** The text of each sheet with text, in order. */
    List<String> pages() {
        List<String> pages = new ArrayList<>();
        for (int s = 0; s < sheets.size(); s++) {
            String page = page(sheets.get(s), s + 1);
            if (page != null) {
                pages.add(page);
            }
        }
        return pages;
    }

    private static String page(Sheet sheet, int number) {
        List<List<String>> rows = sheet.rows().stream().filter(row -> row.stream().anyMatch(cell -> !cell.isBlank())).toList();
        if (rows.isEmpty()) {
            return null;
        }
        List<String> headers = rows.get(0).stream().filter(cell -> !cell.isBlank()).allMatch(Spreadsheet::hasLetters) && rows.size() > 1
                ? rows.get(0) : List.of();
        StringBuilder page = new StringBuilder(sheet.name().isBlank() ? "Blad " + number : sheet.name().strip());
        boolean anyText = false;
        for (List<String> row : headers.isEmpty() ? rows : rows.subList(1, rows.size())) {
            if (row.stream().noneMatch(Spreadsheet::hasLetters)) {
                continue;
            }
            anyText = true;
            page.append("\n\n");
            boolean first = true;
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c).strip().replaceAll("\\s*\\n\\s*", " ");
                if (cell.isEmpty()) {
                    continue;
                }
                String header = c < headers.size() ? headers.get(c).strip().replaceAll("\\s+", " ") : "";
                page.append(first ? "" : "\n").append(header.isEmpty() ? cell : header + ": " + cell);
                first = false;
            }
        }
        return anyText ? page.toString() : null;
    }

    static boolean hasLetters(String cell) {
        return cell.codePoints().anyMatch(Character::isLetter)
                // A date or a number with a unit is not text.
                && !cell.strip().toLowerCase(Locale.ROOT).matches("[-+]?[\\d\\s.,:/%]*(kr|sek|st|h|min|e|true|false)?");
    }
}
