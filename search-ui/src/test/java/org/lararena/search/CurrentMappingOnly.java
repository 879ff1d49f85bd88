package org.lararena.search;

import org.lararena.ingest.index.PassageIndex;

/**
 * For tests whose passage index is new or already of the current mapping: {@link PassageIndex#ensureExists} copies
 * nothing then, so it never asks for the passages' stored facets, and a test that made it copy fails here.
 */
public final class CurrentMappingOnly {

    public static final PassageIndex.FacetSource FACETS = (documentId, passageIds) -> {
        throw new AssertionError("an index of the current mapping is not copied, so no passage's facets are asked for ("
                + documentId + ")");
    };

    private CurrentMappingOnly() {
    }
}
