package org.lararena.ontology.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Synonym rules from a general Swedish thesaurus, read at run time from the system's (never bundled with Lärarena):
 * Viggo Kann's Swedish synonym lexicon as LibreOffice ships it (Debian package {@code mythes-sv}:
 * {@code /usr/share/mythes/th_sv_SE_v2.dat}, in MyThes's format: the encoding on the first line, then each headword
 * with a count, {@code problem|1}, and that many lines of meanings, {@code |bekymmer|besvär|svårighet}). None
 * installed gives no rules, and the search's reading in other words finds what the strict reading finds.
 *
 * <p>Each headword gives one rule, {@code problem => bekymmer, besvär, svårighet}: the word in other words, one way,
 * as the lexicon lists them, and one word for one word. Kept are lower-case words of letters only, at least
 * {@value #MIN_LENGTH} letters long (names, abbreviations and set phrases are left out: a phrase such as
 * {@code öva på} holds a stop word the index never has, so it could not match).
 */
public final class SwedishThesaurus {

    /** Where Debian's {@code mythes-sv} puts the thesaurus. */
    public static final Path MYTHES_SV = Path.of("/usr/share/mythes/th_sv_SE_v2.dat");

    static final int MIN_LENGTH = 3;
    private static final Pattern WORD = Pattern.compile("[a-zåäöéü]+");
    private static final Pattern HEADWORD = Pattern.compile("(.+)\\|(\\d+)");

    private SwedishThesaurus() {
    }

    /** The rules of the thesaurus installed at the standard place, sorted by headword; empty when none is. */
    public static List<String> installed() {
        return rules(MYTHES_SV);
    }

    /** The rules of a MyThes {@code .dat} file; empty when it is not there. */
    static List<String> rules(Path dat) {
        if (!Files.isReadable(dat)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(dat, encodingOf(firstLine(dat)));
            Map<String, Set<String>> synonyms = new TreeMap<>();
            for (int i = 1; i < lines.size(); i++) {
                var headword = HEADWORD.matcher(lines.get(i));
                if (lines.get(i).startsWith("|") || lines.get(i).startsWith("(") || !headword.matches()) {
                    continue;
                }
                int meanings = Integer.parseInt(headword.group(2));
                String word = headword.group(1).strip();
                for (int m = 1; m <= meanings && i + m < lines.size(); m++) {
                    for (String synonym : lines.get(i + m).split("\\|")) {
                        if (isWord(word) && isWord(synonym.strip()) && !synonym.strip().equals(word)) {
                            synonyms.computeIfAbsent(word, w -> new TreeSet<>()).add(synonym.strip());
                        }
                    }
                }
                i += meanings;
            }
            List<String> rules = new ArrayList<>(synonyms.size());
            synonyms.forEach((word, others) -> rules.add(word + " => " + String.join(", ", others)));
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Swedish thesaurus " + dat + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(Path dat) throws IOException {
        try (var reader = Files.newBufferedReader(dat, StandardCharsets.ISO_8859_1)) {
            String line = reader.readLine();
            return line == null ? "" : line;
        }
    }

    private static boolean isWord(String word) {
        return word.length() >= MIN_LENGTH && WORD.matcher(word).matches();
    }

    /** MyThes names the encoding on its first line ({@code ISO8859-1}, {@code UTF-8}); Java spells some differently. */
    private static Charset encodingOf(String firstLine) {
        String name = firstLine.strip().replaceFirst("(?i)^ISO8859", "ISO-8859");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
