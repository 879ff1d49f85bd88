package org.lararena.ingest.pipeline;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lararena.ingest.DocumentReceived;
import org.lararena.ingest.IngestAddresses;
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
        resume(documents.unfinished(), documents, bus);
    }

    /**
     * For an instance of a cluster: claims the unfinished documents no member is processing (their instance left the
     * cluster, or the whole cluster stopped) and sends those this instance won on again, each from its last completed
     * step. Another instance's documents are left to it. Blocking.
     *
     * @param members the names of the cluster's members now, this instance's among them
     */
    public static void resumeOrphans(DocumentStore documents, EventBus bus, Set<String> members) {
        resume(documents.claimOrphans(members), documents, bus);
    }

    private static void resume(List<DocumentRecord> unfinishedDocuments, DocumentStore documents, EventBus bus) {
        for (DocumentRecord unfinished : unfinishedDocuments) {
            if (documents.pendingIndexing().contains(unfinished.id())) {
                continue;
            }
            LOG.info("Resuming {}, left {}", unfinished.id(), unfinished.status().wireName());
            Optional<JsonObject> extracted = unfinished.status() == DocumentStatus.QUEUED || unfinished.status() == DocumentStatus.EXTRACTING
                    ? Optional.empty() : documents.passages(unfinished.id());
            if (extracted.isPresent()) {
                bus.send(IngestAddresses.DOCUMENT_EXTRACTED, extracted.get());
            } else {
                DocumentReceived.submit(bus, unfinished.id());
            }
        }
    }
}
