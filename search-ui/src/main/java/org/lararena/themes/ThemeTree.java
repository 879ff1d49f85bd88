package org.lararena.themes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;

/**
 * The theme tree of {@code scheme:teman} as JSON: {@code [{iri, label, labelEn, definition, narrower, count}]}, top
 * themes first (in the ontology's order), narrower concepts nested and sorted by label.
 */
final class ThemeTree {

    private ThemeTree() {
    }

    /**
     * @param counts passages the caller may see per concept IRI (a concept missing from it counts 0)
     * @param language {@code sv} or {@code en}: the language of {@code label} and {@code definition}
     */
    static JsonArray of(Ontology ontology, Map<String, Long> counts, String language) {
        Comparator<Concept> byLabel = Comparator.comparing(c -> label(c, language), Collator.getInstance(Locale.forLanguageTag(language)));
        JsonArray tree = new JsonArray();
        ontology.topThemes().forEach(top -> tree.add(node(top, ontology, counts, language, byLabel)));
        return tree;
    }

    private static JsonObject node(Concept concept, Ontology ontology, Map<String, Long> counts, String language, Comparator<Concept> byLabel) {
        JsonArray narrower = new JsonArray();
        // A concept the codebook deprecated (or merged away) stays in the tree only while passages still carry it.
        List<Concept> children = concept.narrower().stream()
                .flatMap(iri -> ontology.concept(iri).stream())
                .filter(child -> !child.deprecated() || counts.getOrDefault(child.iri(), 0L) > 0)
                .sorted(byLabel)
                .toList();
        children.forEach(child -> narrower.add(node(child, ontology, counts, language, byLabel)));
        return new JsonObject()
                .put("iri", concept.iri())
                .put("label", label(concept, language))
                .put("labelEn", concept.labelEn())
                .put("definition", concept.definition(language).or(() -> concept.definition("sv")).orElse(null))
                .put("narrower", narrower)
                .put("count", counts.getOrDefault(concept.iri(), 0L))
                .put("deprecated", concept.deprecated());
    }

    private static String label(Concept concept, String language) {
        return "en".equals(language) ? concept.labelEn() : concept.labelSv();
    }
}
