package org.lararena.analysis;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits Swedish compounds into the dictionary words they are made of.
 *
 * <p>A word is read as {@code part (link part)* inflection}: every part but the last must be a dictionary word (or a
 * dictionary word in its compounding form), the last may carry an inflectional ending. Compounding forms handled:
 * <ul>
 *   <li>the bare word: {@code vård|central};</li>
 *   <li>linking {@code -s-}: {@code samsjuklighet-s-utredning};</li>
 *   <li>linking {@code -e-} and old {@code -a-}: {@code barn-a-vård};</li>
 *   <li>a dropped final {@code -a}/{@code -e}: {@code skol(a)|gård}, {@code pojk(e)|vän}, and together with
 *       {@code -s-}: {@code arbet(e)-s-miljö};</li>
 *   <li>final {@code -a} turned {@code -u}/{@code -o}/{@code -e}: {@code gat-u-kök}, {@code kyrk-o-gård},
 *       {@code människ-o-värde}, {@code skötersk-e-mottagning}.</li>
 * </ul>
 * Of all readings the cheapest wins: fewest parts first, then fewest linking tricks and short (three-letter) parts.
 * A word that is itself in the dictionary (perhaps inflected) is one part and is therefore never split, which keeps
 * lexicalised compounds such as {@code vårdcentral} whole; words of a general word list given as part words only
 * lend parts and are split all the same. Besides the parts, the leading compounds inside a compound of three or more
 * parts are given as written ({@code föräldrastöd} from {@code föräldrastödsprogrammet}), so a search for the
 * shorter compound finds the longer. Lookups fall back to accent-folded forms, so OCR or
 * ASCII-typed text ({@code vardcentralsutredning}) still splits into the dictionary's own spelling.
 *
 * <p>Instances are immutable and thread-safe; the returned parts are dictionary (lemma) forms.
 */
final class SwedishDecompounder {

    /** Endings a compound's last part may carry (nouns mostly; some adjective and participle endings). */
    private static final String[] FINAL_SUFFIXES = {
        "s", "n", "t", "r", "a", "e",
        "en", "et", "ar", "er", "or", "na", "ns", "ts", "rs", "ad", "at", "de", "te",
        "ens", "ets", "ars", "ers", "ors", "nas", "rna", "are", "ade", "ande", "ende", "aste",
        "arna", "erna", "orna", "rnas", "arens", "erens", "arnas", "ernas", "ornas", "andet", "andes"
    };
    /** Endings that may replace a final -a/-e of the last part ({@code skola → skolor}, {@code pojke → pojkar}). */
    private static final String[] VOWEL_REPLACING_SUFFIXES = {
        "or", "ar", "er", "orna", "arna", "erna", "ornas", "arnas", "ernas", "ors", "ars", "ers"
    };

    private final Set<String> words;
    /** Words that stay whole: the dictionary proper (a general word list only lends parts, see the constructor). */
    private final Set<String> whole;
    private final Map<String, String> folded;
    private final int minWordSize;
    private final int minSubwordSize;
    private final int maxParts;
    private final boolean matchFolded;

    SwedishDecompounder(Collection<String> dictionary, int minWordSize, int minSubwordSize, int maxParts, boolean matchFolded) {
        this(dictionary, List.of(), minWordSize, minSubwordSize, maxParts, matchFolded);
    }

    /**
     * @param dictionary words that are parts and that are never split themselves (the curated lists: a word listed
     *                   here is lexicalised, {@code vårdcentral} stays whole)
     * @param partWords  words that are only parts (a general word list, which holds many compounds of its own: they
     *                   are still split when their parts are words, {@code föräldraledighet} → {@code föräldra},
     *                   {@code ledighet})
     */
    SwedishDecompounder(Collection<String> dictionary, Collection<String> partWords, int minWordSize, int minSubwordSize,
                        int maxParts, boolean matchFolded) {
        if (minSubwordSize < 2) {
            throw new IllegalArgumentException("min_subword_size must be at least 2, got " + minSubwordSize);
        }
        if (maxParts < 2) {
            throw new IllegalArgumentException("max_parts must be at least 2, got " + maxParts);
        }
        Set<String> w = new HashSet<>();
        Map<String, String> f = new HashMap<>();
        for (String raw : dictionary) {
            String word = ConfigFiles.lower(raw.strip());
            if (word.length() < minSubwordSize || isLetters(word) == false) {
                continue;
            }
            w.add(word);
        }
        Set<String> kept = Set.copyOf(w);
        for (String raw : partWords) {
            String word = ConfigFiles.lower(raw.strip());
            if (word.length() >= minSubwordSize && isLetters(word)) {
                w.add(word);
            }
        }
        for (String word : w) {
            String key = fold(word);
            // prefer the spelling with Swedish letters if two dictionary words fold alike
            f.merge(key, word, (a, b) -> a.equals(key) ? b : a);
        }
        this.words = Collections.unmodifiableSet(w);
        this.whole = kept;
        this.folded = Collections.unmodifiableMap(f);
        this.minWordSize = minWordSize;
        this.minSubwordSize = minSubwordSize;
        this.maxParts = maxParts;
        this.matchFolded = matchFolded;
    }

