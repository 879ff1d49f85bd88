package org.lararena.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lararena.ingest.index.DocumentWords;
import org.lararena.ingest.index.PassageFacetFields;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.pipeline.SpeakerRoles;
import org.lararena.ontology.search.SwedishSynonyms;

/**
 * The relevance part of a passage search, from the query text as people write it. The strict reading decides: the
 * Swedish-analysed text (stemmed, decompounded, folded, stop words dropped), so the rarer of the query's content words
 * count most; an interview answer is also found through the question it answers, whose words count as its own. The
 * folded exact words (an exact form ranks above a loose one) and word pairs (words that stand together rank above
 * words far apart) add to it. Most words must match, not all, so a whole question still finds answers, and a question
 * is read without the words that frame it ({@link QuestionReading}); {@code -word} always excludes; an explicit
 * {@code OR} is taken as the user wrote it. Without quotes, two looser readings add recall at a small constant score,
 * below any passage with the words: the query's compounds split into their parts ({@code baslinjeintervjuer} finds
 * {@code baslinje-intervjuerna}) and long words with a slip or another ending ({@code nyckelfritt}, {@code nyckelfria}).
 */
final class PassageQuery {

    /**
     * {@code question}: the question an interview answer answers. An answer seldom repeats what was asked ("Hur
     * samarbetar ni med kommunen?" is answered about "vi" and "dem"), yet it is about what was asked, so the question's
     * words count as the answer's own.
     */
    static final List<String> FIELDS = List.of("text", "text.stems", "text.exact^2", "title^0.5", "question");
    /**
     * The strict reading's fields: all analysed with stop words dropped, so only what the query is about counts (and
     * counts towards "most words must match"); the exact forms add to it from {@code text.exact}, through an analyzer
     * that drops stop words too ({@link #EXACT_SEARCH_ANALYZER}).
     */
    static final List<String> STRICT_FIELDS = List.of("text", "text.stems", "title^0.5", "question");
    /** {@link #STRICT_FIELDS} without the question an answer answers (the evaluation's ablation only). */
    static final List<String> STRICT_FIELDS_WITHOUT_QUESTION = STRICT_FIELDS.stream().filter(f -> !f.startsWith("question")).toList();
    /** The question an answer answers weighing less than the answer's own words (the evaluation's ablation only). */
    static final String QUESTION_WEIGHING_LESS = "question^0.3";
    /** {@link #STRICT_FIELDS} with {@link #QUESTION_WEIGHING_LESS} (the evaluation's ablation only). */
    static final List<String> STRICT_FIELDS_QUESTION_WEIGHING_LESS = STRICT_FIELDS.stream()
            .map(f -> f.equals("question") ? QUESTION_WEIGHING_LESS : f).toList();
    /** The search analyzer (of the passage index) for the exact forms: lower-cased, folded, stop words dropped. */
    static final String EXACT_SEARCH_ANALYZER = "sv_exact_search";
    /** What the exact form weighs inside a phrase or an explicit OR (as the strict reading's fields do). */
    static final float EXACT_BOOST = 2f;
    /** What the exact forms add beside the strict reading: a tie-breaker between inflections, not a second match. */
    static final float EXACT_FORM_BOOST = 1f;
    static final float SHINGLE_BOOST = 1.5f;
    /** What a looser reading alone scores: below any passage with the words themselves. */
    static final float LOOSER_READING_SCORE = 0.3f;
    /**
     * With a quoted phrase: {@code text.stems} (a second stemmer, for inflections the first misses) and
     * {@code question} have no exact sub-field, so a phrase would lose its stop words there and match loosely.
     */
    static final List<String> PHRASE_FIELDS = List.of("text", "text.exact^2", "title^0.5");
    /** What a passage annotated with a theme the query names scores without its words: below any literal match. */
    static final float THEME_ONLY_SCORE = 0.3f;
    /** Up to two words all must match; beyond that seven in ten. */
    static final String MINIMUM_SHOULD_MATCH = "2<70%";
    /**
     * Of what a question asks about, from two words on half must match: answers seldom repeat a whole question, and an
     * interview answer may hold the words of its question only in its {@code question} field.
     */
    static final String QUESTION_MINIMUM_SHOULD_MATCH = "1<50%";
    /** {@link #QUESTION_MINIMUM_SHOULD_MATCH} as it is without {@link RankingPart#QUESTION_SUBJECT}: two words both must match. */
    static final String QUESTION_MINIMUM_SHOULD_MATCH_OF_TWO = "2<50%";
    /** The search analyzer (of the passage index) that writes the query's compounds apart. */
    static final String SPLIT_ANALYZER = "sv_search_split";
    /**
     * How far a query compound's parts may stand apart in the split reading, as a phrase's slop: either order, with up
     * to two words between ({@code receptförnyelse} finds <i>förnyelse av recept</i>; the reversed order costs two of
     * the four). Swedish writes a compound's meaning out as its head, a preposition and its modifier; a wider window
     * reaches parts that are about something else.
     */
    static final int PARTS_SLOP = 4;
    /**
     * What a synonym of a query word weighs against the word itself ({@link RankingPart#SYNONYMS}): half. It says the
     * same thing in other words, but less surely, as a word has other senses ({@code ledning} is also a cable). Set
     * before any run, not tuned: a passage with every word of the query still ranks above one with their synonyms.
     */
    static final float SYNONYM_WEIGHT = 0.5f;
    /**
     * What an interviewer's or a moderator's turn scores against its words' worth ({@link RankingPart#ASKING_TURNS_BELOW_ANSWERS}):
     * a hundredth, so that it ranks below the answers that match at all. A pilot asks for lessons, and a question holds
     * none; the answer after it carries the question's words in its {@code question} field, where the question itself
     * has them in its text, its stems, its exact forms and its word pairs, and where they are common (every answer's
     * field is a question), so even at a quarter a question outranked its own answer. The turn is still found, last.
     */
    static final float ASKING_TURN_WEIGHT = 0.01f;
    /**
     * What a query word among its document's words ({@code documentWords}, the terms the document uses most) adds to a
     * passage that matches the query, against what the word adds in the passage itself: half. A passage is read
     * inside its document, and among passages with the same words those of a document about what is asked are likelier
     * the answer (a slide's few words, an answer that names its subject once, if at all); the passage's own words
     * still count most. Set before any run, not tuned ({@link RankingPart#DOCUMENT_CONTEXT}).
     */
    static final float DOCUMENT_WORDS_WEIGHT = 0.5f;
    /** Edits a word may be off by: none below 7 letters, one up to 10, two from 11 ({@code nyckelfritt}/{@code nyckelfria}). */
    static final String FUZZINESS = "AUTO:7,11";
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{Punct}+$");
    private static final List<SimpleQueryStringFlag> FLAGS = List.of(SimpleQueryStringFlag.And, SimpleQueryStringFlag.Or,
            SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Precedence,
            SimpleQueryStringFlag.Whitespace, SimpleQueryStringFlag.Escape);

