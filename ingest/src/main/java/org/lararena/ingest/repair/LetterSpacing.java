package org.lararena.ingest.repair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rejoins letter-spaced text ("s a m v e r k a n  m e l l a n") into words.
 *
 * <p><b>Detection.</b> A stretch of a line between whole words (tokens of {@value #WHOLE_WORD_LETTERS} letters or
 * more) is letter-spaced when it has at least {@value #MIN_TOKENS} tokens with letters, at least
 * {@value #SINGLE_LETTER_SHARE} of them single letters, three single letters in a row, and on average no more than
 * {@value #MAX_MEAN_LETTERS} letters a token. Swedish prose has few one-letter words ({@code i}, {@code å}), so it
 * never meets that; letters spaced singly, with a pair or triple merged here and there, always do.
 *
 * <p><b>Segmentation.</b> Extractors space the letters of such text irregularly: word boundaries are one space, two,
 * or none, and pairs of letters are merged across a boundary as often as inside a word. So the spaces of a run are
 * only hints: all its letters are joined and cut again where the {@link Vocabulary} words of least total cost fall
 * (Viterbi over a unigram model). A cut where the extractor left no space costs a little, a cut at two spaces earns a
 * little, and a cut before a capital letter that follows a small one earns a little; inside words, a
 * compound's parts ({@code forsknings|process}) may follow one another without a space. Letters no word covers form
 * an unknown word whose cost grows with its length, so a name or a rare compound stays whole rather than being cut
 * into known scraps, and a long unknown stretch is cut where known words begin.
 */
final class LetterSpacing {

    private static final int WHOLE_WORD_LETTERS = 5;
    private static final int MIN_TOKENS = 5;
    private static final double SINGLE_LETTER_SHARE = 0.4;
    private static final int SINGLE_LETTERS_IN_A_ROW = 3;
    private static final double MAX_MEAN_LETTERS = 2.5;

    /** What a gap between two letters looked like, with the cost of cutting a word there. */
    private enum Gap {
        NONE(1.5f), SPACE(0f), WIDE(-3f), CASE_CHANGE(-2f);

        final float cutCost;

        Gap(float cutCost) {
            this.cutCost = cutCost;
        }
    }

    private static final float UNKNOWN_BASE_COST = 10f;
    /**
     * More than a letter of known words costs ({@code av}, {@code tre}: about 2 a letter with the cut), so known
     * words are never swallowed by an unknown stretch.
     */
    private static final float UNKNOWN_COST_PER_LETTER = 2.5f;
    /** Every cut between words costs this much besides its gap. */
    private static final float WORD_CUT_COST = 1f;
    /**
     * A joint between a compound's parts costs a little more than a cut, so two words that may form a compound
     * stay apart unless a part is a linking form ({@code forsknings|process}) or the gap says so. No joint is made
     * where two spaces or a capital after a small letter mark a cut.
     */
    private static final float COMPOUND_JOINT_COST = 1.5f;
    private static final int LONGEST_UNKNOWN = 24;
    /** Inflectional endings of Swedish nouns, adjectives and verbs, and the linking {@code s}. */
    private static final Set<String> ENDINGS = Set.of("s", "a", "e", "t", "n", "en", "et", "er", "ar", "or", "na", "as", "es",
            "ns", "ts", "ad", "ade", "at", "ats", "ande", "ende", "are", "ast", "erna", "arna", "orna", "ens", "ets", "ernas", "arnas", "ornas");
    private static final int LONGEST_ENDING = 5;
    private static final float ENDING_COST = 3f;
    private static final String CLOSING = ".,;:!?)]»”’%";
    private static final String OPENING = "([«“‘";

    private final Vocabulary vocabulary;

    LetterSpacing(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Whether any stretch of the line is letter-spaced. */
    static boolean isLetterSpaced(String line) {
        return !runs(tokens(line), false).isEmpty();
    }

    /**
     * Which lines of a page are letter-spaced: those that are by themselves, and beside them those that are when
     * three single letters in a row are not required (a short line of a letter-spaced paragraph, "a ns va r i ga .").
     */
    static boolean[] letterSpacedLines(List<String> lines) {
        boolean[] spaced = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            spaced[i] = isLetterSpaced(lines.get(i));
        }
        boolean[] withNeighbours = spaced.clone();
        for (int i = 0; i < lines.size(); i++) {
            boolean besideSpaced = i > 0 && spaced[i - 1] || i + 1 < lines.size() && spaced[i + 1];
            withNeighbours[i] |= besideSpaced && !runs(tokens(lines.get(i)), true).isEmpty();
        }
        return withNeighbours;
    }

    /**
     * The line with its letter-spaced stretches rejoined into words, one space between words.
     *
     * @param besideLetterSpacing whether the line is next to a letter-spaced line, so that fewer single letters in a
     *                            row make a stretch letter-spaced
     */
    String rejoin(String line, boolean besideLetterSpacing) {
        List<Token> tokens = tokens(line);
        List<int[]> runs = runs(tokens, besideLetterSpacing);
        List<String> words = new ArrayList<>();
        int next = 0;
        for (int[] run : runs) {
            for (; next < run[0]; next++) {
                words.add(tokens.get(next).text());
            }
            words.addAll(rejoinRun(line.substring(tokens.get(run[0]).start(), tokens.get(run[1] - 1).end())));
            next = run[1];
        }
        for (; next < tokens.size(); next++) {
            words.add(tokens.get(next).text());
        }
        return String.join(" ", words);
    }

    private record Token(String text, int start, int end, int letters, int longestLetterStretch) {
    }

    private static List<Token> tokens(String line) {
        List<Token> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean space = i == line.length() || Character.isWhitespace(line.charAt(i));
            if (space && start >= 0) {
                String text = line.substring(start, i);
                int letters = 0;
                int stretch = 0;
                int longest = 0;
                for (int c = 0; c < text.length(); c++) {
                    boolean letter = Character.isLetter(text.charAt(c));
                    letters += letter ? 1 : 0;
                    stretch = letter ? stretch + 1 : 0;
                    longest = Math.max(longest, stretch);
                }
                tokens.add(new Token(text, start, i, letters, longest));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return tokens;
    }

    /** The letter-spaced runs of tokens, each as {start, end} token indexes (end exclusive). */
    private static List<int[]> runs(List<Token> tokens, boolean besideLetterSpacing) {
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).longestLetterStretch() >= WHOLE_WORD_LETTERS) {
                if (isLetterSpaced(tokens.subList(start, i), besideLetterSpacing)) {
                    runs.add(new int[] {start, i});
                }
                start = i + 1;
            }
        }
        return runs;
    }

    private static boolean isLetterSpaced(List<Token> stretch, boolean besideLetterSpacing) {
        int withLetters = 0;
        int singles = 0;
        int letters = 0;
        int inARow = 0;
        int mostInARow = 0;
        for (Token token : stretch) {
            if (token.letters() == 0) {
                continue;
            }
            withLetters++;
            letters += token.letters();
            boolean single = token.letters() == 1;
            singles += single ? 1 : 0;
            inARow = single ? inARow + 1 : 0;
            mostInARow = Math.max(mostInARow, inARow);
        }
        return withLetters >= MIN_TOKENS && singles >= SINGLE_LETTER_SHARE * withLetters
                && (besideLetterSpacing || mostInARow >= SINGLE_LETTERS_IN_A_ROW) && letters <= MAX_MEAN_LETTERS * withLetters;
    }

    /**
     * The words of one letter-spaced run. Letters are gathered with the gaps between them; digits are joined into
     * numbers; punctuation cuts words, closing marks hang on the word before, opening marks on the word after.
     */
    private List<String> rejoinRun(String run) {
        List<String> words = new ArrayList<>();
        StringBuilder letters = new StringBuilder();
        List<Gap> gaps = new ArrayList<>();
        StringBuilder digits = new StringBuilder();
        String opening = "";
        int spaces = 0;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (Character.isWhitespace(c)) {
                spaces++;
                continue;
            }
            if (Character.isLetter(c) || Character.isDigit(c)) {
                StringBuilder same = Character.isLetter(c) ? letters : digits;
                StringBuilder other = Character.isLetter(c) ? digits : letters;
                if (other.length() > 0) {
                    opening = flush(letters, gaps, digits, opening, words);
                } else if (same.length() > 0 && same == letters) {
                    Gap gap = spaces == 0 ? Gap.NONE : spaces == 1 ? Gap.SPACE : Gap.WIDE;
                    boolean capitalAfterSmall = Character.isUpperCase(c) && Character.isLowerCase(letters.charAt(letters.length() - 1));
                    gaps.add(capitalAfterSmall && Gap.CASE_CHANGE.cutCost < gap.cutCost ? Gap.CASE_CHANGE : gap);
                } else if (same.length() > 0 && spaces > 1) {
                    // Numbers are spaced like letters; two spaces end one.
                    opening = flush(letters, gaps, digits, opening, words);
                }
                (Character.isLetter(c) ? letters : digits).append(c);
            } else {
                opening = flush(letters, gaps, digits, opening, words);
                if (CLOSING.indexOf(c) >= 0 && !words.isEmpty()) {
                    words.set(words.size() - 1, words.get(words.size() - 1) + c);
                } else if (OPENING.indexOf(c) >= 0) {
                    opening += c;
                } else {
                    words.add(String.valueOf(c));
                }
            }
            spaces = 0;
        }
        if (!opening.isEmpty() && letters.isEmpty() && digits.isEmpty()) {
            words.add(opening);
            opening = "";
        }
        flush(letters, gaps, digits, opening, words);
        return words;
    }

    /** Adds the gathered letters or digits as words and empties them; returns the opening marks still waiting. */
    private String flush(StringBuilder letters, List<Gap> gaps, StringBuilder digits, String opening, List<String> words) {
        List<String> found = new ArrayList<>();
        if (letters.length() > 0) {
            found.addAll(segment(letters.toString(), gaps));
        }
        if (digits.length() > 0) {
            found.add(digits.toString());
        }
        letters.setLength(0);
        gaps.clear();
        digits.setLength(0);
        if (found.isEmpty()) {
            return opening;
        }
        found.set(0, opening + found.get(0));
        words.addAll(found);
        return "";
    }

    /** What a candidate piece of a run can be. */
    private record Piece(float wordCost, float partCost, boolean mayEndCompound) {
    }

    /**
     * Viterbi over two states per position: a word ends here, or a compound part ends here and the word goes on.
     * {@code gaps.get(i - 1)} is the gap before letter {@code i}.
     */
    private List<String> segment(String run, List<Gap> gaps) {
        String lower = run.toLowerCase(Locale.ROOT);
        int n = lower.length();
        if (n != run.length()) {
            return List.of(run);
        }
        float[] wordEnds = new float[n + 1];
        float[] partEnds = new float[n + 1];
        int[] wordFrom = new int[n + 1];
        int[] partFrom = new int[n + 1];
        // Whether the piece ending here continues a compound (came from a part) rather than starting after a cut.
        boolean[] wordAfterPart = new boolean[n + 1];
        boolean[] partAfterPart = new boolean[n + 1];
        Arrays.fill(wordEnds, Float.POSITIVE_INFINITY);
        Arrays.fill(partEnds, Float.POSITIVE_INFINITY);
        wordEnds[0] = 0;
        Map<String, Piece> pieces = new HashMap<>();
        int longest = Math.max(vocabulary.longestWord(), LONGEST_UNKNOWN);
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - longest); start < end; start++) {
                float afterCut = wordEnds[start] == Float.POSITIVE_INFINITY ? Float.POSITIVE_INFINITY
                        : wordEnds[start] + (start == 0 ? 0 : WORD_CUT_COST + gaps.get(start - 1).cutCost);
                float afterPart = partEnds[start] + (start == 0 ? 0 : jointCost(gaps.get(start - 1)));
                if (afterCut == Float.POSITIVE_INFINITY && afterPart == Float.POSITIVE_INFINITY) {
                    continue;
                }
                String text = lower.substring(start, end);
                Piece piece = pieces.computeIfAbsent(text, this::piece);
                float asWord = afterCut + piece.wordCost();
                if (asWord < wordEnds[end]) {
                    wordEnds[end] = asWord;
                    wordFrom[end] = start;
                    wordAfterPart[end] = false;
                }
                if (piece.mayEndCompound() && afterPart + piece.wordCost() < wordEnds[end]) {
                    wordEnds[end] = afterPart + piece.wordCost();
                    wordFrom[end] = start;
                    wordAfterPart[end] = true;
                }
                float asPart = Math.min(afterCut, afterPart) + piece.partCost();
                if (asPart < partEnds[end]) {
                    partEnds[end] = asPart;
                    partFrom[end] = start;
                    partAfterPart[end] = afterPart < afterCut;
                }
            }
        }
        List<String> words = new ArrayList<>();
        int end = n;
        int wordEnd = n;
        boolean inWord = true;
        boolean continuesCompound;
        while (end > 0) {
            int start = inWord ? wordFrom[end] : partFrom[end];
            continuesCompound = inWord ? wordAfterPart[end] : partAfterPart[end];
            if (!continuesCompound) {
                words.add(0, run.substring(start, wordEnd));
                wordEnd = start;
            }
            end = start;
            inWord = !continuesCompound;
        }
        return words;
    }

    /**
     * The cost of an unlisted word that is a listed one with a common Swedish ending ({@code analyser|as},
     * {@code aktivitet|er}): a small word list lacks most inflected forms, and without this their endings would be
     * cut off as words of their own. Only without a dictionary that knows the inflected forms itself, which is better
     * than guessing ({@code piloterna|s|er}).
     */
    private float inflectedCost(String text) {
        float best = Float.POSITIVE_INFINITY;
        if (vocabulary.knowsInflections()) {
            return best;
        }
        for (int length = 1; length <= Math.min(LONGEST_ENDING, text.length() - 1); length++) {
            String stem = text.substring(0, text.length() - length);
            if (ENDINGS.contains(text.substring(text.length() - length)) && vocabulary.mayTakeEnding(stem)) {
                best = Math.min(best, vocabulary.cost(stem) + ENDING_COST);
            }
        }
        return best;
    }

    private static float jointCost(Gap gap) {
        return gap == Gap.WIDE || gap == Gap.CASE_CHANGE ? Float.POSITIVE_INFINITY : COMPOUND_JOINT_COST;
    }

    private Piece piece(String text) {
        float known = text.length() <= vocabulary.longestWord() ? vocabulary.cost(text) : Float.POSITIVE_INFINITY;
        float word = Math.min(Math.min(known, inflectedCost(text)), UNKNOWN_BASE_COST + UNKNOWN_COST_PER_LETTER * text.length());
        boolean compoundEnd = known != Float.POSITIVE_INFINITY && vocabulary.mayEndCompound(text);
        return new Piece(word, vocabulary.compoundPartCost(text), compoundEnd);
    }
}
