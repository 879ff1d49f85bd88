package org.lararena.ontology.store;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lararena.ontology.Ontology;

/**
 * What search knows of a passage's annotations: the concepts of its suggested, accepted and manual annotations
 * (not rejected or retracted ones), and those concepts with every broader concept, so a facet on a top theme
 * counts its narrower concepts too.
 *
 * @param concepts the annotated concepts, in text order
 * @param themes the concepts and all concepts broader than them
 */
public record PassageFacets(List<String> concepts, List<String> themes) {

    public static final PassageFacets NONE = new PassageFacets(List.of(), List.of());

    public PassageFacets {
        concepts = List.copyOf(concepts);
        themes = List.copyOf(themes);
    }

    /**
     * The facets of every passage that has annotations, by passage id. A concept the ontology no longer knows
     * (after a change) still counts, without broader concepts.
     */
    public static Map<String, PassageFacets> of(List<StoredAnnotation> annotations, Ontology ontology) {
        Map<String, Set<String>> concepts = new LinkedHashMap<>();
        Map<String, Set<String>> themes = new LinkedHashMap<>();
        for (StoredAnnotation annotation : annotations) {
            concepts.computeIfAbsent(annotation.passageId(), k -> new LinkedHashSet<>());
            themes.computeIfAbsent(annotation.passageId(), k -> new LinkedHashSet<>());
            if (!annotation.state().isActive()) {
                continue;
            }
            String iri = annotation.conceptIri();
            concepts.get(annotation.passageId()).add(iri);
            themes.get(annotation.passageId()).addAll(ontology.concept(iri).isPresent() ? ontology.broaderClosure(iri) : Set.of(iri));
        }
        Map<String, PassageFacets> facets = new LinkedHashMap<>();
        concepts.forEach((passage, c) -> facets.put(passage, new PassageFacets(List.copyOf(c), List.copyOf(themes.get(passage)))));
        return facets;
    }
}