    /** {@link #FLAGS} and a phrase's slop ({@code "…"~4}), for the split reading with room only: users' queries never get it. */
    private static final List<SimpleQueryStringFlag> FLAGS_WITH_SLOP = Stream.concat(FLAGS.stream(), Stream.of(SimpleQueryStringFlag.Slop)).toList();

    private PassageQuery() {
    }

    /**
     * The query, and when the text names themes ({@code themeIris}: concepts of the ontology the annotator found in
     * it), also the passages annotated with them (or a narrower concept) whose words differ, with a small constant
     * score so they rank below passages that have the words.
     */
    static Query of(SearchRequest request, Set<String> themeIris) {
        return of(request, themeIris, Set.of());
    }

    /** As {@link #of(SearchRequest, Set)}, without the parts in {@code leftOut} (the evaluation's ablation; empty in the application). */
    static Query of(SearchRequest request, Set<String> themeIris, Set<RankingPart> leftOut) {
        return of(request, themeIris, leftOut, PassageFacetFields.THEMES);
    }

    /** As {@link #of(SearchRequest, Set, Set)}, finding the named themes in {@code themeField} (the reviewed themes alone, or all). */
    static Query of(SearchRequest request, Set<String> themeIris, Set<RankingPart> leftOut, String themeField) {
        return of(request, themeIris, leftOut, themeField, SwedishSynonyms.none());
    }

