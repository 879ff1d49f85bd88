package org.lararena.ontology.codebook;

import java.util.List;

/**
 * What a researcher writes about a concept. In an edit, a null field stays as it is; in a new concept, the Swedish
 * label is required (and the English one stands in as the Swedish one when absent, since the shapes require one per
 * language).
 *
 * @param labelSv the Swedish preferred label
 * @param labelEn the English preferred label
 * @param definition the Swedish definition
 * @param synonyms Swedish alternative labels: the words the annotator finds the concept by
 * @param colour {@code #rrggbb}, or empty to remove it
 * @param broaderIri in an edit, the concept to move it under
 */
public record ConceptDraft(String labelSv, String labelEn, String definition, List<String> synonyms, String colour, String broaderIri) {}
