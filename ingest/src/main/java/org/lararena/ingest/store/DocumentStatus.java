package org.lararena.ingest.store;

import java.util.Locale;

/** Where a document is in the pipeline, as users see it. */
public enum DocumentStatus {
    QUEUED, EXTRACTING, ANNOTATING, INDEXING, INDEXED, FAILED, DUPLICATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == INDEXED || this == FAILED || this == DUPLICATE;
    }
}