    int size() {
        return words.size();
    }

    /**
     * The parts of {@code term} in dictionary form, in order and without duplicates; empty when the term is no
     * compound the dictionary can explain (or is too short, or is itself a dictionary word).
     */
    List<String> decompound(String term) {
        String word = ConfigFiles.lower(term);
        Reading best = read(word);
        if (best == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>(best.parts);
        // the leading compounds within a longer one, as written: föräldrastöd in föräldra|stöd|s|programmet
        for (int j = 1; j < best.parts.size() - 1; j++) {
            out.add(word.substring(0, best.ends.get(j)));
        }
        out.remove(word);
        return List.copyOf(out);
    }

    /** Only the parts of {@code term}, in order, repeats kept; empty as in {@link #decompound}. */
    List<String> parts(String term) {
        Reading best = read(ConfigFiles.lower(term));
        return best == null ? List.of() : best.parts;
    }

    /** The best reading of a lower-cased word with two parts or more, or {@code null}. */
    private Reading read(String word) {
        if (word.length() < minWordSize || words.isEmpty() || isLetters(word) == false) {
            return null;
        }
        String foldedWord = null;
        if (matchFolded) {
            String f = fold(word);
            if (f.length() == word.length()) {
                foldedWord = f;
            }
        }
        Reading[] memo = new Reading[word.length() + 1];
        boolean[] done = new boolean[word.length() + 1];
        Reading best = best(word, foldedWord, 0, memo, done);
        return best == null || best.parts.size() < 2 || best.parts.size() > maxParts ? null : best;
    }

    /**
     * A reading of {@code word[from..]}: its parts, where each part's own letters end in the word (before a linking
     * letter), and its cost.
     */
    private record Reading(List<String> parts, List<Integer> ends, int cost) {}

    private Reading best(String word, String foldedWord, int from, Reading[] memo, boolean[] done) {
        if (done[from]) {
            return memo[from];
        }
        int n = word.length();
        Reading best = null;
        // the last part: the rest of the word, perhaps inflected
        Candidate last = lastPart(word, foldedWord, from, n);
        // a word of a general list (not of the dictionary proper) is not kept whole: it is split if it can be
        if (last != null && (from > 0 || whole.contains(last.lemma))) {
            best = new Reading(List.of(last.lemma), List.of(n), partCost(last));
        }
        // a non-final part word[from..to), then the best reading of the rest
        for (int to = from + minSubwordSize; to <= n - minSubwordSize; to++) {
            Candidate part = innerPart(word, foldedWord, from, to);
            if (part == null) {
                continue;
            }
            Reading rest = best(word, foldedWord, to, memo, done);
            if (rest == null || rest.parts.size() + 1 > maxParts) {
                continue;
            }
            int cost = partCost(part) + rest.cost;
            if (best == null || cost < best.cost) {
                List<String> parts = new ArrayList<>(rest.parts.size() + 1);
                parts.add(part.lemma);
                parts.addAll(rest.parts);
                List<Integer> ends = new ArrayList<>(rest.ends.size() + 1);
                ends.add(to - part.linkLength);
                ends.addAll(rest.ends);
                best = new Reading(parts, ends, cost);
            }
        }
        memo[from] = best;
        done[from] = true;
        return best;
    }

    /** A part: its lemma, its cost, whether it was read through folding, and how many linking letters end it. */
    private record Candidate(String lemma, int penalty, boolean viaFolding, int linkLength) {
        /** A part read from {@code surface}; a plain-ASCII surface read as a word with å, ä or ö came via folding. */
        Candidate(String lemma, int penalty, String surface) {
            this(lemma, penalty, surface, 0);
        }

        Candidate(String lemma, int penalty, String surface, int linkLength) {
            this(lemma, penalty, isAscii(surface) && isAscii(lemma) == false, linkLength);
        }
    }

    private int partCost(Candidate c) {
        // reading a part through the accent-folded fallback costs a little, so an exact reading wins a tie
        return 10 + c.penalty + (c.lemma.length() <= 3 ? 4 : 0) + (c.viaFolding ? 2 : 0);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private Candidate innerPart(String word, String foldedWord, int from, int to) {
        String s = word.substring(from, to);
        String fs = foldedWord == null ? null : foldedWord.substring(from, to);
        String lemma = lookup(s, fs);
        if (lemma != null) {
            return new Candidate(lemma, 0, s);
        }
        int len = s.length();
        char lastChar = s.charAt(len - 1);
        // linking -s-, -e-, -a-: samsjuklighet|s, barn|a
        if ((lastChar == 's' || lastChar == 'e' || lastChar == 'a') && len - 1 >= minSubwordSize) {
            lemma = lookup(s.substring(0, len - 1), fs == null ? null : fs.substring(0, len - 1));
            if (lemma != null) {
                return new Candidate(lemma, 1, s, 1);
            }
        }
        // dropped final vowel: skol(a), pojk(e)
        lemma = lookupWithVowel(s, fs);
        if (lemma != null) {
            return new Candidate(lemma, 1, s);
        }
        // dropped final vowel plus -s-: arbet(e)s, kvinn(a)s? (rare, but arbetsmiljö is not)
        if (lastChar == 's' && len - 1 >= minSubwordSize - 1) {
            lemma = lookupWithVowel(s.substring(0, len - 1), fs == null ? null : fs.substring(0, len - 1));
            if (lemma != null) {
                return new Candidate(lemma, 2, s, 1);
            }
        }
        // -a turned -u / -o / -e: gatu, kyrko, människo, sköterske
        if ((lastChar == 'u' || lastChar == 'o' || lastChar == 'e') && len >= minSubwordSize) {
            String base = s.substring(0, len - 1) + "a";
            String fbase = fs == null ? null : fs.substring(0, len - 1) + "a";
            lemma = lookup(base, fbase);
            if (lemma != null) {
                return new Candidate(lemma, 1, s);
            }
        }
        return null;
    }

    private Candidate lastPart(String word, String foldedWord, int from, int n) {
        if (n - from < minSubwordSize) {
            return null;
        }
        String s = word.substring(from, n);
        String fs = foldedWord == null ? null : foldedWord.substring(from, n);
        String lemma = lookup(s, fs);
        if (lemma != null) {
            return new Candidate(lemma, 0, s);
        }
        for (String suffix : FINAL_SUFFIXES) {
            int stemLen = s.length() - suffix.length();
            if (stemLen >= minSubwordSize && s.endsWith(suffix)) {
                lemma = lookup(s.substring(0, stemLen), fs == null ? null : fs.substring(0, stemLen));
                if (lemma != null) {
                    return new Candidate(lemma, 0, s);
                }
                // a doubled final consonant before a vowel ending: programm|et, rumm|en
                if (stemLen - 1 >= minSubwordSize && isVowel(suffix.charAt(0)) && s.charAt(stemLen - 1) == s.charAt(stemLen - 2)
                    && isVowel(s.charAt(stemLen - 1)) == false) {
                    lemma = lookup(s.substring(0, stemLen - 1), fs == null ? null : fs.substring(0, stemLen - 1));
                    if (lemma != null) {
                        return new Candidate(lemma, 0, s);
                    }
                }
            }
        }
        for (String suffix : VOWEL_REPLACING_SUFFIXES) {
            int stemLen = s.length() - suffix.length();
            if (stemLen >= minSubwordSize - 1 && s.endsWith(suffix)) {
                lemma = lookupWithVowel(s.substring(0, stemLen), fs == null ? null : fs.substring(0, stemLen));
                if (lemma != null) {
                    return new Candidate(lemma, 1, s);
                }
            }
        }
        return null;
    }

    private String lookupWithVowel(String s, String fs) {
        for (String vowel : new String[] { "a", "e" }) {
            String lemma = lookup(s + vowel, fs == null ? null : fs + vowel);
            if (lemma != null) {
                return lemma;
            }
        }
        return null;
    }

    /**
     * The dictionary word {@code s} spells, or {@code null}. The accent-folded fallback ({@code fs}) is tried only when
     * {@code s} itself is plain ASCII: a part written with å, ä or ö is taken as written ({@code värm} is not
     * {@code varm}), one written without them may have lost them ({@code vard} is {@code vård}).
     */
    private String lookup(String s, String fs) {
        if (s.length() < minSubwordSize) {
            return null;
        }
        if (words.contains(s)) {
            return s;
        }
        return fs == null || fs.equals(s) == false ? null : folded.get(fs);
    }

    static String fold(String s) {
        char[] in = s.toCharArray();
        char[] out = new char[in.length * 4];
        int len = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, len);
    }

    private static boolean isVowel(char c) {
        return "aeiouyåäöé".indexOf(c) >= 0;
    }

    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i)) == false) {
                return false;
            }
        }
        return true;
    }
}
