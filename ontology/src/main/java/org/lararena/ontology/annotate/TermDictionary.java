package org.lararena.ontology.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lararena.ontology.text.SwedishText;
import org.lararena.ontology.text.Token;

/**
 * A dictionary automaton over all terms. Filled once with {@link #add}, then only read: {@link #find} is safe to
 * call from many threads once filling is done.
 *
 * <ul>
 *   <li>A <em>word trie</em>: a term is filed under every combination of the {@linkplain
 *       SwedishText#dictionaryForms dictionary forms} of its words. A text word follows an edge when the edge is
 *       among its {@linkplain SwedishText#candidateStems candidate stems}, so inflected forms match
 *       ("vårdcentralerna" → vårdcentral). Inside a multi-word term one small word of the text may be skipped
 *       ("brist på våra distriktssköterskor"). Hyphenated words are also tried glued ("e-tjänst", "etjänst").
 *   <li>Two <em>character tries</em>, forwards and backwards, over single-word terms of at least {@value
 *       #MIN_COMPOUND_PART} chars: they find a term as the first or last part of a longer compound
 *       ("samverkansforum" → samverkan, "föräldraenkäten" → enkät) when the rest is at least {@value
 *       #MIN_COMPOUND_REST} chars.
 * </ul>
 */
public final class TermDictionary {

    /** The shortest term found inside a compound. */
    public static final int MIN_COMPOUND_PART = 6;
    /** The shortest rest of a compound beside the term. */
    public static final int MIN_COMPOUND_REST = 3;
    /** Hyphen-joined words are also tried glued together, up to this many. */
    private static final int MAX_HYPHEN_CHAIN = 3;

    /**
     * The small words that may stand between two words of a multi-word term ("brist på <em>våra</em>
     * distriktssköterskor", "hamnade <em>helt</em> mellan stolarna"), folded. Negations are not among them.
     */
    private static final Set<String> GAP_WORDS = Set.of(
            "pa", "av", "i", "med", "for", "till", "om", "och", "att", "en", "ett", "den", "det", "de", "som",
            "sin", "sitt", "sina", "min", "mitt", "mina", "din", "ditt", "dina", "var", "vart", "vara", "hans",
            "hennes", "deras", "egen", "eget", "egna", "nya", "ny", "nytt", "fler", "flera", "alla", "helt",
            "lite", "ju", "nog", "ocksa", "aven", "bara", "mer", "mest", "sa", "sjalv", "sjalva", "aldrig",
            "alltid", "ofta", "tidigt", "redan", "utbildade", "erfarna");

    private final WordNode root = new WordNode();
    private final CharNode prefixes = new CharNode();
    private final CharNode suffixes = new CharNode();
    private int size;

    /** Adds a label of a concept ({@code topThemeIri} null for a {@link Term.Kind#BLOCKER}). */
    public void add(String conceptIri, String topThemeIri, int depth, String label, String language, Term.Kind kind) {
        List<Token> tokens = SwedishText.tokenize(label);
        if (tokens.isEmpty()) {
            return;
        }
        Term term = new Term(conceptIri, topThemeIri, depth, label, kind, tokens.size(), isAcronym(label));
        insert(root, tokens.stream().map(Token::folded).toList(), 0, term);
        size++;
        List<String> glued = glueHyphens(tokens);
        if (glued.size() < tokens.size()) {
            insert(root, glued, 0, term);
        }
        // Compounds are Swedish: English, weak and blocking labels are never looked for inside a word.
        boolean evidence = kind != Term.Kind.WEAK && kind != Term.Kind.BLOCKER;
        if (glued.size() == 1 && evidence && !term.caseSensitive() && !"en".equals(language)) {
            String word = glued.get(0);
            for (String form : SwedishText.dictionaryForms(word)) {
                if (form.length() < MIN_COMPOUND_PART) {
                    continue;
                }
                suffixes.insert(form, true, term);
                // At the head of a compound only the word or a form without a one-letter ending
                // ("hyrläkar-kostnader"): "specialist-vård" must not match "specialister".
                if (word.length() - form.length() <= 1) {
                    prefixes.insert(form, false, term);
                }
            }
        }
    }

