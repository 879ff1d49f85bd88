package org.lararena.ontology;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One SKOS concept of the ontology, as plain immutable values. IRIs are strings; the hierarchy holds the IRIs of
 * the directly broader and narrower concepts.
 *
 * @param iri the concept's IRI
 * @param scheme the IRI of its concept scheme
 * @param prefLabels the preferred label per language tag ({@code sv}, {@code en})
 * @param altLabels alternative labels: synonyms, inflected forms, English
 * @param hiddenLabels labels for matching only, e.g. forms without å, ä and ö (without the weak labels)
 * @param weakLabels ambiguous terms that signal the concept only together with other evidence
 * @param definitions the definition per language tag
 * @param broader IRIs of the directly broader concepts
 * @param narrower IRIs of the directly narrower concepts
 * @param deprecated {@code owl:deprecated true}: kept for history, no longer suggested or offered
 * @param replacedBy the concept a deprecated one was merged into ({@code dcterms:isReplacedBy}), or null
 * @param colour the researchers' colour for it ({@code lar:colour}, {@code #rrggbb}), or null
 */
public record Concept(
        String iri,
        String scheme,
        Map<String, String> prefLabels,
        List<Label> altLabels,
        List<Label> hiddenLabels,
        List<Label> weakLabels,
        Map<String, String> definitions,
        List<String> broader,
        List<String> narrower,
        boolean deprecated,
        String replacedBy,
        String colour) {

    /** A label with its language tag (empty when the literal has none). */
    public record Label(String text, String language) {
        public Label {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(language, "language");
        }
    }

    public Concept {
        Objects.requireNonNull(iri, "iri");
        Objects.requireNonNull(scheme, "scheme");
        prefLabels = Map.copyOf(prefLabels);
        altLabels = List.copyOf(altLabels);
        hiddenLabels = List.copyOf(hiddenLabels);
        weakLabels = List.copyOf(weakLabels);
        definitions = Map.copyOf(definitions);
        broader = List.copyOf(broader);
        narrower = List.copyOf(narrower);
    }

    /** The Swedish preferred label (always present in a validated ontology). */
    public String labelSv() {
        return prefLabels.getOrDefault("sv", iri);
    }

    /** The English preferred label, falling back to the Swedish one. */
    public String labelEn() {
        return prefLabels.getOrDefault("en", labelSv());
    }

    public Optional<String> definition(String language) {
        return Optional.ofNullable(definitions.get(language));
    }

    /** True for a concept without broader concepts. */
    public boolean isTop() {
        return broader.isEmpty();
    }
}
