package org.lararena.ontology.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A general Swedish word list for decompounding, read at run time from the system's dictionaries (they are GPL and
 * LGPL/MPL: never bundled with Lärarena): the LibreOffice/hunspell Swedish dictionary (Debian package
 * {@code hunspell-sv-se}: {@code /usr/share/hunspell/sv_SE.dic}, base forms and compounding forms such as
 * {@code föräldra}) and Debian's {@code wswedish} ({@code /usr/share/dict/swedish}, ISO-8859-1, inflected forms).
 * Whichever are installed are merged; none installed gives an empty list, and search works with the plugin's own
 * dictionary and the ontology's words only.
 *
 * <p>Kept: lower-case words (names are left out) of letters only, at least {@value #MIN_LENGTH} letters long (shorter
 * words make spurious parts: the plugin's own dictionary has the short words that matter), less a few words that are
 * also common word endings ({@code ande}, {@code ende}, …: {@code arbet|ande} is no spirit).
 */
public final class GeneralSwedishWords {

    /** Where Debian puts the two lists. */
    public static final Path HUNSPELL = Path.of("/usr/share/hunspell/sv_SE.dic");
    public static final Path WSWEDISH = Path.of("/usr/share/dict/swedish");

    static final int MIN_LENGTH = 4;
    private static final Pattern WORD = Pattern.compile("[a-zåäöéü]+");
    private static final Set<String> ENDINGS = Set.of("ande", "ende", "ning", "ring", "ling", "else", "skap", "lighet");

    private GeneralSwedishWords() {
    }

    /** The words of the lists installed at the standard places, sorted; empty when none is. */
    public static List<String> installed() {
        return read(HUNSPELL, WSWEDISH);
    }

    /** The words of a hunspell {@code .dic} (UTF-8, first line a count, {@code word/FLAGS}) and a plain list (ISO-8859-1). */
    static List<String> read(Path hunspellDic, Path plainList) {
        Set<String> words = new TreeSet<>();
        try {
            if (Files.isReadable(hunspellDic)) {
                List<String> lines = Files.readAllLines(hunspellDic, StandardCharsets.UTF_8);
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    int slash = line.indexOf('/');
                    add(words, (slash < 0 ? line : line.substring(0, slash)).strip());
                }
            }
            if (Files.isReadable(plainList)) {
                for (String line : Files.readAllLines(plainList, Charset.forName("ISO-8859-1"))) {
                    add(words, line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a Swedish word list: " + e.getMessage(), e);
        }
        return List.copyOf(words);
    }

    private static void add(Set<String> words, String word) {
        if (word.length() >= MIN_LENGTH && WORD.matcher(word).matches() && !ENDINGS.contains(word)) {
            words.add(word.toLowerCase(Locale.ROOT));
        }
    }
}