    /** How many labels were added. */
    public int size() {
        return size;
    }

    /** Files the term under every combination of the dictionary forms of its words. */
    private static void insert(WordNode node, List<String> words, int index, Term term) {
        if (index == words.size()) {
            if (!node.terms.contains(term)) {
                node.terms.add(term);
            }
            return;
        }
        for (String form : SwedishText.dictionaryForms(words.get(index))) {
            insert(node.next.computeIfAbsent(form, k -> new WordNode()), words, index + 1, term);
        }
    }

    private static List<String> glueHyphens(List<Token> tokens) {
        List<String> glued = new ArrayList<>();
        for (Token token : tokens) {
            if (token.hyphenJoined() && !glued.isEmpty()) {
                glued.set(glued.size() - 1, glued.get(glued.size() - 1) + token.folded());
            } else {
                glued.add(token.folded());
            }
        }
        return glued;
    }

    /** Two to four chars with at least two capitals: SIP, BUP, SoL, FaR, AI, PROM. */
    private static boolean isAcronym(String label) {
        long capitals = label.chars().filter(Character::isUpperCase).count();
        return label.length() <= 4 && capitals >= 2;
    }

    /** All occurrences of all terms in {@code text}, overlapping ones included. */
    public List<TermMatch> find(String text) {
        List<Token> tokens = SwedishText.tokenize(text);
        List<Set<String>> keys = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            Set<String> candidates = SwedishText.candidateStems(token.folded());
            if (token.pipe()) {
                candidates = new LinkedHashSet<>(candidates);
                candidates.addAll(SwedishText.candidateStems(token.foldedWithI(text)));
            }
            keys.add(candidates);
        }
        List<TermMatch> matches = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int before = matches.size();
            walk(text, tokens, keys, root, i, i, false, matches);
            boolean wholeWord = false;
            for (int m = before; m < matches.size(); m++) {
                wholeWord |= matches.get(m).term().tokenCount() == 1 && matches.get(m).tokens() == 1;
            }
            String glued = tokens.get(i).folded();
            int last = i;
            for (int k = i + 1; k < tokens.size() && k < i + MAX_HYPHEN_CHAIN && tokens.get(k).hyphenJoined(); k++) {
                glued += tokens.get(k).folded();
                last = k;
                wholeWord |= lookupWhole(text, tokens, i, last, glued, matches);
            }
            if (!wholeWord) {
                compounds(text, tokens, i, last, glued, matches);
                if (tokens.get(i).pipe()) {
                    compounds(text, tokens, i, i, tokens.get(i).foldedWithI(text), matches);
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(matches));
    }

    private void walk(String text, List<Token> tokens, List<Set<String>> keys, WordNode node, int first, int j,
            boolean gapUsed, List<TermMatch> out) {
        if (j >= tokens.size() || (j > first && tokens.get(j).breakBefore())) {
            return;
        }
        for (String key : keys.get(j)) {
            WordNode child = node.next.get(key);
            if (child != null) {
                emit(text, tokens, child, first, j, gapUsed, out);
                if (!child.next.isEmpty()) {
                    walk(text, tokens, keys, child, first, j + 1, gapUsed, out);
                }
            }
        }
        if (node != root && !gapUsed && j + 1 < tokens.size() && !tokens.get(j + 1).breakBefore()
                && GAP_WORDS.contains(tokens.get(j).folded())) {
            walk(text, tokens, keys, node, first, j + 1, true, out);
        }
    }

    private static void emit(String text, List<Token> tokens, WordNode node, int first, int last, boolean gap,
            List<TermMatch> out) {
        int start = tokens.get(first).start();
        int end = tokens.get(last).end();
        String span = text.substring(start, end);
        for (Term term : node.terms) {
            if (term.caseSensitive() && !span.equals(term.label())) {
                continue;
            }
            if (!gap && !diacriticsAgree(span, term.label())) {
                continue;
            }
            out.add(new TermMatch(term, start, end, last - first + 1, gap, false));
        }
    }

