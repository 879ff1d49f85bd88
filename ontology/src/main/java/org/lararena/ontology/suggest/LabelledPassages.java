package org.lararena.ontology.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;

/**
 * Passages labelled with the top themes a careful researcher gives them, judged by meaning: the project's own writing
 * (interview turns, meeting notes, slide text, report paragraphs), in the format of its evaluation sets
 * ({@code ontology/src/test/resources/eval/README.md}). The sets listed in {@link #SHIPPED} ship with the ontology: the
 * suggester's classifiers learn from them beside the team's decisions ({@link SuggesterTraining}), so that a review of a
 * few dozen passages does not have to teach every theme from nothing.
 */
public final class LabelledPassages {

    /**
     * The shipped sets, in {@code labelled/} beside this class. Each was an evaluation set first and was measured once
     * before it joined them (docs/annotation-quality.md); a set that is to judge the suggester must not be among them.
     */
    public static final List<String> SHIPPED = List.of("tuning.txt", "heldout.txt", "suggester.txt", "suggester-heldout.txt",
            "suggester-heldout-2.txt", "suggester-heldout-3.txt", "suggester-heldout-4.txt", "suggester-heldout-5.txt",
            "suggester-heldout-6.txt");

    private static final String DIRECTORY = "labelled/";
    private static final String THEMES = "themes:";
    /** The words of a passage that carry a label, where a set names them: {@code Samverkan [mobila teamet]}. */
    private static final Pattern EVIDENCE = Pattern.compile("\\[([^\\]]+)]");

    /**
     * A labelled passage.
     *
     * @param labels the Swedish preferred labels of its top themes (none for a passage about nothing in the codebook)
     * @param evidence by label, the words of the text that carry it, where the set names them
     */
    public record Passage(Set<String> labels, String text, Map<String, String> evidence) {}

    private LabelledPassages() {
    }

    /** The passages of a shipped set. */
    public static List<Passage> shipped(String file) {
        try (InputStream in = LabelledPassages.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No shipped set of labelled passages is called " + file);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The passages of every shipped set but those in {@code leftOut}, with their top themes as IRIs of {@code ontology}:
     * what the suggester learns from beside decisions. An evaluation leaves out the set it measures.
     *
     * @throws IllegalStateException when a label is no top theme of {@code ontology}
     */
    public static List<SuggesterTraining.SeedPassage> seed(Ontology ontology, Collection<String> leftOut) {
        Map<String, String> iriByLabel = ontology.topThemes().stream().collect(Collectors.toMap(Concept::labelSv, Concept::iri));
        List<SuggesterTraining.SeedPassage> seed = new ArrayList<>();
        for (String file : SHIPPED) {
            if (leftOut.contains(file)) {
                continue;
            }
            for (Passage passage : shipped(file)) {
                Set<String> iris = new TreeSet<>();
                for (String label : passage.labels()) {
                    String iri = iriByLabel.get(label);
                    if (iri == null) {
                        throw new IllegalStateException("The label '" + label + "' in " + file + " is no top theme of the codebook");
                    }
                    iris.add(iri);
                }
                seed.add(new SuggesterTraining.SeedPassage(file, passage.text(), iris));
            }
        }
        return seed;
    }

    /**
     * Reads the format: passages separated by lines {@code ---}, each opening with a line {@code themes:} and its labels
     * separated by {@code ;}; lines before the first {@code ---} are comments.
     *
     * @param name the set's name, for the message when a passage has no {@code themes:} line
     */
    public static List<Passage> parse(String content, String name) {
        List<Passage> passages = new ArrayList<>();
        String[] blocks = content.split("(?m)^---\\s*$");
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i].strip();
            int newline = block.indexOf('\n');
            String header = newline < 0 ? block : block.substring(0, newline);
            String text = newline < 0 ? "" : block.substring(newline + 1).strip();
            if (!header.startsWith(THEMES)) {
                throw new IllegalArgumentException("Passage " + i + " of " + name + " does not open with a line '" + THEMES + "'");
            }
            Set<String> labels = new TreeSet<>();
            Map<String, String> evidence = new TreeMap<>();
            for (String theme : header.substring(THEMES.length()).split(";")) {
                Matcher words = EVIDENCE.matcher(theme);
                boolean named = words.find();
                String label = (named ? theme.substring(0, words.start()) : theme).strip();
                if (!label.isEmpty()) {
                    labels.add(label);
                    if (named) {
                        evidence.put(label, words.group(1).strip());
                    }
                }
            }
            passages.add(new Passage(labels, text, evidence));
        }
        return passages;
    }
}
