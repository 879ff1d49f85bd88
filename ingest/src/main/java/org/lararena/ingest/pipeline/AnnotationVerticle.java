package org.lararena.ingest.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.store.PassageFacets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annotation step: the annotator's suggestions for each passage go into the annotation store as Web
 * Annotations, and each passage gets the concepts of its suggested, accepted and manual annotations with every
 * broader concept, so a facet on a top theme counts its narrower concepts too. Deploy as a worker verticle (CPU
 * work and Jena transactions).
 */
public final class AnnotationVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(AnnotationVerticle.class);

    private final DocumentStore store;
    private final DocumentAnnotation annotation;
    private StatusUpdates status;

    public AnnotationVerticle(DocumentStore store, DocumentAnnotation annotation) {
        this.store = Objects.requireNonNull(store);
        this.annotation = Objects.requireNonNull(annotation);
    }

    @Override
    public Future<?> start() {
        status = new StatusUpdates(store, vertx.eventBus());
        return vertx.eventBus().<JsonObject>consumer(IngestAddresses.DOCUMENT_EXTRACTED, this::annotate).completion();
    }

    private void annotate(Message<JsonObject> message) {
        String id = message.body().getString("documentId");
        DocumentRecord record = store.find(id).orElse(null);
        if (record == null) {
            return;
        }
        record = status.change(record, DocumentStatus.ANNOTATING, null);
        JsonArray passages = message.body().getJsonArray("passages");
        Map<String, PassageFacets> facets;
        try {
            facets = annotation.annotate(id, passages);
        } catch (RuntimeException e) {
            LOG.warn("Annotation of {} failed: {}", id, e.getMessage());
            status.change(record, DocumentStatus.FAILED, "Dokumentet kunde inte annoteras: " + e.getMessage());
            return;
        }
        JsonArray annotated = DocumentAnnotation.withFacets(id, passages, facets);
        vertx.eventBus().send(IngestAddresses.DOCUMENT_ANNOTATED, new JsonObject().put("documentId", id).put("passages", annotated));
    }
}
