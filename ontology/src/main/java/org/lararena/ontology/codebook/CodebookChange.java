package org.lararena.ontology.codebook;

import java.time.Instant;

/**
 * One entry of the codebook's change log.
 *
 * @param id the change's IRI
 * @param kind {@code add}, {@code edit}, {@code move}, {@code merge} or {@code deprecate}
 * @param conceptIri the concept changed
 * @param username who changed it
 * @param at when
 * @param description what changed, in Swedish words
 * @param descriptionEn what changed, in English words (the Swedish ones for a change logged before the log was written
 *                      in both languages)
 * @param version the ontology version the change made
 */
public record CodebookChange(String id, String kind, String conceptIri, String username, Instant at, String description,
                             String descriptionEn, String version) {}
