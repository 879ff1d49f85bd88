package org.lararena.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lararena.ontology.text.SwedishText;

/**
 * Reads a query written as a question ("Hur har andra piloter löst …?") as one: what it asks about, without the
 * words that only make it a question. The analysis already drops Swedish stop words (which hold the question words
 * {@code hur}, {@code vad}, {@code vilka}, {@code varför}, …); the words here frame a question without being stop
 * words ({@code finns}, {@code ska}, {@code andra}, …) and would otherwise count as much as what is asked about, and
 * make "most words must match" demand them.
 */
final class QuestionReading {

    /** Words a Swedish question opens with (folded): a query that opens with one, or ends with "?", is a question. */
    private static final Set<String> OPENERS = Set.of("hur", "vad", "vilka", "vilken", "vilket", "varfor", "nar", "var", "vem", "vems",
            "vart", "finns", "kan", "ska", "bor", "gar", "far", "har", "ar", "blir");
    /** Words that frame a question (folded); stop words are dropped by the analysis and need not be here. */
    private static final Set<String> FRAMING = Set.of("hur", "vad", "vilka", "vilken", "vilket", "varfor", "nar", "vem", "vems", "vart",
            "finns", "ska", "kan", "bor", "gar", "far", "gor", "andra", "ni", "man", "egentligen", "tips");

    private QuestionReading() {
    }

    /** Whether the query text is a question: it ends with a question mark or opens with a question word. */
    static boolean isQuestion(String text) {
        String trimmed = text.strip();
        if (trimmed.endsWith("?")) {
            return true;
        }
        int space = trimmed.indexOf(' ');
        String first = space < 0 ? trimmed : trimmed.substring(0, space);
        return space > 0 && OPENERS.contains(folded(first));
    }

    /**
     * The items of a question without its framing words (quoted phrases and exclusions stay as written); the items
     * themselves when nothing else would be left.
     */
    static List<String> whatIsAsked(List<String> items) {
        List<String> kept = items.stream().filter(item -> item.startsWith("\"") || !FRAMING.contains(folded(item))).toList();
        return kept.isEmpty() ? items : kept;
    }

    private static String folded(String word) {
        return SwedishText.fold(word.replaceAll("[?!.,:;]+$", "")).toLowerCase(Locale.ROOT);
    }
}