    /**
     * As {@link #of(SearchRequest, Set, Set, String)}, with the general Swedish synonyms of {@code synonyms} (the
     * caller's: {@link PassageSearch} reads the installed thesaurus once; building a query reads no file).
     */
    static Query of(SearchRequest request, Set<String> themeIris, Set<RankingPart> leftOut, String themeField, SwedishSynonyms synonyms) {
        return of(QueryText.of(request), themeIris, leftOut, themeField, synonyms);
    }

    /** As {@link #of(SearchRequest, Set, Set, String, SwedishSynonyms)}, of a query text already read. */
    static Query of(QueryText text, Set<String> themeIris, Set<RankingPart> leftOut, String themeField, SwedishSynonyms synonyms) {
        Query relevance = wordsAndThemes(text, themeIris, leftOut, themeField, synonyms);
        Query ranked = !text.hasText() || leftOut.contains(RankingPart.ASKING_TURNS_BELOW_ANSWERS) ? relevance : askingTurnsBelowAnswers(relevance);
        // Kept to the passages with both of two keywords when asked: a filter, so what Sök and Analys count is what the
        // count of both gave, and the ranking among them is unchanged.
        return onlyBothKeywords(text, leftOut).map(both -> Query.of(q -> q.bool(b -> b.must(ranked).filter(both)))).orElse(ranked);
    }

    /**
     * The passages with both of two keywords ({@link #bothOfTwoKeywords}) when the request asks to keep only those
     * ({@link SearchRequest#bothKeywords}); empty when it does not, or its query is not two keywords.
     */
    static Optional<Query> onlyBothKeywords(QueryText text, Set<RankingPart> leftOut) {
        return text.bothKeywords() ? bothOfTwoKeywords(text, leftOut) : Optional.empty();
    }

