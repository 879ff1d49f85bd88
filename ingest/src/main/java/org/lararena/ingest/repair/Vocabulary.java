package org.lararena.ingest.repair;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swedish words with a cost each, a unigram model: the lower the cost, the more likely the word. Letter-spacing
 * repair chooses the word boundaries of least total cost.
 *
 * <p>{@link #standard()} joins, from the most to the least specific:
 * <ul>
 *   <li>the list shipped with Lärarena (written for it; common words and health-care vocabulary, in frequency
 *       order, so its cost grows with the rank);</li>
 *   <li>the words of the ontology's Swedish labels (the concepts researchers code for);</li>
 *   <li>where installed, Debian's {@code wswedish} list at {@value #SYSTEM_WORD_LIST} (inflected forms) and the
 *       hunspell Swedish dictionary ({@code hunspell-sv-se}), which also says which forms may begin or end a
 *       compound ({@code forsknings|process}). Both are GPL/LGPL, so they are read where the system has them and
 *       never shipped; without them repair still works from the other sources, less well.</li>
 * </ul>
 * Words of the document being repaired are added with {@link #withWords(Map)}.
 */
public final class Vocabulary {

    /** Where Debian's {@code wswedish} package installs its word list. */
    public static final String SYSTEM_WORD_LIST = "/usr/share/dict/swedish";
    /** Where Debian's {@code hunspell-sv-se} package installs its dictionary. */
    public static final String SYSTEM_DICTIONARY = "/usr/share/hunspell/sv_SE.dic";

    private static final Logger LOG = LoggerFactory.getLogger(Vocabulary.class);
    private static final String BUNDLED_WORD_LIST = "swedish-words.txt";
    /** Any word of a system list: rarer than all but the rarest words of our own. */
    private static final float SYSTEM_WORD_COST = 11f;
    /** A word of one or two letters only a system list knows is mostly an abbreviation: rarely the right cut. */
    private static final float SHORT_SYSTEM_WORD_COST = 15f;
    private static final int SHORT_WORD = 2;
    /** A word the document itself uses unspaced: likely in its letter-spaced parts too. */
    private static final float DOCUMENT_WORD_COST = 9f;
    /** A word of the ontology's labels: the domain's own vocabulary. */
    private static final float ONTOLOGY_WORD_COST = 9f;
    /**
     * A linking form, made only to begin compounds ({@code forsknings}, {@code hälso}): cheaper than a word, since
     * wherever its letters stand in a text, a compound goes on after them.
     */
    private static final float LINKING_FORM_COST = 5f;
    /**
     * The most frequent words of the shipped list (pronouns, prepositions, conjunctions, auxiliaries) never begin or
     * end a compound, whatever homograph a dictionary knows ({@code man}, {@code var}, {@code för}).
     */
    private static final int FUNCTION_WORD_RANKS = 100;
    private static final int MIN_COMPOUND_PART = 3;
    private static final Pattern LABEL_WORD = Pattern.compile("\\p{L}{" + MIN_COMPOUND_PART + ",}");
    private static volatile Vocabulary standard;

    private final Map<String, Float> costs;
    private final Set<String> functionWords;
    private final Set<String> domainWords;
    private final HunspellDictionary dictionary;
    private final int longestWord;

    private Vocabulary(Map<String, Float> costs, Set<String> functionWords, Set<String> domainWords, HunspellDictionary dictionary) {
        this.costs = costs;
        this.functionWords = functionWords;
        this.domainWords = domainWords;
        this.dictionary = dictionary;
        // Compounds are built from parts, so a word is at most as long as the longest listed; a dictionary's
        // inflected forms add a few letters to its stems.
        this.longestWord = costs.keySet().stream().mapToInt(String::length).max().orElse(1) + (dictionary == null ? 0 : 4);
    }

    /** The shipped list, the ontology's labels, plus the system's Swedish word lists when installed. Loaded once. */
    public static Vocabulary standard() {
        Vocabulary loaded = standard;
        if (loaded == null) {
            synchronized (Vocabulary.class) {
                if (standard == null) {
                    standard = read(Path.of(SYSTEM_WORD_LIST), Path.of(SYSTEM_DICTIONARY), OntologyLoader.shipped());
                }
                loaded = standard;
            }
        }
        return loaded;
    }

    /** Only the shipped list, as on a machine without the system word lists and before the ontology is read. */
    public static Vocabulary bundled() {
        Map<String, Float> costs = new HashMap<>();
        Set<String> functionWords = new HashSet<>();
        addBundledList(costs, functionWords);
        return new Vocabulary(costs, functionWords, Set.of(), null);
    }

    /** The shipped list, the ontology's labels and whichever of the two system lists are readable. */
    static Vocabulary read(Path wordList, Path hunspellDictionary, Ontology ontology) {
        Map<String, Float> costs = new HashMap<>();
        Set<String> functionWords = new HashSet<>();
        if (Files.isReadable(wordList)) {
            addSystemList(costs, wordList);
        }
        Set<String> domainWords = ontologyWords(ontology);
        domainWords.forEach(word -> costs.merge(word, ONTOLOGY_WORD_COST, Math::min));
        addBundledList(costs, functionWords);
        HunspellDictionary dictionary = HunspellDictionary.read(hunspellDictionary).orElse(null);
        if (dictionary == null) {
            LOG.debug("No hunspell dictionary at {}: letter-spacing repair knows fewer compounds", hunspellDictionary);
        }
        return new Vocabulary(costs, functionWords, domainWords, dictionary);
    }

    /** This vocabulary plus words counted in a document (word in lower case to count of occurrences). */
    public Vocabulary withWords(Map<String, Integer> wordCounts) {
        Map<String, Float> extended = new HashMap<>(costs);
        wordCounts.forEach((word, count) -> {
            float cost = DOCUMENT_WORD_COST - (float) Math.min(3.0, Math.log(count));
            extended.merge(word, cost, Math::min);
        });
        return new Vocabulary(extended, functionWords, domainWords, dictionary);
    }

    /** The cost of a word in lower case, or {@link Float#POSITIVE_INFINITY} when it is not a known word. */
    public float cost(String lowerCaseWord) {
        Float listed = costs.get(lowerCaseWord);
        if (listed != null) {
            return listed;
        }
        if (dictionary != null && lowerCaseWord.length() > 1 && dictionary.lookUp(lowerCaseWord).word()) {
            return lowerCaseWord.length() <= SHORT_WORD ? SHORT_SYSTEM_WORD_COST : SYSTEM_WORD_COST;
        }
        return Float.POSITIVE_INFINITY;
    }

    /** The cost of a compound's first or middle part in lower case, or infinity when it cannot be one. */
    float compoundPartCost(String lowerCaseWord) {
        if (!mayBeCompoundPart(lowerCaseWord)) {
            return Float.POSITIVE_INFINITY;
        }
        HunspellDictionary.Entry entry = dictionary == null ? HunspellDictionary.Entry.NONE : dictionary.lookUp(lowerCaseWord);
        if (entry.linkingForm()) {
            return LINKING_FORM_COST;
        }
        // A word that may also begin a compound ({@code process}, {@code vård}) is as likely there as alone.
        return domainWords.contains(lowerCaseWord) || entry.compoundStart() ? cost(lowerCaseWord) : Float.POSITIVE_INFINITY;
    }

    /** Whether a known word may end a compound ({@code process} in {@code forskningsprocess}). */
    boolean mayEndCompound(String lowerCaseWord) {
        return mayBeCompoundPart(lowerCaseWord)
                && (domainWords.contains(lowerCaseWord) || dictionary != null && dictionary.lookUp(lowerCaseWord).compoundEnd());
    }

    /** Whether a dictionary with every inflected form of its words was read. */
    boolean knowsInflections() {
        return dictionary != null;
    }

    /** Whether an inflectional ending may follow a known word: a content word of three letters or more. */
    boolean mayTakeEnding(String lowerCaseWord) {
        return mayBeCompoundPart(lowerCaseWord) && cost(lowerCaseWord) != Float.POSITIVE_INFINITY;
    }

    private boolean mayBeCompoundPart(String lowerCaseWord) {
        return lowerCaseWord.length() >= MIN_COMPOUND_PART && !functionWords.contains(lowerCaseWord);
    }

    public boolean contains(String word) {
        return cost(word.toLowerCase(Locale.ROOT)) != Float.POSITIVE_INFINITY;
    }

    int longestWord() {
        return longestWord;
    }

    int size() {
        return costs.size();
    }

    private static Set<String> ontologyWords(Ontology ontology) {
        Set<String> words = new HashSet<>();
        for (Concept concept : ontology.concepts()) {
            StringBuilder labels = new StringBuilder(Optional.ofNullable(concept.prefLabels().get("sv")).orElse(""));
            concept.altLabels().stream().filter(label -> label.language().equals("sv")).forEach(label -> labels.append(' ').append(label.text()));
            Matcher word = LABEL_WORD.matcher(labels.toString().toLowerCase(Locale.ROOT));
            while (word.find()) {
                words.add(word.group());
            }
        }
        return words;
    }

    private static void addBundledList(Map<String, Float> costs, Set<String> functionWords) {
        try (InputStream in = Objects.requireNonNull(Vocabulary.class.getResourceAsStream(BUNDLED_WORD_LIST), BUNDLED_WORD_LIST);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int rank = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (word.isEmpty() || word.startsWith("#")) {
                    continue;
                }
                // Zipf: a word's probability falls with its rank, so its cost grows with the log of the rank.
                costs.merge(word, (float) (1.0 + Math.log(rank + 2.0)), Math::min);
                if (rank < FUNCTION_WORD_RANKS) {
                    functionWords.add(word);
                }
                rank++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped word list cannot be read", e);
        }
    }

    /** Debian ships the list in ISO-8859-1; a future UTF-8 one is read too. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static void addSystemList(Map<String, Float> costs, Path list) {
        try {
            for (String line : decode(Files.readAllBytes(list)).split("\n")) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (word.length() > 1 && word.chars().allMatch(Character::isLetter)) {
                    costs.put(word, word.length() <= SHORT_WORD ? SHORT_SYSTEM_WORD_COST : SYSTEM_WORD_COST);
                }
            }
            LOG.debug("Read the system word list {}", list);
        } catch (IOException e) {
            LOG.warn("The system word list {} cannot be read; letter-spacing repair uses the other lists only: {}", list, e.toString());
        }
    }
}
