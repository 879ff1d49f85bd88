package org.lararena.ingest.pipeline;

import io.vertx.core.eventbus.EventBus;
import java.util.Optional;
import org.lararena.ingest.DocumentReceived;
import org.lararena.ingest.DocumentExtracted;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resuming at start-up the documents a stop left unfinished, each from its last completed step. */
public final class UnfinishedDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedDocuments.class);

    private UnfinishedDocuments() {
    }

    /**
     * Sends every unfinished document on again: {@code queued} and {@code extracting} ones to extraction, later ones
     * with the passages extraction kept straight to annotation. Those in the durable indexing queue are left to
     * {@link PendingIndexingVerticle}, which drains it. Blocking (reads the kept passages).
     */
    public static void resume(DocumentStore documents, EventBus bus) {
        for (DocumentRecord unfinished : documents.unfinished()) {
            if (documents.pendingIndexing().contains(unfinished.id())) {
                continue;
            }
            LOG.info("Resuming {}, left {}", unfinished.id(), unfinished.status().wireName());
            Optional<DocumentExtracted> extracted = unfinished.status() == DocumentStatus.QUEUED || unfinished.status() == DocumentStatus.EXTRACTING
                    ? Optional.empty() : documents.passages(unfinished.id()).map(DocumentExtracted::fromJson);
            if (extracted.isPresent()) {
                extracted.get().send(bus);
            } else {
                DocumentReceived.submit(bus, unfinished.id());
            }
        }
    }
}
