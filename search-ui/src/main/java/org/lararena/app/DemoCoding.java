package org.lararena.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.index.PassageConcepts;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CodingStatus;
import org.lararena.ontology.store.PassageFacets;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.vocabulary.LAR;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Codes demo documents as researchers would ({@code demo/coding.json}, see the demo README), each once the pipeline
 * has indexed it for the first time after the demo data was loaded: one interview by two researchers, independently
 * and with some disagreement, so agreement has something to show; every public document and a pilots' workshop by one
 * researcher each, so pilots and attendees see reviewed codes without asking for the annotator's suggestions, and the
 * learning modules' links find them.
 */
final class DemoCoding {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCoding.class);
    private static final String SCRIPT = "/demo/coding.json";

    private final Vertx vertx;
    private final AnnotationStore annotations;
    private final Ontology ontology;
    private final PassageConcepts index;
    /** The scripted coders of each scripted document, by file name. */
    private final Map<String, JsonArray> codersByFile;
    /** The file names of the scripted documents not yet indexed, by document id. */
    private final Map<String, String> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean();

    DemoCoding(Vertx vertx, AnnotationStore annotations, Ontology ontology, PassageConcepts index) {
        this.vertx = Objects.requireNonNull(vertx);
        this.annotations = Objects.requireNonNull(annotations);
        this.ontology = Objects.requireNonNull(ontology);
        this.index = Objects.requireNonNull(index);
        this.codersByFile = read();
    }

    /** Codes {@code record} when it is a scripted document, once it is indexed. */
    void watch(DocumentRecord record) {
        JsonArray coders = codersByFile.get(record.filename());
        if (coders == null) {
            return;
        }
        waiting.put(record.id(), record.filename());
        if (listening.compareAndSet(false, true)) {
            // One consumer for every demo document, kept while the application runs, and its own instance's events only
            // (another instance of a cluster codes its own). A consumer per document, unregistered once its document was
            // indexed, dropped the events already queued for it, each with a warning on the console of a first start.
            vertx.eventBus().<JsonObject>localConsumer(IngestAddresses.DOCUMENT_STATUS, message -> codeOnceIndexed(message.body()));
        }
    }

    /** Codes the scripted document a status event says is indexed, the first time it says so. */
    private void codeOnceIndexed(JsonObject status) {
        String documentId = status.getString("documentId");
        String filename = "indexed".equals(status.getString("status")) && documentId != null ? waiting.remove(documentId) : null;
        if (filename != null) {
            vertx.executeBlocking(() -> code(documentId, codersByFile.get(filename)), false)
                    .onSuccess(n -> LOG.info("Demo coding: {} decisions on {}", n, filename))
                    .onFailure(e -> LOG.warn("Demo coding of {} failed: {}", filename, e.getMessage()));
        }
    }

    /** Blocking: each scripted researcher reviews every suggestion and marks the document done; returns the decisions made. */
    private int code(String documentId, JsonArray coders) {
        List<StoredAnnotation> suggestions = annotations.annotationsOf(documentId).stream()
                .filter(a -> !a.manual() && a.state() == ReviewState.SUGGESTED).toList();
        int decisions = 0;
        for (Object entry : coders) {
            JsonObject coder = (JsonObject) entry;
            List<String> rejectedThemes = coder.getJsonArray("reject", new JsonArray()).stream()
                    .map(theme -> LAR.BASE + "tema/" + theme).toList();
            List<String> accept = new ArrayList<>();
            List<String> reject = new ArrayList<>();
            for (StoredAnnotation suggestion : suggestions) {
                Optional<String> theme = ontology.topTheme(suggestion.conceptIri()).map(Concept::iri);
                (theme.isPresent() && rejectedThemes.contains(theme.get()) ? reject : accept).add(suggestion.id());
            }
            String username = coder.getString("username");
            if (!accept.isEmpty()) {
                annotations.review(documentId, accept, ReviewState.ACCEPTED, username);
            }
            if (!reject.isEmpty()) {
                annotations.review(documentId, reject, ReviewState.REJECTED, username);
            }
            annotations.setCodingStatus(documentId, username, CodingStatus.State.DONE);
            decisions += accept.size() + reject.size();
        }
        // The team state changed (rejected by nobody else: accepted by someone): search follows.
        index.update(PassageFacets.of(annotations.annotationsOf(documentId), ontology));
        return decisions;
    }

    private static Map<String, JsonArray> read() {
        try (InputStream stream = DemoCoding.class.getResourceAsStream(SCRIPT)) {
            if (stream == null) {
                return Map.of();
            }
            JsonObject script = new JsonObject(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, JsonArray> codersByFile = new HashMap<>();
            script.getJsonArray("documents").forEach(entry -> codersByFile.put(((JsonObject) entry).getString("file"),
                    ((JsonObject) entry).getJsonArray("coders", new JsonArray())));
            return Map.copyOf(codersByFile);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo coding script could not be read", e);
        }
    }
}
