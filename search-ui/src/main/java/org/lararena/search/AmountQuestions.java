package org.lararena.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A question that asks for an amount ("Hur många slutade röka?", "Vad kostar programmet?") and the passages that
 * answer one: its answer gives a figure or a number word ("sju av tio"), so among the passages that match the question
 * those rank higher ({@link RankingPart#ANSWER_IS_AN_AMOUNT}); and the word that asks for the amount is read without
 * its synonyms ({@link RankingPart#AMOUNT_WORD_WITHOUT_SYNONYMS}), which say nothing of what is counted.
 */
final class AmountQuestions {

    /** Words that, after {@code hur}, ask for an amount, a length, a time or a frequency (folded): "Hur många …?". */
    private static final Set<String> AMOUNT_AFTER_HUR = Set.of("manga", "mycket", "lange", "lang", "langt", "ofta", "stor", "stort",
            "stora", "gammal", "gamla", "snabbt", "fort");
    /** Verbs that, after {@code vad}, ask for a cost (folded): "Vad kostar …?". */
    private static final Set<String> COST_AFTER_VAD = Set.of("kostar", "kostade", "kostat", "kosta");

    /**
     * What a passage that gives an amount adds when the question asks for one: a figure of up to three digits (a year
     * is no amount) or a Swedish number word, in its exact forms. Set before any run at the weight of one field's
     * boost elsewhere in the passage query: it reorders passages that match the question, it does not make one match.
     */
    private static final float AMOUNT_SCORE = 1f;
    /** A figure of up to three digits, with decimals: {@code 48}, {@code 1,4}, {@code 70}; not a year. */
    static final String FIGURE = "[0-9]{1,3}([.,][0-9]+)?";
    /** Swedish number words and fractions as the exact forms hold them (lower-cased, folded); not "en" and "ett". */
    private static final List<String> NUMBER_WORDS = List.of("tva", "tre", "fyra", "fem", "sex", "sju", "atta", "nio", "tio", "elva", "tolv",
            "femton", "tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "attio", "nittio", "hundra", "tusen", "miljon",
            "miljoner", "halften", "halva", "tredjedel", "tredjedelar", "fjardedel", "fjardedelar", "femtedel", "femtedelar", "tiondel",
            "procent", "dubbelt", "varannan", "vartannat");
    /** A passage that gives an amount: a figure or a number word among its exact forms, scoring {@link #AMOUNT_SCORE}. */
    private static final Query ANSWERS_WITH_AN_AMOUNT = Query.of(q -> q.constantScore(c -> c.boost(AMOUNT_SCORE).filter(f -> f.bool(b -> b
            .should(s -> s.regexp(r -> r.field("text.exact").value(FIGURE)))
            .should(s -> s.terms(t -> t.field("text.exact").terms(v -> v.value(NUMBER_WORDS.stream().map(FieldValue::of).toList()))))))));

    private AmountQuestions() {
    }

    /**
     * Whether the question (its items as written) asks for an amount (how many, how much, how long, how often, what it
     * costs), which its answer gives as a figure or a number word: "Hur många slutade röka?" is answered "sju av tio".
     */
    static boolean asksForAnAmount(List<String> items) {
        if (items.size() < 2) {
            return false;
        }
        String first = QuestionReading.folded(items.get(0));
        String second = QuestionReading.folded(items.get(1));
        return first.equals("hur") && AMOUNT_AFTER_HUR.contains(second) || first.equals("vad") && COST_AFTER_VAD.contains(second);
    }

    /**
     * The word that asks for the amount in a question for one ({@code många} in "Hur många slutade röka?", {@code kostar}
     * in "Vad kostar …?"), as written; empty for any other query.
     */
    static Optional<String> amountWord(List<String> items) {
        return asksForAnAmount(items) ? Optional.of(items.get(1)) : Optional.empty();
    }

    /** The clause a question for an amount adds: {@link #AMOUNT_SCORE} for a passage that gives one, nothing else. */
    static Query answersWithAnAmount() {
        return ANSWERS_WITH_AN_AMOUNT;
    }
}
