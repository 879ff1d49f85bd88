package org.lararena.ontology.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.lararena.ontology.text.SwedishText;

/**
 * General Swedish synonyms, so that a search finds a passage that says what the query asks in other words
 * ({@code hinder} and <i>svårigheter</i>, {@code samverkan} and <i>samarbete</i>). Read at run time from the system's
 * thesaurus, never bundled with Lärarena: Folkets synonymlexikon (Viggo Kann, KTH) as LibreOffice's Swedish thesaurus
 * (Debian package {@code mythes-sv}: {@code /usr/share/mythes/th_sv_SE_v2.dat}, MyThes format, its first line the
 * charset). Not installed gives no synonyms, and search works without them.
 *
 * <p>Kept: pairs that each word lists for the other (the lexicon's pairs were judged both ways; a pair listed one way
 * only is weaker), of single words of letters only, each at least {@value #MIN_LENGTH} letters long: shorter words
 * are mostly senses of a different word ({@code bas} for {@code chef}, {@code hej} for {@code hinder}).
 *
 * <p>A word is looked up as the annotator looks up the codebook's words: folded, by its candidate stems against the
 * forms a headword is filed under ({@link SwedishText#candidateStems}, {@link SwedishText#dictionaryForms}), so
 * {@code svårigheterna} and {@code svarigheter} (as a scan reads it) find {@code svårighet}'s synonyms.
 */
public final class SwedishSynonyms {

    /** Where Debian puts Folkets synonymlexikon as LibreOffice's Swedish thesaurus. */
    public static final Path MYTHES = Path.of("/usr/share/mythes/th_sv_SE_v2.dat");
    /** The shortest word kept, as a headword or as a synonym. */
    static final int MIN_LENGTH = 4;
    private static final Pattern WORD = Pattern.compile("\\p{IsAlphabetic}+");
    private static final SwedishSynonyms NONE = new SwedishSynonyms(Map.of());

    /** Folded form a headword is filed under, to the headwords filed there. */
    private final Map<String, Set<String>> headwordsByForm;
    /** Headword to its synonyms kept, as the thesaurus writes them. */
    private final Map<String, List<String>> synonyms;

    private SwedishSynonyms(Map<String, List<String>> synonyms) {
        this.synonyms = Map.copyOf(synonyms);
        Map<String, Set<String>> byForm = new HashMap<>();
        for (String headword : synonyms.keySet()) {
            for (String form : SwedishText.dictionaryForms(SwedishText.fold(headword))) {
                byForm.computeIfAbsent(form, f -> new TreeSet<>()).add(headword);
            }
        }
        this.headwordsByForm = Map.copyOf(byForm);
    }

    /** The thesaurus installed at the standard place, read once; no synonyms when it is not installed. */
    public static SwedishSynonyms installed() {
        return Installed.SYNONYMS;
    }

    /** Read when first asked for (the class is loaded then), once: the JVM's class initialisation is the lock. */
    private static final class Installed {
        static final SwedishSynonyms SYNONYMS = Files.isReadable(MYTHES) ? read(MYTHES) : NONE;
    }

    /** No synonyms at all. */
    public static SwedishSynonyms none() {
        return NONE;
    }

    /** Reads a MyThes data file: its charset on the first line, then {@code word|n} and n lines of {@code (pos)|syn|syn…}. */
    public static SwedishSynonyms read(Path mythesData) {
        try {
            byte[] bytes = Files.readAllBytes(mythesData);
            // The charset line is ASCII, so it reads the same in any charset the file may name.
            String charsetLine = new String(bytes, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("").strip();
            Charset charset = charsetLine.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(charsetLine);
            return parse(new String(bytes, charset).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Swedish thesaurus " + mythesData + ": " + e.getMessage(), e);
        }
    }

    /** The lines of a MyThes data file, its charset line first. */
    static SwedishSynonyms parse(List<String> lines) {
        Map<String, Set<String>> listed = new HashMap<>();
        int i = 1;
        while (i < lines.size()) {
            String entry = lines.get(i);
            int bar = entry.lastIndexOf('|');
            int meanings = bar < 0 ? 0 : parseCount(entry.substring(bar + 1));
            String headword = bar < 0 ? "" : entry.substring(0, bar).strip().toLowerCase(Locale.ROOT);
            for (int m = 1; m <= meanings && i + m < lines.size(); m++) {
                String[] fields = lines.get(i + m).split("\\|");
                for (int f = 1; f < fields.length; f++) {
                    String synonym = fields[f].strip().toLowerCase(Locale.ROOT);
                    if (kept(headword) && kept(synonym) && !synonym.equals(headword)) {
                        listed.computeIfAbsent(headword, h -> new LinkedHashSet<>()).add(synonym);
                    }
                }
            }
            i += 1 + meanings;
        }
        Map<String, List<String>> mutual = new HashMap<>();
        listed.forEach((headword, theirs) -> {
            List<String> both = theirs.stream().filter(s -> listed.getOrDefault(s, Set.of()).contains(headword)).toList();
            if (!both.isEmpty()) {
                mutual.put(headword, both);
            }
        });
        return new SwedishSynonyms(mutual);
    }

    private static int parseCount(String count) {
        try {
            return Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean kept(String word) {
        return word.length() >= MIN_LENGTH && WORD.matcher(word).matches();
    }

    /**
     * The synonyms of a word in any of its forms, as the thesaurus writes them (base forms); empty for a word it does
     * not know or shorter than {@value #MIN_LENGTH} letters. Never the word itself.
     */
    public List<String> of(String word) {
        String folded = SwedishText.fold(word);
        if (folded.length() < MIN_LENGTH || synonyms.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (String stem : SwedishText.candidateStems(folded)) {
            for (String headword : headwordsByForm.getOrDefault(stem, Set.of())) {
                found.addAll(synonyms.get(headword));
            }
        }
        found.removeIf(s -> SwedishText.fold(s).equals(folded));
        return new ArrayList<>(found);
    }

    /** How many headwords have a synonym kept. */
    public int size() {
        return synonyms.size();
    }
}
