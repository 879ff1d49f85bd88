package org.lararena.ingest.pipeline;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import org.lararena.ingest.DocumentAnnotated;
import org.lararena.ingest.DocumentExtracted;
import org.lararena.ingest.IngestAddresses;
import org.lararena.platform.DiskFull;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.store.PassageFacets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annotation step: the annotator's suggestions for each passage go into the annotation store as Web
 * Annotations, and each passage gets the concepts of its suggested, accepted and manual annotations with every
 * broader concept, so a facet on a top theme counts its narrower concepts too.
 *
 * <p>Documents take turns: each turn is one step of a document's {@link DocumentAnnotation.Run} (a batch of
 * passages, one short write transaction, off the event loop), after which the document goes to the back of the
 * line. A small document uploaded while a large one is annotated therefore waits one step, not the whole large
 * document; the large one publishes its progress (passages done of total) after every step. One step runs at a
 * time: the store has one writer anyway. Stopping drops the line and waits for the running step to end; the
 * documents stay {@code annotating} and resume from their kept passages at the next start. Deploy as a standard (event-loop) verticle, one instance.
 */
public final class AnnotationVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(AnnotationVerticle.class);

    private final DocumentStore store;
    private final DocumentAnnotation annotation;
    private StatusUpdates status;
    /** Runs waiting for their next step, in turn order (touched only on this verticle's event loop). */
    private final Deque<Turn> line = new ArrayDeque<>();
    private boolean stepping;
    private boolean stopping;
    /** Completed when the step running at the stop has ended (touched only on this verticle's event loop). */
    private Promise<Void> stepEnded;

    /** A document in the line: its run and its record as last saved. */
    private record Turn(DocumentAnnotation.Run run, DocumentRecord record) {}

    public AnnotationVerticle(DocumentStore store, DocumentAnnotation annotation) {
        this.store = Objects.requireNonNull(store);
        this.annotation = Objects.requireNonNull(annotation);
    }

    @Override
    public Future<?> start() {
        status = new StatusUpdates(store, vertx.eventBus());
        return vertx.eventBus().<JsonObject>localConsumer(IngestAddresses.DOCUMENT_EXTRACTED, this::enqueue).completion();
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        if (!line.isEmpty()) {
            LOG.info("Stopping with {} document(s) being annotated; they resume at the next start", line.size());
        }
        line.clear();
        if (!stepping) {
            return Future.succeededFuture();
        }
        // A step is one short write transaction: let it end, rather than have the worker thread interrupted inside
        // it (which leaves the store's writer lock held and its files closed under it).
        stepEnded = Promise.promise();
        return stepEnded.future();
    }

    private void enqueue(Message<JsonObject> message) {
        DocumentExtracted extracted = DocumentExtracted.fromJson(message.body());
        String id = extracted.documentId();
        vertx.executeBlocking(() -> store.find(id).map(record -> status.change(id, DocumentStatus.ANNOTATING, null)), false)
                .onSuccess(record -> record.ifPresent(r -> {
                    line.add(new Turn(annotation.start(id, extracted.passages()), r));
                    pump();
                }))
                .onFailure(e -> LOG.warn("Annotation of {} could not start: {}", id, e.getMessage()));
    }

    private void pump() {
        if (stepping || stopping || line.isEmpty()) {
            return;
        }
        Turn turn = line.poll();
        stepping = true;
        vertx.executeBlocking(() -> step(turn), false).onComplete(done -> {
            stepping = false;
            if (stepEnded != null) {
                stepEnded.tryComplete();
            }
            if (done.failed()) {
                failed(turn, done.cause());
            } else if (done.result() != null) {
                new DocumentAnnotated(turn.run().documentId(), done.result()).send(vertx.eventBus());
            } else if (!stopping) {
                line.add(turn);
            }
            pump();
        });
    }

    /** One step of a run; blocking. The annotated passages when the run is over, else null. */
    private JsonArray step(Turn turn) {
        DocumentAnnotation.Run run = turn.run();
        if (!run.step()) {
            status.progress(turn.record(), run.done(), run.total());
            return null;
        }
        Map<String, PassageFacets> facets = run.finish();
        status.progress(turn.record(), run.total(), run.total());
        return DocumentAnnotation.withFacets(run.documentId(), run.passages(), facets);
    }

    private void failed(Turn turn, Throwable failure) {
        String id = turn.run().documentId();
        if (DiskFull.causedBy(failure) && !stopping) {
            waitForSpace(turn);
            return;
        }
        LOG.warn("Annotation of {} failed: {}", id, failure.getMessage());
        vertx.executeBlocking(() -> status.change(id, DocumentStatus.FAILED, "Dokumentet kunde inte annoteras: " + failure.getMessage()), false);
    }

    /**
     * A step the annotation store could not write for a full disk does not fail the document: it says why it waits,
     * and the same step is tried again every {@link StatusUpdates#DISK_FULL_RETRY} until there is room (the
     * failed transaction wrote nothing, and the run stored its earlier steps under the same deterministic ids).
     */
    private void waitForSpace(Turn turn) {
        LOG.warn("The disk is full: the annotation of {} waits for space and goes on in {} s", turn.run().documentId(),
                StatusUpdates.DISK_FULL_RETRY.toSeconds());
        vertx.executeBlocking(() -> {
            status.waitingForSpace(turn.run().documentId(), DocumentStatus.ANNOTATING);
            return null;
        }, false);
        vertx.setTimer(StatusUpdates.DISK_FULL_RETRY.toMillis(), timer -> {
            if (!stopping) {
                line.add(turn);
                pump();
            }
        });
    }
}