    private boolean lookupWhole(String text, List<Token> tokens, int first, int last, String glued,
            List<TermMatch> out) {
        boolean found = false;
        for (String key : SwedishText.candidateStems(glued)) {
            WordNode child = root.next.get(key);
            if (child != null && !child.terms.isEmpty()) {
                emit(text, tokens, child, first, last, false, out);
                found = true;
            }
        }
        return found;
    }

    /**
     * Folding lets OCR text without å, ä and ö match, but where the text has the letter it must be the label's:
     * "låg" (low) is not "lag" (law), "behöver" is not "behov". Compared letter by letter over the shorter,
     * ignoring spaces, hyphens and line breaks; not applied across a skipped gap word.
     */
    static boolean diacriticsAgree(String span, String label) {
        String text = letters(span);
        String term = letters(label);
        int length = Math.min(text.length(), term.length());
        for (int i = 0; i < length; i++) {
            char inText = text.charAt(i);
            if ((inText == 'å' || inText == 'ä' || inText == 'ö') && term.charAt(i) != inText) {
                return false;
            }
        }
        return true;
    }

    private static String letters(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        // OCR's | stands for a letter and keeps its place.
        text.codePoints().filter(c -> Character.isLetterOrDigit(c) || c == '|').map(Character::toLowerCase)
                .forEach(letters::appendCodePoint);
        return letters.toString();
    }

    /** Looks for terms at the start and at the end of a long (possibly hyphen-glued) word. */
    private void compounds(String text, List<Token> tokens, int first, int last, String word, List<TermMatch> out) {
        int start = tokens.get(first).start();
        int end = tokens.get(last).end();
        if (word.length() < MIN_COMPOUND_PART + MIN_COMPOUND_REST) {
            return;
        }
        // Offsets inside the word are exact only for one word without combining marks; else the whole span.
        boolean plain = first == last && end - start == word.length();
        CharNode.Hit head = prefixes.longest(word, word.length(), false);
        if (head != null && word.length() - head.depth() >= MIN_COMPOUND_REST) {
            int headEnd = plain ? start + head.depth() : end;
            for (Term term : head.terms()) {
                if (!plain || diacriticsAgree(text.substring(start, headEnd), term.label())) {
                    out.add(new TermMatch(term, start, headEnd, last - first + 1, false, true));
                }
            }
        }
        for (String stem : SwedishText.candidateStems(word)) {
            CharNode.Hit tail = suffixes.longest(stem, stem.length(), true);
            if (tail != null && stem.length() - tail.depth() >= MIN_COMPOUND_REST) {
                int tailStart = plain ? start + stem.length() - tail.depth() : start;
                for (Term term : tail.terms()) {
                    if (!plain || diacriticsAgree(text.substring(tailStart, end), term.label())) {
                        out.add(new TermMatch(term, tailStart, end, last - first + 1, false, true));
                    }
                }
                break;
            }
        }
    }

    private static final class WordNode {
        final Map<String, WordNode> next = new HashMap<>();
        final List<Term> terms = new ArrayList<>(1);
    }

    /** A character trie; the backwards one is keyed on the word read from its end. */
    private static final class CharNode {
        final Map<Character, CharNode> next = new HashMap<>();
        final List<Term> terms = new ArrayList<>(1);

        record Hit(int depth, List<Term> terms) {}

        void insert(String word, boolean backwards, Term term) {
            CharNode node = this;
            for (int i = 0; i < word.length(); i++) {
                char c = backwards ? word.charAt(word.length() - 1 - i) : word.charAt(i);
                node = node.next.computeIfAbsent(c, k -> new CharNode());
            }
            if (!node.terms.contains(term)) {
                node.terms.add(term);
            }
        }

        /** The deepest term node along {@code word}, at least {@code MIN_COMPOUND_PART} deep. */
        Hit longest(String word, int length, boolean backwards) {
            CharNode node = this;
            Hit best = null;
            for (int i = 0; i < length; i++) {
                char c = backwards ? word.charAt(length - 1 - i) : word.charAt(i);
                node = node.next.get(c);
                if (node == null) {
                    break;
                }
                if (!node.terms.isEmpty() && i + 1 >= MIN_COMPOUND_PART) {
                    best = new Hit(i + 1, node.terms);
                }
            }
            return best;
        }
    }
}
