package org.lararena.ingest.suggester;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.suggest.TrainingPassage;

/**
 * Researchers' decisions as the suggester's training data: every passage with at least one decision of a researcher
 * (an accept, a reject, a retraction or a tag of their own), with each researcher's latest decision about each of its
 * annotations. Read through the annotation store's decision log, one document (one read transaction) at a time, and
 * the passages' texts from the document store. Blocking.
 */
public final class DecisionLog {

    private final DocumentStore documents;
    private final AnnotationStore annotations;
    private final Ontology ontology;

    public DecisionLog(DocumentStore documents, AnnotationStore annotations, Ontology ontology) {
        this.documents = Objects.requireNonNull(documents);
        this.annotations = Objects.requireNonNull(annotations);
        this.ontology = Objects.requireNonNull(ontology);
    }

    /** Every passage researchers decided about, in document order. */
    public List<TrainingPassage> passages() {
        List<TrainingPassage> passages = new ArrayList<>();
        for (DocumentRecord record : documents.all()) {
            Map<String, List<Decision>> decisions = annotations.decisions(record.id());
            boolean decided = decisions.values().stream().flatMap(List::stream).anyMatch(d -> !isAnnotator(d));
            Optional<JsonObject> kept = decided ? documents.passages(record.id()) : Optional.empty();
            if (kept.isPresent()) {
                passages.addAll(ofDocument(record.id(), texts(record.id(), kept.get()), decisions));
            }
        }
        return passages;
    }

    private List<TrainingPassage> ofDocument(String documentId, Map<String, String> texts, Map<String, List<Decision>> decisions) {
        Map<String, List<TrainingPassage.Judgement>> byPassage = new LinkedHashMap<>();
        for (StoredAnnotation annotation : annotations.annotationsOf(documentId)) {
            int accepts = 0;
            int rejects = 0;
            for (Decision decision : decisions.getOrDefault(annotation.id(), List.of())) {
                if (isAnnotator(decision)) {
                    continue;
                }
                if (decision.state() == ReviewState.ACCEPTED) {
                    accepts++;
                } else if (decision.state() == ReviewState.REJECTED || decision.state() == ReviewState.RETRACTED) {
                    rejects++;
                }
            }
            Optional<String> topTheme = ontology.topTheme(annotation.conceptIri()).map(Concept::iri);
            boolean termless = !annotation.manual() && annotation.matchedTerm() == null;
            if (accepts + rejects == 0 || topTheme.isEmpty() || termless || !texts.containsKey(annotation.passageId())) {
                continue;
            }
            byPassage.computeIfAbsent(annotation.passageId(), k -> new ArrayList<>()).add(new TrainingPassage.Judgement(
                    annotation.conceptIri(), topTheme.get(), annotation.manual() ? null : annotation.matchedTerm(),
                    annotation.exact() == null ? "" : annotation.exact(), accepts, rejects));
        }
        List<TrainingPassage> passages = new ArrayList<>();
        byPassage.forEach((passageId, judgements) -> passages.add(new TrainingPassage(passageId, texts.get(passageId), judgements)));
        return passages;
    }

    private static Map<String, String> texts(String documentId, JsonObject kept) {
        Map<String, String> texts = new HashMap<>();
        JsonArray passages = kept.getJsonArray("passages", new JsonArray());
        for (int i = 0; i < passages.size(); i++) {
            JsonObject passage = passages.getJsonObject(i);
            texts.put(PassageIndexer.passageId(documentId, passage.getInteger("ordinal")), passage.getString("text", ""));
        }
        return texts;
    }

    private static boolean isAnnotator(Decision decision) {
        return AnnotationIris.ANNOTATOR_CODER.equals(decision.coder());
    }
}
