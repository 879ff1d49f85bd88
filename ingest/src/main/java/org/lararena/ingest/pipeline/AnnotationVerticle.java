package org.lararena.ingest.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.Suggestion;

/**
 * The annotation step: each passage gets the concepts the annotator finds in it, and every broader concept of
 * those, so a facet on a top theme counts its narrower concepts too. Deploy as a worker verticle (CPU work).
 * The suggestions are not yet kept as reviewable Web Annotations: that store is still to come.
 */
public final class AnnotationVerticle extends VerticleBase {

    private final DocumentStore store;
    private final Ontology ontology;
    private final PassageAnnotator annotator;
    private StatusUpdates status;

    public AnnotationVerticle(DocumentStore store, Ontology ontology, PassageAnnotator annotator) {
        this.store = Objects.requireNonNull(store);
        this.ontology = Objects.requireNonNull(ontology);
        this.annotator = Objects.requireNonNull(annotator);
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
        status.change(record, DocumentStatus.ANNOTATING, null);
        JsonArray passages = message.body().getJsonArray("passages");
        JsonArray annotated = new JsonArray();
        for (int i = 0; i < passages.size(); i++) {
            JsonObject passage = passages.getJsonObject(i).copy();
            Set<String> concepts = new LinkedHashSet<>();
            Set<String> themes = new LinkedHashSet<>();
            for (Suggestion suggestion : annotator.annotate(passage.getString("text"))) {
                concepts.add(suggestion.conceptIri());
                themes.addAll(ontology.broaderClosure(suggestion.conceptIri()));
            }
            annotated.add(passage.put("concepts", new JsonArray(concepts.stream().toList())).put("themes", new JsonArray(themes.stream().toList())));
        }
        vertx.eventBus().send(IngestAddresses.DOCUMENT_ANNOTATED, new JsonObject().put("documentId", id).put("passages", annotated));
    }
}
