package org.lararena.ingest.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lararena.ingest.StepTimings;
import org.lararena.ingest.StepTimings.Step;
import org.lararena.ingest.index.PassageFacetFields;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageFacets;
import org.lararena.ontology.store.PassageText;

/**
 * Annotates a document's passages and keeps the suggestions in the annotation store; what search gets of each
 * passage follows from the stored annotations (so a researcher's earlier review survives a re-run). A document is
 * annotated as a {@link Run} of short steps, each one write transaction that stops taking passages once it has held
 * the writer for {@code step} (its commit follows), of at most {@code batchPassages} passages, so that other documents
 * (and, where runs and people share a writer, researchers' actions) interleave with a large one: such a write waits
 * for at most one step. Blocking (CPU and Jena transactions): call from worker threads.
 */
public final class DocumentAnnotation {

    /**
     * The fewest passages a step is given to store once the run has found its pace (its write stops at the step's time
     * whatever it was given). A commit costs about the same whatever it holds (TDB2 forces a dozen files to disk and
     * copies the upper pages of six indexes), and on a busy disk that alone can take longer than a step of 100 ms:
     * paced by the time its transactions held the writer, commit included, the steps would shrink to one passage each,
     * every passage would pay a whole commit, and a large document would take minutes and grow the store by gigabytes.
     */
    static final int MIN_STEP_PASSAGES = 20;

    private final AnnotationStore annotations;
    private final Ontology ontology;
    private final PassageAnnotator annotator;
    private final int batchPassages;
    private final Duration step;

    /**
     * @param batchPassages the most passages one step takes
     * @param step          how long one step's write transaction may hold the store's writer lock before its commit
     */
    public DocumentAnnotation(AnnotationStore annotations, Ontology ontology, PassageAnnotator annotator, int batchPassages, Duration step) {
        this.annotations = Objects.requireNonNull(annotations);
        this.ontology = Objects.requireNonNull(ontology);
        this.annotator = Objects.requireNonNull(annotator);
        if (batchPassages < 1) {
            throw new IllegalArgumentException("batchPassages must be at least 1");
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be longer than zero");
        }
        this.batchPassages = batchPassages;
        this.step = step;
    }

    /** The ontology version suggestions are made against. */
    public String ontologyVersion() {
        return ontology.version();
    }

    /** A run over {@code passages} (each {@code {ordinal, text, ...}}, as extraction keeps them); nothing is stored yet. */
    public Run start(String documentId, JsonArray passages) {
        return new Run(documentId, passages);
    }

    /**
     * Annotates a whole document in one go (its steps one after another) and returns the facets of every passage,
     * by passage id (empty facets for a passage without annotations).
     */
    public Map<String, PassageFacets> annotate(String documentId, JsonArray passages) {
        Run run = start(documentId, passages);
        while (!run.step()) {
            // each step is a transaction of its own
        }
        return run.finish();
    }

    /** {@code passages} (as extraction keeps them), each with the fields of its facets ({@link PassageFacetFields}). */
    public static JsonArray withFacets(String documentId, JsonArray passages, Map<String, PassageFacets> facets) {
        JsonArray annotated = new JsonArray();
        for (int i = 0; i < passages.size(); i++) {
            JsonObject passage = passages.getJsonObject(i).copy();
            PassageFacets of = facets.getOrDefault(PassageIndexer.passageId(documentId, passage.getInteger("ordinal")), PassageFacets.NONE);
            annotated.add(passage.mergeIn(PassageFacetFields.of(of)));
        }
        return annotated;
    }

    /**
     * One document's annotation, step by step. Not thread-safe: one step at a time. Until {@link #finish()} the
     * document keeps its earlier ontology version in the store, so a run cut short by a stop is done again.
     */
    public final class Run {

        private final String documentId;
        private final JsonArray passages;
        private final String ontologyVersion = ontology.version();
        private final Set<String> made = new HashSet<>();
        private final Map<String, PassageFacets> facets = new LinkedHashMap<>();
        /** Passages annotated and not yet stored, from {@link #next} on: what a step's time did not reach. */
        private final List<AnnotationStore.PassageSuggestions> annotated = new ArrayList<>();
        private int next;
        /** Passages the next step is given: starts at the fewest, then follows the pace of the steps so far. */
        private int stepPassages = Math.min(batchPassages, MIN_STEP_PASSAGES);
        /** Whether the run ended within its one step (a small document), so {@link #finish()} has nothing to write. */
        private boolean finishedInStep;
        /**
         * Whether the document held suggestions when the run began (asked before its first write of several), so that
         * {@link #finish()} must look for those it no longer makes; null until then.
         */
        private Boolean heldSuggestions;

