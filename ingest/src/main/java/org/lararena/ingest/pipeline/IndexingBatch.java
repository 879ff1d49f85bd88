package org.lararena.ingest.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the indexer gathers into one bulk request: at most {@code maxDocuments} documents or
 * {@code maxPassages} passages, and a batch waits at most {@code maxWait} after its first document for more.
 */
public record IndexingBatch(int maxDocuments, int maxPassages, Duration maxWait) {

    public IndexingBatch {
        Objects.requireNonNull(maxWait);
        if (maxDocuments < 1 || maxPassages < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("an indexing batch holds at least one document and one passage");
        }
    }
}
