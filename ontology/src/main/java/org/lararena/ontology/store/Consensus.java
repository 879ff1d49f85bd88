package org.lararena.ontology.store;

import java.time.Instant;
import java.util.Set;

/**
 * A document's consensus layer: the annotations that stand after the researchers compared their coding.
 *
 * @param iri the consensus as a {@code lar:Consensus} ({@code prov:Entity}) in the document's graph
 * @param adjudicator the researcher who settled it
 * @param adoptedFrom the coder whose layer was adopted as it was, or null when the adjudicator wrote it
 * @param annotationIds the annotations that stand (their concepts reach search); every other one of the document is
 *     rejected in the team state
 */
public record Consensus(String iri, String adjudicator, Instant created, String adoptedFrom, Set<String> annotationIds) {

    public Consensus {
        annotationIds = Set.copyOf(annotationIds);
    }
}
