package org.lararena.ingest.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lararena.ingest.index.PassageConcepts;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageFacets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Annotates indexed documents again, after the ontology changed: only the annotator's still-suggested
 * annotations change (accepted, rejected and manual ones and all history stay), and the passages' concepts and
 * themes in the index follow. Documents still in the pipeline are left to it. Blocking: run off the event loop.
 */
public final class Reannotation {

    private static final Logger LOG = LoggerFactory.getLogger(Reannotation.class);

    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final DocumentAnnotation annotation;
    private final PassageConcepts index;

    public Reannotation(DocumentStore documents, AnnotationStore annotations, DocumentAnnotation annotation, PassageConcepts index) {
        this.documents = Objects.requireNonNull(documents);
        this.annotations = Objects.requireNonNull(annotations);
        this.annotation = Objects.requireNonNull(annotation);
        this.index = Objects.requireNonNull(index);
    }

    /** What a run did. */
    public record Result(String ontologyVersion, int documents, int passages, int failed) {}

    /** Re-annotates the indexed documents annotated with another ontology version than the current one (or none). */
    public Result outdated() {
        Map<String, String> versions = annotations.ontologyVersions();
        return run(documents.all().stream()
                .filter(r -> !annotation.ontologyVersion().equals(versions.get(r.id()))).toList());
    }

    /** Re-annotates every indexed document. */
    public Result all() {
        return run(documents.all());
    }

    private Result run(List<DocumentRecord> candidates) {
        int done = 0;
        int passages = 0;
        int failed = 0;
        for (DocumentRecord record : candidates) {
            Optional<JsonObject> extracted = record.status() == DocumentStatus.INDEXED ? documents.passages(record.id()) : Optional.empty();
            if (extracted.isEmpty()) {
                continue;
            }
            JsonArray texts = extracted.get().getJsonArray("passages", new JsonArray());
            try {
                Map<String, PassageFacets> facets = annotation.annotate(record.id(), texts);
                index.update(facets);
                done++;
                passages += facets.size();
            } catch (RuntimeException e) {
                // The next start tries this document again.
                LOG.warn("Re-annotation of {} failed: {}", record.id(), e.getMessage());
                annotations.markOutdated(record.id());
                failed++;
            }
        }
        if (done > 0 || failed > 0) {
            LOG.info("Re-annotated {} documents ({} passages) with ontology version {}; {} failed", done, passages,
                    annotation.ontologyVersion(), failed);
        }
        return new Result(annotation.ontologyVersion(), done, passages, failed);
    }
}
