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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swedish words with a cost each: the lower the cost, the more likely the word. Letter-spacing repair
 * chooses the word boundaries of least total cost.
 *
 * <p>{@link #standard()} is the list shipped with Lärarena (written for it; common words and health-care
 * vocabulary, in frequency order) plus Debian's {@code wswedish} list at {@value #SYSTEM_WORD_LIST} when it
 * is installed. That list is GPL, so it is read where the system has it and never shipped. Words of the
 * document being repaired are added with {@link #withWords(Map)}.
 */
public final class Vocabulary {

    /** Where Debian's {@code wswedish} package installs its word list. */
    public static final String SYSTEM_WORD_LIST = "/usr/share/dict/swedish";

    private static final Logger LOG = LoggerFactory.getLogger(Vocabulary.class);
    private static final String BUNDLED_WORD_LIST = "swedish-words.txt";
    /** Any word of the system list: rarer than all but the rarest words of our own. */
    private static final float SYSTEM_WORD_COST = 11f;
    /** A word the document itself uses unspaced: likely in its letter-spaced parts too. */
    private static final float DOCUMENT_WORD_COST = 9f;
    private static volatile Vocabulary standard;

    private final Map<String, Float> costs;
    private final int longestWord;

    private Vocabulary(Map<String, Float> costs) {
        this.costs = costs;
        this.longestWord = costs.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    /** The shipped list, plus the system's Swedish word list when installed. Loaded once. */
    public static Vocabulary standard() {
        Vocabulary loaded = standard;
        if (loaded == null) {
            synchronized (Vocabulary.class) {
                if (standard == null) {
                    Map<String, Float> costs = new HashMap<>();
                    Path system = Path.of(SYSTEM_WORD_LIST);
                    if (Files.isReadable(system)) {
                        addSystemList(costs, system);
                    }
                    addBundledList(costs);
                    standard = new Vocabulary(costs);
                }
                loaded = standard;
            }
        }
        return loaded;
    }

    /** Only the shipped list, as on a machine without {@code wswedish}. */
    public static Vocabulary bundled() {
        Map<String, Float> costs = new HashMap<>();
        addBundledList(costs);
        return new Vocabulary(costs);
    }

    /** This vocabulary plus words counted in a document (word in lower case to count of occurrences). */
    public Vocabulary withWords(Map<String, Integer> wordCounts) {
        Map<String, Float> extended = new HashMap<>(costs);
        wordCounts.forEach((word, count) -> {
            float cost = DOCUMENT_WORD_COST - (float) Math.min(3.0, Math.log(count));
            extended.merge(word, cost, Math::min);
        });
        return new Vocabulary(extended);
    }

    /** The cost of a word in lower case, or {@link Float#POSITIVE_INFINITY} when it is not a known word. */
    public float cost(String lowerCaseWord) {
        return costs.getOrDefault(lowerCaseWord, Float.POSITIVE_INFINITY);
    }

    public boolean contains(String word) {
        return costs.containsKey(word.toLowerCase(Locale.ROOT));
    }

    int longestWord() {
        return longestWord;
    }

    int size() {
        return costs.size();
    }

    private static void addBundledList(Map<String, Float> costs) {
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
                    costs.put(word, SYSTEM_WORD_COST);
                }
            }
            LOG.debug("Read the system word list {}", list);
        } catch (IOException e) {
            LOG.warn("The system word list {} cannot be read; letter-spacing repair uses the shipped list only: {}", list, e.toString());
        }
    }
}
