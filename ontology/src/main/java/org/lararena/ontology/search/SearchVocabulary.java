package org.lararena.ontology.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.text.SwedishText;

/**
 * The ontology's Swedish vocabulary as the analysis plugin reads it.
 * <ul>
 *   <li>{@link #decompoundWords}: every word of a Swedish preferred or alternative label that is not itself a
 *       compound of two such words (the plugin never splits a dictionary word, so {@code vårdkontinuitet} is left
 *       out and still splits into {@code vård} and {@code kontinuitet});</li>
 *   <li>{@link #synonymRules}: per concept, the labels that are spellings or inflections of one another (they share
 *       their first five letters: {@code utskrivningsklar, utskrivningsklara, utskrivningsklara patienter}). What a
 *       concept means more broadly is not a synonym: search reaches it through the passages' themes, ranked below
 *       the words. And the field's everyday words ({@value #EVERYDAY_WORDS}): another name for the same thing, as a
 *       searcher says it ({@code doktorn} for <i>läkaren</i>, {@code hälsocentral} for <i>vårdcentral</i>).</li>
 * </ul>
 */
public final class SearchVocabulary {

    private static final Pattern WORD = Pattern.compile("[a-zåäöéü]+");
    private static final Pattern RULE_LABEL = Pattern.compile("[\\p{L}]{3,}( [\\p{L}]{3,})?");
    private static final int MIN_WORD = 3;
    private static final int SHARED_PREFIX = 5;
    /** The field's everyday words, a resource beside this class. */
    static final String EVERYDAY_WORDS = "everyday-words.txt";

    private final Ontology ontology;

    public SearchVocabulary(Ontology ontology) {
        this.ontology = Objects.requireNonNull(ontology);
    }

    /** The dictionary words, sorted, one per entry. */
    public List<String> decompoundWords() {
        Set<String> words = new TreeSet<>();
        for (Concept concept : ontology.concepts()) {
            for (String label : swedishLabels(concept)) {
                var matcher = WORD.matcher(label.toLowerCase(Locale.ROOT));
                while (matcher.find()) {
                    if (matcher.group().length() >= MIN_WORD) {
                        words.add(matcher.group());
                    }
                }
            }
        }
        List<String> atoms = new ArrayList<>();
        for (String word : words) {
            if (!isCompoundOf(word, words)) {
                atoms.add(word);
            }
        }
        return atoms;
    }

    /** Solr-format equivalence rules ({@code a, b, c}), sorted. */
    public List<String> synonymRules() {
        List<String> rules = new ArrayList<>(conceptSynonymRules());
        rules.addAll(everydayWordRules());
        return List.copyOf(rules);
    }

    /** The everyday words of the field, one rule per thing ({@value #EVERYDAY_WORDS}, comments left out). */
    public static List<String> everydayWordRules() {
        try (InputStream in = SearchVocabulary.class.getResourceAsStream(EVERYDAY_WORDS)) {
            return new String(Objects.requireNonNull(in, EVERYDAY_WORDS).readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EVERYDAY_WORDS, e);
        }
    }

    /** Per concept, its labels that are spellings or inflections of one another. */
    public List<String> conceptSynonymRules() {
        Set<String> rules = new TreeSet<>();
        for (Concept concept : ontology.concepts()) {
            Map<String, Set<String>> groups = new LinkedHashMap<>();
            for (String label : swedishLabels(concept)) {
                String lower = label.toLowerCase(Locale.ROOT).strip();
                if (!RULE_LABEL.matcher(lower).matches()) {
                    continue;
                }
                String folded = SwedishText.fold(lower);
                groups.computeIfAbsent(folded.substring(0, Math.min(SHARED_PREFIX, folded.length())), k -> new TreeSet<>()).add(lower);
            }
            groups.values().stream().filter(g -> g.size() > 1).forEach(g -> rules.add(String.join(", ", g)));
        }
        return List.copyOf(rules);
    }

    private static List<String> swedishLabels(Concept concept) {
        List<String> labels = new ArrayList<>();
        String sv = concept.prefLabels().get("sv");
        if (sv != null) {
            labels.add(sv);
        }
        concept.altLabels().stream().filter(l -> l.language().equals("sv")).forEach(l -> labels.add(l.text()));
        return labels;
    }

    /** True when {@code word} ends in another vocabulary word of four letters or more after a head of three or more. */
    private static boolean isCompoundOf(String word, Set<String> words) {
        for (int split = MIN_WORD; split <= word.length() - 4; split++) {
            String tail = word.substring(split);
            if (words.contains(tail)) {
                return true;
            }
        }
        return false;
    }
}
