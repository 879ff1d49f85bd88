package org.lararena.search;

import java.util.List;
import java.util.Set;
import org.lararena.ontology.text.SwedishText;

/**
 * Reads a query written as a question ("Hur har andra piloter löst …?") as one: what it asks about, without the
 * words that only make it a question. The analysis already drops Swedish stop words (which hold the question words
 * {@code hur}, {@code vad}, {@code vilka}, {@code varför}, …); the words here frame a question without being stop
 * words ({@code finns}, {@code ska}, {@code andra}, …) and would otherwise count as much as what is asked about, and
 * make "most words must match" demand them. So are the verbs that ask what something means or what someone thinks
 * or says ({@code innebär}, {@code tycker}, …), which the answer does not repeat.
 */
final class QuestionReading {

    /** Words a Swedish question opens with (folded): a query that opens with one, or ends with "?", is a question. */
    private static final Set<String> OPENERS = Set.of("hur", "vad", "vilka", "vilken", "vilket", "varfor", "nar", "var", "vem", "vems",
            "vart", "finns", "kan", "ska", "bor", "gar", "far", "har", "ar", "blir");
    /** Words that frame a question (folded); stop words are dropped by the analysis and need not be here. */
    private static final Set<String> FRAMING = Set.of("hur", "vad", "vilka", "vilken", "vilket", "varfor", "nar", "vem", "vems", "vart",
            "finns", "ska", "kan", "bor", "gar", "far", "gor", "andra", "ni", "man", "egentligen", "tips");
    /**
     * Verbs that ask what something means or what someone thinks, says or experiences (folded): "Vad innebär X?", "Vad
     * tycker patienterna om Y?". The answer states the meaning or the opinion without the verb (an interviewer asked
     * "Vad menar ni med X?" where the reader asks "Vad innebär X?"), so they frame the question as its question words do.
     */
    private static final Set<String> ASKING_VERBS = Set.of("innebar", "betyder", "betydde", "menar", "menade", "menas", "avses", "avser",
            "handlar", "tycker", "tyckte", "tycks", "anser", "ansag", "sager", "sade", "tror", "trodde", "tanker", "upplever", "upplevde");

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
     * themselves when nothing else would be left. Without {@code askingVerbsFrame} the verbs that ask count as content
     * words (the evaluation's ablation, {@link RankingPart#QUESTION_SUBJECT}).
     */
    static List<String> whatIsAsked(List<String> items, boolean askingVerbsFrame) {
        List<String> kept = items.stream().filter(item -> item.startsWith("\"") || !frames(folded(item), askingVerbsFrame)).toList();
        return kept.isEmpty() ? items : kept;
    }

    private static boolean frames(String word, boolean askingVerbsFrame) {
        return FRAMING.contains(word) || askingVerbsFrame && ASKING_VERBS.contains(word);
    }

    static String folded(String word) {
        return SwedishText.fold(PassageQuery.bare(word));
    }
}
