package org.lararena.ingest.repair;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Text after repair, with what is needed to audit or redo the repair and to tell each offset's page.
 *
 * @param text         the repaired text: paragraphs separated by a blank line, list items and other kept
 *                     lines by a single line break
 * @param originalText the text exactly as extracted
 * @param pageStarts   the offset in {@code text} where each page begins, in page order; empty when the
 *                     extracted text had no pages
 * @param pageNumbers  the number of each page: the number printed on it when the pages carry consistent
 *                     numbers (a report whose first extracted page is printed "3"), else its 1-based index;
 *                     same size as {@code pageStarts}
 * @param edits        every change made, in order
 */
public record RepairedText(String text, String originalText, List<Integer> pageStarts, List<Integer> pageNumbers,
        List<RepairEdit> edits) {

    public RepairedText {
        Objects.requireNonNull(text);
        Objects.requireNonNull(originalText);
        pageStarts = List.copyOf(pageStarts);
        pageNumbers = List.copyOf(pageNumbers);
        edits = List.copyOf(edits);
        if (pageStarts.size() != pageNumbers.size()) {
            throw new IllegalArgumentException("one page number per page start is needed");
        }
    }

    /** Whether the text has pages. */
    public boolean paged() {
        return !pageStarts.isEmpty();
    }

    /** The number of the page that holds {@code offset}, or {@code null} when the text has no pages. */
    public Integer pageAt(int offset) {
        if (pageStarts.isEmpty()) {
            return null;
        }
        int index = Collections.binarySearch(pageStarts, offset);
        if (index < 0) {
            index = Math.max(0, -index - 2);
        } else {
            // Several empty pages can start at one offset: the text there belongs to the last of them.
            while (index + 1 < pageStarts.size() && pageStarts.get(index + 1) == offset) {
                index++;
            }
        }
        return pageNumbers.get(index);
    }
}
