package org.lararena.ingest.pipeline;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lararena.ingest.DocumentReceived;
import org.lararena.ingest.IndexingOutcome;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageFacets;
import org.lararena.platform.LararenaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the passage index from the data directory alone ({@code ./lararena reindex}): the passages extraction
 * kept for every indexed document, with the concepts and themes of its annotations as they stand now (accepted,
 * suggested and manual), go into a fresh index; then the alias moves to it in one step and the old index is
 * deleted. Searches keep answering from the old index until the move. Works when the index is gone altogether (a
 * lost cluster). Documents that were indexed, reviewed or changed while the rebuild ran (in the old index only) are
 * written again after the move, so none is missing or stale. One rebuild at a time. {@link #extractAgain} goes further back, to the originals. Blocking: run off the event loop.
 */
public final class IndexRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(IndexRebuild.class);

    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final Ontology ontology;
    private final PassageIndex index;
    private final PassageIndexer indexer;
    private final int batchDocuments;
    private final AtomicBoolean running = new AtomicBoolean();

    public IndexRebuild(DocumentStore documents, AnnotationStore annotations, Ontology ontology, PassageIndex index,
                        PassageIndexer indexer, int batchDocuments) {
        this.documents = Objects.requireNonNull(documents);
        this.annotations = Objects.requireNonNull(annotations);
        this.ontology = Objects.requireNonNull(ontology);
        this.index = Objects.requireNonNull(index);
        this.indexer = Objects.requireNonNull(indexer);
        if (batchDocuments < 1) {
            throw new IllegalArgumentException("batchDocuments must be at least 1");
        }
        this.batchDocuments = batchDocuments;
    }

    /** What a rebuild did: the indexes it replaced (none when the index was lost), the new one, and what it holds. */
    public record Result(List<String> from, String to, int documents, long passages, int failed) {
    }

    /** Rebuilds the index; a second call while one runs is refused with 409. */
    public Result run() {
        if (!running.compareAndSet(false, true)) {
            throw new LararenaException(409, "reindex_running", "a reindex is running already; wait until it is done");
        }
        try {
            String to = index.createNext();
            Totals totals = new Totals();
            List<String> from;
            try {
                write(to, indexed(), totals);
                from = index.moveAliasTo(to);
            } catch (RuntimeException e) {
                // The alias still points to the old index, which searches keep using: the half-filled one goes.
                deleteQuietly(to);
                throw e;
            }
            // Indexed or reviewed while the copy ran, so changed in the old index only: write them again, through the alias.
            write(index.alias(), indexed(), totals);
            from.forEach(index::delete);
            long passages = totals.passages.values().stream().mapToLong(Integer::longValue).sum();
            LOG.info("Rebuilt the passage index {} from the data directory: {} documents, {} passages ({} failed); replaced {}",
                    to, totals.passages.size(), passages, totals.failed.size(), from);
            return new Result(from, to, totals.passages.size(), passages, totals.failed.size());
        } finally {
            running.set(false);
        }
    }

    /**
     * Sends every indexed document through the pipeline again from its original (extraction, repair, segmentation,
     * annotation, indexing), as after a change of those steps; its passages stay searchable until the new ones
     * replace them, and reviewed annotations stay. Returns how many documents were sent.
     */
    public int extractAgain(EventBus eventBus) {
        StatusUpdates status = new StatusUpdates(documents, eventBus);
        int sent = 0;
        for (DocumentRecord record : indexed()) {
            status.change(record.id(), DocumentStatus.QUEUED, null);
            DocumentReceived.submit(eventBus, record.id());
            sent++;
        }
        return sent;
    }

    private void deleteQuietly(String halfFilled) {
        try {
            index.delete(halfFilled);
        } catch (RuntimeException e) {
            LOG.warn("The half-filled index {} could not be deleted: {}", halfFilled, e.getMessage());
        }
    }

    /** What the rebuild wrote: a hash of each document's passage documents, their count, and the documents that failed. */
    private static final class Totals {
        final Map<String, Integer> written = new HashMap<>();
        final Map<String, Integer> passages = new HashMap<>();
        final Set<String> failed = new HashSet<>();
    }

    private List<DocumentRecord> indexed() {
        return documents.all().stream().filter(r -> r.status() == DocumentStatus.INDEXED).toList();
    }

    /**
     * Writes the documents of {@code records} unless {@code totals} holds them as they are now (same passages, themes
     * and metadata), so that a second pass writes only what changed while the first ran.
     */
    private void write(String target, List<DocumentRecord> records, Totals totals) {
        for (int from = 0; from < records.size(); from += batchDocuments) {
            Map<String, List<JsonObject>> batch = new LinkedHashMap<>();
            for (DocumentRecord record : records.subList(from, Math.min(records.size(), from + batchDocuments))) {
                if (totals.failed.contains(record.id())) {
                    continue;
                }
                Optional<JsonObject> kept = documents.passages(record.id());
                if (kept.isEmpty()) {
                    LOG.warn("Document {} has no kept passages; it is left out of the rebuilt index", record.id());
                    totals.failed.add(record.id());
                    continue;
                }
                Map<String, PassageFacets> facets = PassageFacets.of(annotations.annotationsOf(record.id()), ontology);
                JsonArray passages = DocumentAnnotation.withFacets(record.id(), kept.get().getJsonArray("passages", new JsonArray()), facets);
                List<JsonObject> passageDocuments = IndexingVerticle.passageDocuments(record, passages);
                if (Integer.valueOf(passageDocuments.hashCode()).equals(totals.written.get(record.id()))) {
                    continue;
                }
                batch.put(record.id(), passageDocuments);
            }
            if (batch.isEmpty()) {
                continue;
            }
            indexer.replaceDocuments(target, batch).forEach((id, outcome) -> {
                if (outcome.status() == IndexingOutcome.INDEXED) {
                    totals.written.put(id, batch.get(id).hashCode());
                    totals.passages.put(id, batch.get(id).size());
                } else if (outcome.status() == IndexingOutcome.WAITING) {
                    throw LararenaException.unavailable("Elasticsearch stopped answering during the reindex (" + outcome.reason()
                            + "); run it again when Elasticsearch answers", null);
                } else {
                    LOG.warn("Document {} could not be written to {}: {}", id, target, outcome.reason());
                    totals.failed.add(id);
                }
            });
        }
    }
}
