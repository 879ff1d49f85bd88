package org.lararena.search;

/**
 * The parts of the ranking that work at query time, so that the search evaluation can leave one out and show what it
 * is worth on queries it was not tuned on (an ablation). The application always uses every part; no request can turn
 * one off.
 */
public enum RankingPart {
    /** The query's compounds also as their parts written apart, and long words a slip or an ending away. */
    LOOSER_READINGS,
    /** Passages annotated with a theme the query names, below those with the words. */
    THEME_EXPANSION,
    /** An interview answer found through the interviewer's question it answers. */
    QUESTION_FIELD,
    /**
     * The words of the question an interview answer answers count as the answer's own (weight 1, as its text); left
     * out, they weigh 0.3 ({@link PassageQuery#QUESTION_WEIGHING_LESS}).
     */
    QUESTION_AS_OWN_WORDS,
    /**
     * A question matched on its subject: the verbs that ask what something means or what someone thinks or says do not
     * count, and from two content words on half of them must match ({@link QuestionReading}).
     */
    QUESTION_SUBJECT,
    /**
     * A question that asks for an amount ("Hur många …?", "Vad kostar …?") ranks the passages that give a figure or a
     * number word higher among those that match it ({@link AmountQuestions#asksForAnAmount}).
     */
    ANSWER_IS_AN_AMOUNT,
    /**
     * A compound's parts found near each other in either order ({@code receptförnyelse}, <i>förnyelse av recept</i>),
     * not only standing together: the split looser reading as a phrase with room ({@link PassageQuery#PARTS_SLOP}).
     */
    PARTS_NEAR,
    /**
     * An action noun also read as the verb it is made from ({@code sårläkning}, <i>såren läker</i>; {@code inloggning},
     * <i>logga in</i>): the split looser reading of the query with its {@code -ning} and {@code -ing} nouns as verbs
     * ({@link VerbReading}).
     */
    VERB_READING,
    /**
     * A noun made of a particle and a verb's bare stem also read as its particle verb ({@code avhopp}, <i>hoppa
     * av</i>; {@code inköp}, <i>köpa in</i>) in the verb reading ({@link VerbReading#verbsOf(String, boolean)}).
     */
    PARTICLE_NOUNS,
    /**
     * A query word's general synonyms (Folkets synonymlexikon, {@link org.lararena.ontology.search.SwedishSynonyms}):
     * a passage that has the word or a synonym of it matches, word by word, as a looser reading, and a synonym in a
     * passage adds half of what the word would ({@link PassageQuery#SYNONYM_WEIGHT}).
     */
    SYNONYMS,
    /**
     * In a question for an amount, the word that asks for it ({@code många}, {@code mycket}, {@code länge},
     * {@code kostar}) is read without its synonyms ({@link AmountQuestions#amountWord}): they say nothing of what is
     * counted ({@code flera}, {@code massor}, {@code väldigt}).
     */
    AMOUNT_WORD_WITHOUT_SYNONYMS,
    /**
     * An interviewer's or a moderator's turn ranks below the answers: it asks, and the answer after it carries its
     * words as that answer's question, so a search for them finds the answer ({@link PassageQuery#ASKING_TURN_WEIGHT}).
     */
    ASKING_TURNS_BELOW_ANSWERS,
    /**
     * A passage is read inside its document: the query's words among the words its document uses most add half of what
     * they add in the passage itself ({@link PassageQuery#DOCUMENT_WORDS_WEIGHT}), so that among passages with the same
     * words those of a document about what is asked rank first.
     */
    DOCUMENT_CONTEXT,
    /**
     * A query of two keywords also finds the passages that hold one of them, as a looser reading
     * ({@link PassageQuery#LOOSER_READING_SCORE}): below those with both, as the rest of the looser readings are. Two
     * words both had to match, so an answer that says the second in other words was not found at all.
     */
    ONE_OF_TWO_KEYWORDS
}
