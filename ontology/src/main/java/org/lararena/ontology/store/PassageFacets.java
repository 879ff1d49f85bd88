package org.lararena.ontology.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lararena.ontology.Ontology;

/**
 * What search knows of a passage's annotations: the concepts of its suggested, accepted and manual annotations
 * (not rejected or retracted ones), and those concepts with every broader concept, so a facet on a top theme
 * counts its narrower concepts too; the same for the reviewed annotations alone (accepted suggestions and manual
 * tags), which is what pilots and attendees see unless they ask for suggestions; and why each unreviewed suggestion
 * was made, so a search hit can say so.
 *
 * @param concepts the annotated concepts, in text order
 * @param themes the concepts and all concepts broader than them
 * @param reviewedConcepts the concepts of accepted and manual annotations
 * @param reviewedThemes those concepts and all concepts broader than them
 * @param suggestions the annotator's suggestions no researcher has reviewed yet, in text order
 */
public record PassageFacets(List<String> concepts, List<String> themes, List<String> reviewedConcepts, List<String> reviewedThemes,
                            List<SuggestionReason> suggestions) {

    public static final PassageFacets NONE = new PassageFacets(List.of(), List.of(), List.of(), List.of(), List.of());

    /**
     * Why the annotator suggested a concept on a passage: the words it found, the term they matched and its
     * confidence.
     *
     * @param concept the suggested concept's IRI
     * @param themes the concept and every broader one (the theme chips it gives the passage)
     * @param exact the words of the passage it found
     * @param matched the dictionary term they matched ({@code "(hela stycket)"} for a suggestion on the whole passage)
     * @param confidence 0..1, or null when the annotator gave none
     * @param creator the IRI of the annotator that made it, whose version names the suggester model it used
     */
    public record SuggestionReason(String concept, List<String> themes, String exact, String matched, Double confidence, String creator) {

        public SuggestionReason {
            themes = List.copyOf(themes);
        }
    }

    public PassageFacets {
        concepts = List.copyOf(concepts);
        themes = List.copyOf(themes);
        reviewedConcepts = List.copyOf(reviewedConcepts);
        reviewedThemes = List.copyOf(reviewedThemes);
        suggestions = List.copyOf(suggestions);
    }

    /**
     * The facets of every passage that has annotations, by passage id. A concept the ontology no longer knows
     * (after a change) still counts, without broader concepts.
     */
    public static Map<String, PassageFacets> of(List<StoredAnnotation> annotations, Ontology ontology) {
        Map<String, Building> passages = new LinkedHashMap<>();
        for (StoredAnnotation annotation : annotations) {
            Building passage = passages.computeIfAbsent(annotation.passageId(), k -> new Building());
            if (!annotation.state().isActive()) {
                continue;
            }
            String iri = annotation.conceptIri();
            Set<String> closure = ontology.concept(iri).isPresent() ? ontology.broaderClosure(iri) : Set.of(iri);
            passage.concepts.add(iri);
            passage.themes.addAll(closure);
            if (annotation.state() == ReviewState.ACCEPTED) {
                passage.reviewedConcepts.add(iri);
                passage.reviewedThemes.addAll(closure);
            } else if (!annotation.manual()) {
                passage.suggestions.add(new SuggestionReason(iri, List.copyOf(closure), annotation.exact(), annotation.matchedTerm(),
                        annotation.confidence(), annotation.creatorIri()));
            }
        }
        Map<String, PassageFacets> facets = new LinkedHashMap<>();
        passages.forEach((passage, b) -> facets.put(passage, new PassageFacets(List.copyOf(b.concepts), List.copyOf(b.themes),
                List.copyOf(b.reviewedConcepts), List.copyOf(b.reviewedThemes), b.suggestions)));
        return facets;
    }

    private static final class Building {
        final Set<String> concepts = new LinkedHashSet<>();
        final Set<String> themes = new LinkedHashSet<>();
        final Set<String> reviewedConcepts = new LinkedHashSet<>();
        final Set<String> reviewedThemes = new LinkedHashSet<>();
        final List<SuggestionReason> suggestions = new ArrayList<>();
    }
}