    /**
     * {@code relevance} with the turns of an interviewer or a moderator ({@link SpeakerRoles#QUESTIONING}) scoring
     * {@link #ASKING_TURN_WEIGHT} of it: they still match, below the answers.
     */
    private static Query askingTurnsBelowAnswers(Query relevance) {
        List<FieldValue> roles = SpeakerRoles.QUESTIONING.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.boosting(b -> b.positive(relevance).negativeBoost(ASKING_TURN_WEIGHT)
                .negative(n -> n.terms(t -> t.field(SpeakerRoles.FIELD).terms(v -> v.value(roles))))));
    }

    /** The words of the request, and the passages annotated with the themes it names ({@link #of(SearchRequest, Set)}). */
    private static Query wordsAndThemes(QueryText text, Set<String> themeIris, Set<RankingPart> leftOut, String themeField,
                                        SwedishSynonyms synonyms) {
        Query words = words(text, leftOut, synonyms);
        if (themeIris.isEmpty() || !text.hasText() || leftOut.contains(RankingPart.THEME_EXPANSION)) {
            return words;
        }
        List<FieldValue> iris = themeIris.stream().sorted().map(FieldValue::of).toList();
        return Query.of(q -> q.bool(b -> {
            b.should(words).should(s -> s.constantScore(c -> c.boost(THEME_ONLY_SCORE)
                    .filter(f -> f.terms(t -> t.field(themeField).terms(v -> v.value(iris)))))).minimumShouldMatch("1");
            if (!text.negative().isEmpty()) {
                b.mustNot(simple(String.join(" | ", text.negative()), Operator.Or, null));
            }
            return b;
        }));
    }

    static Query of(SearchRequest request) {
        return words(QueryText.of(request), Set.of(), SwedishSynonyms.none());
    }

    /**
     * The words and phrases of the request (not the themes it names), without the parts in {@code leftOut}. Without
     * quotes, the strict reading (the words as the Swedish analysis reads them, stop words dropped) decides which
     * passages match and how they rank; the exact forms, the words standing together, and the looser readings add to
     * that. A looser reading alone scores a small constant, so a passage found only through it ranks below those
     * with the words, and among those it breaks ties. A question is read without the words that frame it. A query
     * word's general synonyms count at {@link #SYNONYM_WEIGHT} of the word ({@link RankingPart#SYNONYMS}).
     */
    private static Query words(QueryText text, Set<RankingPart> leftOut, SwedishSynonyms synonyms) {
        List<String> fields = strictFields(leftOut);
        if (!text.hasText()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        if (text.explicitOr()) {
            return simple(text.simpleQueryString(), Operator.And, null, withExact(fields));
        }
        boolean question = text.question();
        boolean subject = !leftOut.contains(RankingPart.QUESTION_SUBJECT);
        List<String> items = question ? QuestionReading.whatIsAsked(text.positive(), subject) : text.positive();
        String positive = String.join(" ", items);
        String minimumShouldMatch = !question ? MINIMUM_SHOULD_MATCH : subject ? QUESTION_MINIMUM_SHOULD_MATCH : QUESTION_MINIMUM_SHOULD_MATCH_OF_TWO;
        return Query.of(q -> q.bool(b -> {
            if (items.isEmpty()) {
                b.must(m -> m.matchAll(a -> a));
            } else if (positive.contains("\"")) {
                b.must(simple(positive, Operator.Or, MINIMUM_SHOULD_MATCH, withExact(fields)));
            } else {
                Query strict = simple(positive, Operator.Or, minimumShouldMatch, fields);
                Optional<String> amountWord = question && !leftOut.contains(RankingPart.AMOUNT_WORD_WITHOUT_SYNONYMS)
                        ? AmountQuestions.amountWord(text.positive()) : Optional.empty();
                SwedishSynonyms read = leftOut.contains(RankingPart.SYNONYMS) ? SwedishSynonyms.none() : synonyms;
                List<List<String>> synonymsOfItems = items.stream()
                        .map(item -> amountWord.equals(Optional.of(item)) ? List.<String>of() : read.of(bare(item))).toList();
                List<Query> wordReadings = Stream.concat(synonymReading(items, synonymsOfItems, minimumShouldMatch).stream(),
                        oneOfTwoKeywords(items, question, fields, leftOut).stream()).toList();
                b.must(leftOut.contains(RankingPart.LOOSER_READINGS) ? strict
                        : withLooserReadings(strict, positive, minimumShouldMatch, leftOut, wordReadings));
                b.should(exactForms(positive));
                b.should(synonymScores(synonymsOfItems));
                if (!leftOut.contains(RankingPart.DOCUMENT_CONTEXT)) {
                    b.should(documentContext(positive));
                }
            }
            if (!items.isEmpty()) {
                String words = positive.replace("\"", "");
                b.should(s -> s.matchPhrase(p -> p.field("text.shingles").query(words).slop(1).boost(SHINGLE_BOOST)));
                b.should(s -> s.matchPhrase(p -> p.field("text.exact").query(words).boost(EXACT_BOOST)));
            }
            if (question && !leftOut.contains(RankingPart.ANSWER_IS_AN_AMOUNT) && AmountQuestions.asksForAnAmount(text.positive())) {
                b.should(AmountQuestions.answersWithAnAmount());
            }
            if (!text.negative().isEmpty()) {
                b.mustNot(simple(String.join(" | ", text.negative()), Operator.Or, null));
            }
            return b;
        }));
    }

    /**
     * The strict reading, or else a looser one at a small constant score: the query's compounds as their parts written
     * apart (a phrase of the parts, as for a multi-word synonym: the analyzer gives the compound and its parts as a token
     * graph), also near each other in either order ({@link RankingPart#PARTS_NEAR}), and with its action nouns as the
     * verbs they are made from ({@link RankingPart#VERB_READING}; with {@link RankingPart#PARTICLE_NOUNS} its nouns of a
     * particle and a bare verb stem too), each unless {@code leftOut} names it; the readings of the query's words in
     * {@code wordReadings} (their synonyms, {@link #synonymReading}; one of two keywords,
     * {@link RankingPart#ONE_OF_TWO_KEYWORDS}); and long words a slip or an ending away.
     * Each adds that constant to a strict match too, as a tie-breaker.
     */
    private static Query withLooserReadings(Query strict, String words, String minimumShouldMatch, Set<RankingPart> leftOut,
                                            List<Query> wordReadings) {
        List<Query> splitReadings = new ArrayList<>(wordReadings);
        splitReadings.add(splitReading(words, minimumShouldMatch));
        // Beside the phrase of the parts, not instead: the sloppy phrase alone lost a compound whose parts stand together
        // after a quote and a hyphen ("baslinje"- intervjuerna), which the phrase finds.
        if (!leftOut.contains(RankingPart.PARTS_NEAR)) {
            splitReadings.add(partsNearReading(words, minimumShouldMatch));
        }
        if (!leftOut.contains(RankingPart.VERB_READING)) {
            verbReading(words, minimumShouldMatch, !leftOut.contains(RankingPart.PARTICLE_NOUNS)).ifPresent(splitReadings::add);
        }
        Query split = splitReadings.size() == 1 ? splitReadings.get(0)
                : Query.of(q -> q.bool(b -> b.should(splitReadings).minimumShouldMatch("1")));
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(strict)
                .should(s -> s.constantScore(c -> c.boost(LOOSER_READING_SCORE).filter(split)))
                .should(s -> s.constantScore(c -> c.boost(LOOSER_READING_SCORE).filter(f -> f.match(m -> m.field("text.exact").query(words)
                        .fuzziness(FUZZINESS).prefixLength(3).maxExpansions(20).minimumShouldMatch(minimumShouldMatch)))))));
    }

    /**
     * A query of two keywords read as either of them ({@link RankingPart#ONE_OF_TWO_KEYWORDS}): the strict reading asks for
     * both of two words, so an answer that says one of them in other words would not be found at all. Not for a
     * question, which already asks for half of its words, nor for three words or more, of which one may be missing.
     */
    private static Optional<Query> oneOfTwoKeywords(List<String> items, boolean question, List<String> fields, Set<RankingPart> leftOut) {
        return readsOneOfTwoKeywords(items, question, leftOut)
                ? Optional.of(simple(String.join(" ", items), Operator.Or, null, fields)) : Optional.empty();
    }

    /**
     * Whether the query is read as either of its two keywords too: two keywords, neither a quoted phrase, not a
     * question, with that reading and the looser readings it joins not left out. The query and what the answer says of
     * its counts ({@link #bothOfTwoKeywords}) both ask here.
     */
    private static boolean readsOneOfTwoKeywords(List<String> items, boolean question, Set<RankingPart> leftOut) {
        return !question && items.size() == 2 && items.stream().noneMatch(item -> item.contains("\""))
                && !leftOut.contains(RankingPart.ONE_OF_TWO_KEYWORDS) && !leftOut.contains(RankingPart.LOOSER_READINGS);
    }

    /** The strict reading's fields, without the parts in {@code leftOut}. */
    private static List<String> strictFields(Set<RankingPart> leftOut) {
        return leftOut.contains(RankingPart.QUESTION_FIELD) ? STRICT_FIELDS_WITHOUT_QUESTION
                : leftOut.contains(RankingPart.QUESTION_AS_OWN_WORDS) ? STRICT_FIELDS_QUESTION_WEIGHING_LESS : STRICT_FIELDS;
    }

    /**
     * When the request's hits include passages that hold one of its two keywords ({@link
     * RankingPart#ONE_OF_TWO_KEYWORDS}), below those with both, with the parts in {@code leftOut} left out: the passages
     * that hold both, as the strict reading reads them. The total and facet counts include the others; the search
     * page says how many of them have both. Empty for any other query.
     */
    static Optional<Query> bothOfTwoKeywords(QueryText text, Set<RankingPart> leftOut) {
        if (!text.hasText() || text.explicitOr() || !readsOneOfTwoKeywords(text.positive(), text.question(), leftOut)) {
            return Optional.empty();
        }
        // Filtered, not scored: MINIMUM_SHOULD_MATCH asks for both of two words, as the strict reading of the query does.
        return Optional.of(simple(String.join(" ", text.positive()), Operator.Or, MINIMUM_SHOULD_MATCH, strictFields(leftOut)));
    }

    /**
     * The query read word by word as the word or one of its general synonyms, most words matching as in the strict
     * reading: a passage that says what is asked in other words ({@code hinder för samverkan}, <i>svårigheter i
     * samarbetet</i>). Empty when no word of the query has a synonym.
     */
    private static Optional<Query> synonymReading(List<String> items, List<List<String>> synonymsOfItems, String minimumShouldMatch) {
        if (synonymsOfItems.stream().allMatch(List::isEmpty)) {
            return Optional.empty();
        }
        List<Query> slots = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            List<String> synonyms = synonymsOfItems.get(i);
            Query word = Query.of(q -> q.match(m -> m.field("text").query(item)));
            slots.add(synonyms.isEmpty() ? word : Query.of(q -> q.bool(b -> b.should(word)
                    .should(s -> s.match(m -> m.field("text").query(String.join(" ", synonyms)))).minimumShouldMatch("1"))));
        }
        return Optional.of(Query.of(q -> q.bool(b -> b.should(slots).minimumShouldMatch(minimumShouldMatch))));
    }

    /**
     * What the synonyms of each query word add to a passage that matches: the best of them, as the strict reading
     * scores a word in the text, at {@link #SYNONYM_WEIGHT}. Per word the best only, so a passage that lists several
     * synonyms of one word counts that word once.
     */
    private static List<Query> synonymScores(List<List<String>> synonymsOfItems) {
        return synonymsOfItems.stream().filter(synonyms -> !synonyms.isEmpty())
                .map(synonyms -> Query.of(q -> q.disMax(d -> d.boost(SYNONYM_WEIGHT).queries(synonyms.stream()
                        .map(synonym -> Query.of(m -> m.match(t -> t.field("text").query(synonym)))).toList()))))
                .toList();
    }

    /**
     * The query's words among the words of each passage's document, at {@link #DOCUMENT_WORDS_WEIGHT}: a should clause,
     * so it orders the passages that match and finds none of its own.
     */
    private static Query documentContext(String words) {
        return Query.of(q -> q.simpleQueryString(s -> s.query(words).fields(DocumentWords.FIELD).boost(DOCUMENT_WORDS_WEIGHT)
                .defaultOperator(Operator.Or).lenient(true).flags(FLAGS)));
    }

    /** The words in the very form written (folded), stop words left out: an exact form ranks above an inflected one. */
    private static Query exactForms(String words) {
        return Query.of(q -> q.simpleQueryString(s -> s.query(words).fields("text.exact^" + EXACT_FORM_BOOST).analyzer(EXACT_SEARCH_ANALYZER)
                .defaultOperator(Operator.Or).lenient(true).flags(FLAGS)));
    }

    private static List<String> withExact(List<String> fields) {
        List<String> all = new ArrayList<>(fields);
        all.add(2, "text.exact^" + EXACT_BOOST);
        return all;
    }

    /**
     * What a hit's highlight marks: the query's words and phrases in the passage text, as written and with its
     * compounds split, but not the slip-tolerant reading. That reading is what makes highlighting costly (its
     * automata are built again for every hit: about half of a whole search's time over 100,000 passages), and it
     * adds only the rare word a slip away. Empty without words to find (a theme or facet alone marks nothing).
     */
    static Optional<Query> highlightQuery(QueryText text) {
        if (!text.hasText()) {
            return Optional.empty();
        }
        String positive = text.explicitOr() ? text.simpleQueryString() : String.join(" ", text.positive());
        if (positive.isBlank()) {
            return Optional.empty();
        }
        Query asWritten = Query.of(q -> q.simpleQueryString(s -> s.query(positive).fields("text").defaultOperator(Operator.Or)
                .lenient(true).flags(FLAGS)));
        if (positive.contains("\"")) {
            return Optional.of(asWritten);
        }
        return Optional.of(Query.of(q -> q.bool(b -> b.should(asWritten).should(splitReading(positive, null)))));
    }

    /** The words with their compounds also written apart, as a phrase of the parts (the search and the highlight share it). */
    private static Query splitReading(String words, String minimumShouldMatch) {
        return splitAnalyzed(words, minimumShouldMatch, FLAGS);
    }

    /** {@code query} read by the analyzer that writes compounds apart, with the search syntax of {@code flags}. */
    private static Query splitAnalyzed(String query, String minimumShouldMatch, List<SimpleQueryStringFlag> flags) {
        return Query.of(q -> q.simpleQueryString(s -> {
            s.query(query).fields("text").analyzer(SPLIT_ANALYZER).autoGenerateSynonymsPhraseQuery(true)
                    .defaultOperator(Operator.Or).lenient(true).flags(flags);
            return minimumShouldMatch == null ? s : s.minimumShouldMatch(minimumShouldMatch);
        }));
    }

    /**
     * The split reading with room: each word long enough to be a compound is a phrase of its parts with
     * {@link #PARTS_SLOP} (the compound itself, or its parts in either order with up to two words between); shorter
     * words as they are. Most words must match, as in the strict reading.
     */
    private static Query partsNearReading(String words, String minimumShouldMatch) {
        String query = QueryText.items(words).stream().map(PassageQuery::partsNear).collect(Collectors.joining(" "));
        return splitAnalyzed(query, minimumShouldMatch, FLAGS_WITH_SLOP);
    }

    /** A word long enough to be a compound as a phrase of its parts with room; a shorter word as it is. */
    private static String partsNear(String word) {
        return bare(word).length() >= PassageIndex.COMPOUND_MIN_LENGTH ? "\"" + word + "\"~" + PARTS_SLOP : word;
    }

    /**
     * The parts-near reading with each action noun read as a verb it may be made from ({@link VerbReading}); a particle
     * verb's verb and particle near each other, in either order ({@code "logga in"~4}). One reading per verb a noun may
     * be made from ({@code läka}, then {@code läkna}), so that "most words must match" counts the query's words as the
     * other readings do (a group of alternatives would count as one word, or alone be taken for the whole query). Empty
     * when the query has no action noun.
     */
    private static Optional<Query> verbReading(String words, String minimumShouldMatch, boolean particleNouns) {
        List<String> items = QueryText.items(words);
        List<List<String>> verbsOfItems = items.stream()
                .map(item -> item.startsWith("\"") ? List.<String>of()
                        : VerbReading.verbsOf(bare(item), particleNouns)).toList();
        int readings = verbsOfItems.stream().mapToInt(List::size).max().orElse(0);
        if (readings == 0) {
            return Optional.empty();
        }
        List<Query> each = new ArrayList<>();
        for (int r = 0; r < readings; r++) {
            List<String> read = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                List<String> verbs = verbsOfItems.get(i);
                String verb = verbs.isEmpty() ? null : verbs.get(Math.min(r, verbs.size() - 1));
                read.add(verb == null ? partsNear(items.get(i)) : verb.contains(" ") ? "\"" + verb + "\"~" + PARTS_SLOP : partsNear(verb));
            }
            each.add(splitAnalyzed(String.join(" ", read), minimumShouldMatch, FLAGS_WITH_SLOP));
        }
        return Optional.of(each.size() == 1 ? each.get(0) : Query.of(q -> q.bool(b -> b.should(each).minimumShouldMatch("1"))));
    }

    /** A query word without the punctuation that ends it ({@code samverkan?}, {@code region,}). */
    static String bare(String word) {
        return TRAILING_PUNCTUATION.matcher(word).replaceAll("");
    }

    private static Query simple(String text, Operator operator, String minimumShouldMatch) {
        return simple(text, operator, minimumShouldMatch, FIELDS);
    }

    private static Query simple(String text, Operator operator, String minimumShouldMatch, List<String> fields) {
        return Query.of(q -> q.simpleQueryString(s -> {
            // A quoted phrase means these very words: it is matched on the exact sub-fields, where no stop word is dropped.
            s.query(text).fields(text.contains("\"") ? PHRASE_FIELDS : fields).quoteFieldSuffix(".exact").defaultOperator(operator).lenient(true).flags(FLAGS);
            if (minimumShouldMatch != null) {
                s.minimumShouldMatch(minimumShouldMatch);
            }
            return s;
        }));
    }
}