        private Run(String documentId, JsonArray passages) {
            this.documentId = Objects.requireNonNull(documentId);
            this.passages = Objects.requireNonNull(passages);
        }

        public String documentId() {
            return documentId;
        }

        /** Passages stored so far. */
        public int done() {
            return next;
        }

        public int total() {
            return passages.size();
        }

        /** The passages as extraction kept them. */
        public JsonArray passages() {
            return passages;
        }

        /**
         * Annotates and stores the next batch of passages (one write transaction); true when every passage is stored.
         * A batch whose write fails (a full disk) is not counted as done: the next step tries the same passages again.
         */
        public boolean step() {
            long annotating = System.nanoTime();
            int end = Math.min(passages.size(), next + stepPassages);
            for (int index = next + annotated.size(); index < end; index++) {
                JsonObject passage = passages.getJsonObject(index);
                String text = passage.getString("text", "");
                PassageText target = new PassageText(PassageIndexer.passageId(documentId, passage.getInteger("ordinal")), text);
                annotated.add(new AnnotationStore.PassageSuggestions(target, annotator.annotate(text)));
            }
            StepTimings.record(Step.ANNOTATION, documentId, annotating);
            if (!annotated.isEmpty()) {
                List<AnnotationStore.PassageSuggestions> batch = List.copyOf(annotated);
                // A document that fits in one step is stored and finished in one write: a commit costs about the
                // same whatever it holds, and most documents are this small.
                boolean wholeRun = next == 0 && batch.size() == passages.size();
                if (!wholeRun && heldSuggestions == null) {
                    heldSuggestions = annotations.holdsSuggestions(documentId);
                }
                AnnotationStore.StoredBatch stored = wholeRun
                        ? annotations.storeWholeRun(documentId, ontologyVersion, batch)
                        : annotations.storeSuggestions(documentId, ontologyVersion, batch, step);
                // One write transaction, timed from when it had the writer lock: the benchmarks read the longest of these.
                StepTimings.recordWrite(documentId, stored.held());
                // Paced by how long the lock was held, not by the wait for it: waiting behind researchers' writes says
                // nothing of what this step costs them. The write itself stops at the step's time, so the pace only
                // says how many passages to annotate for the next one.
                double millisPerPassage = Math.max(0.01, stored.held().toNanos() / 1e6 / stored.stored());
                stepPassages = (int) Math.max(Math.min(batchPassages, MIN_STEP_PASSAGES),
                        Math.min(batchPassages, step.toNanos() / 1e6 / millisPerPassage));
                made.addAll(stored.made());
                finishedInStep = wholeRun;
                stored.passages().forEach((passageId, ofPassage) ->
                        facets.put(passageId, PassageFacets.of(ofPassage, ontology).getOrDefault(passageId, PassageFacets.NONE)));
                // Passages the step's time did not reach are stored by the next step, annotated as they are.
                annotated.subList(0, stored.stored()).clear();
                next += stored.stored();
            }
            return next >= passages.size();
        }

        /**
         * Retracts the suggestions this run no longer makes and records the ontology version; returns the facets of
         * every passage of the document, by passage id.
         */
        public Map<String, PassageFacets> finish() {
            if (finishedInStep) {
                return facets;
            }
            // A document annotated for the first time holds only this run's suggestions: none to retract, none read.
            boolean fresh = Boolean.FALSE.equals(heldSuggestions);
            StepTimings.time(Step.STORAGE, documentId, () -> fresh
                    ? annotations.finishFreshAutomatic(documentId, ontologyVersion, made)
                    : annotations.finishAutomatic(documentId, ontologyVersion, made)).forEach((passageId, ofPassage) ->
                    facets.put(passageId, PassageFacets.of(ofPassage, ontology).getOrDefault(passageId, PassageFacets.NONE)));
            return facets;
        }
    }
}
