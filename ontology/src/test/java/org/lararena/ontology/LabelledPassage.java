package org.lararena.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A passage of an evaluation set ({@code src/test/resources/eval/README.md}) with the top themes it is labelled with.
 * In this module's test jar, with the sets, so that tests on the real servers read them as the measurements do.
 *
 * @param themes the Swedish preferred labels of its top themes
 * @param evidence by theme label, the words of the text that carry it, where the set names them ({@code [words]})
 */
public record LabelledPassage(Set<String> themes, String text, Map<String, String> evidence) {

    /** The words that carry a label, in brackets after it: {@code Samverkan [mobila teamet]}. */
    private static final Pattern EVIDENCE = Pattern.compile("\\[([^\\]]+)]");

    /** The IRIs of the top themes the passage is labelled with. */
    public Set<String> themeIris(Ontology ontology) {
        return ontology.topThemes().stream().filter(t -> themes.contains(t.labelSv())).map(Concept::iri).collect(Collectors.toSet());
    }

    /** By top theme IRI, the words of the text that carry it, where the set names them. */
    Map<String, String> evidenceByThemeIri(Ontology ontology) {
        return ontology.topThemes().stream().filter(t -> evidence.containsKey(t.labelSv()))
                .collect(Collectors.toMap(Concept::iri, t -> evidence.get(t.labelSv())));
    }

    /** The passages of an evaluation set ({@code /eval/<file>} on the classpath), in the file's order. */
    public static List<LabelledPassage> read(String file) throws IOException {
        String content;
        try (InputStream in = LabelledPassage.class.getResourceAsStream("/eval/" + file)) {
            assertThat(in).as(file).isNotNull();
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<LabelledPassage> passages = new ArrayList<>();
        String[] blocks = content.split("(?m)^---\\s*$");
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i].strip();
            int newline = block.indexOf('\n');
            String header = newline < 0 ? block : block.substring(0, newline);
            String text = newline < 0 ? "" : block.substring(newline + 1).strip();
            assertThat(header).as("passage %d of %s", i, file).startsWith("themes:");
            Set<String> themes = new TreeSet<>();
            Map<String, String> evidence = new TreeMap<>();
            for (String theme : header.substring("themes:".length()).split(";")) {
                Matcher words = EVIDENCE.matcher(theme);
                String label = words.find() ? theme.substring(0, words.start()).strip() : theme.strip();
                if (!label.isEmpty()) {
                    themes.add(label);
                    if (words.find(0)) {
                        evidence.put(label, words.group(1).strip());
                    }
                }
            }
            passages.add(new LabelledPassage(themes, text, evidence));
        }
        return passages;
    }
}
