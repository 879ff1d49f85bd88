package org.lararena.ingest.describe;

import java.util.List;
import java.util.Objects;
import org.lararena.ingest.repair.RepairedText;
import org.lararena.ingest.segment.Passage;

/**
 * A document after every text step: its repaired text (with the original), its passages and its description.
 */
public record ProcessedDocument(RepairedText repaired, List<Passage> passages, DocumentDescription description) {

    public ProcessedDocument {
        Objects.requireNonNull(repaired);
        passages = List.copyOf(passages);
        Objects.requireNonNull(description);
    }
}
