package org.lararena.ingest.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageFacets;
import org.lararena.ontology.store.PassageText;

/**
 * Annotates a document's passages and keeps the suggestions in the annotation store; what search gets of each
 * passage follows from the stored annotations (so a researcher's earlier review survives a re-run). Blocking
 * (CPU and a Jena transaction): call from worker threads.
 */
public final class DocumentAnnotation {

    private final AnnotationStore annotations;
    private final Ontology ontology;
    private final PassageAnnotator annotator;

    public DocumentAnnotation(AnnotationStore annotations, Ontology ontology, PassageAnnotator annotator) {
        this.annotations = Objects.requireNonNull(annotations);
        this.ontology = Objects.requireNonNull(ontology);
        this.annotator = Objects.requireNonNull(annotator);
    }

    /** The ontology version suggestions are made against. */
    public String ontologyVersion() {
        return ontology.version();
    }

    /**
     * Stores the suggestions for {@code passages} (each {@code {ordinal, text, ...}}, as extraction keeps them) and
     * returns the facets of every passage, by passage id (empty facets for a passage without annotations).
     */
    public Map<String, PassageFacets> annotate(String documentId, JsonArray passages) {
        List<AnnotationStore.PassageSuggestions> suggestions = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            JsonObject passage = passages.getJsonObject(i);
            String text = passage.getString("text", "");
            PassageText target = new PassageText(PassageIndexer.passageId(documentId, passage.getInteger("ordinal")), text);
            suggestions.add(new AnnotationStore.PassageSuggestions(target, annotator.annotate(text)));
        }
        Map<String, PassageFacets> facets = PassageFacets.of(annotations.storeAutomatic(documentId, ontology.version(), suggestions), ontology);
        Map<String, PassageFacets> all = new java.util.LinkedHashMap<>();
        for (AnnotationStore.PassageSuggestions passage : suggestions) {
            String passageId = passage.passage().passageId();
            all.put(passageId, facets.getOrDefault(passageId, PassageFacets.NONE));
        }
        return all;
    }

    /** {@code passages} (as extraction keeps them), each with the {@code concepts} and {@code themes} of its facets. */
    public static JsonArray withFacets(String documentId, JsonArray passages, Map<String, PassageFacets> facets) {
        JsonArray annotated = new JsonArray();
        for (int i = 0; i < passages.size(); i++) {
            JsonObject passage = passages.getJsonObject(i).copy();
            PassageFacets of = facets.getOrDefault(PassageIndexer.passageId(documentId, passage.getInteger("ordinal")), PassageFacets.NONE);
            annotated.add(passage.put("concepts", new JsonArray(of.concepts())).put("themes", new JsonArray(of.themes())));
        }
        return annotated;
    }
}
