package org.lararena.ingest.index;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageFacets;
import org.lararena.ontology.store.StoredAnnotation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the concepts and themes of passages in search up to date with the annotation store after a coding action,
 * once the action has answered: a researcher does not wait for Elasticsearch's refresh (about a second) per key
 * press, and search follows within a second or two.
 *
 * <p>Changed passages are gathered per document and written by one background writer, each round with the facets
 * as the store holds them then (so several actions on one passage cost one update, and a late round never writes
 * an older state). A round returns when searches see it ({@link PassageConcepts}, refresh {@code wait_for}), and only
 * then is the search answer cache told, so it never serves an answer older than a change it has been told of.
 * While Elasticsearch is away the passages stay gathered and the writer tries again with backoff. At a stop, the
 * documents still gathered are marked outdated in the annotation store, so the start-up re-annotation updates them;
 * only a crash within that second loses the update until the next re-annotation or reindex.
 */
public final class FacetFollower {

    private static final Logger LOG = LoggerFactory.getLogger(FacetFollower.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final AnnotationStore annotations;
    private final Ontology ontology;
    private final SearchFacets index;
    /** Passages waiting for their update, by document (guarded by this). */
    private final Map<String, Set<String>> gathered = new LinkedHashMap<>();
    /** Whether a round is running or scheduled (guarded by this). */
    private boolean writing;
    /** Whether a round is reading the store or writing to Elasticsearch right now (guarded by this). */
    private boolean inRound;
    /** Set at the stop: no round starts after it (guarded by this). */
    private boolean stopped;
    private Duration nextRetry = FIRST_RETRY;

    /** Where a round's facets are written: the passage index ({@link PassageConcepts}). */
    @FunctionalInterface
    public interface SearchFacets {

        /** Sets the facet fields of each passage (by passage id), returning when searches see them. Blocking. */
        void update(Map<String, PassageFacets> passages);
    }

    public FacetFollower(Vertx vertx, AnnotationStore annotations, Ontology ontology, SearchFacets index) {
        this.vertx = Objects.requireNonNull(vertx);
        this.annotations = Objects.requireNonNull(annotations);
        this.ontology = Objects.requireNonNull(ontology);
        this.index = Objects.requireNonNull(index);
    }

    /** The annotations of these passages changed: search follows soon. Thread-safe; returns at once. */
    public void changed(String documentId, Collection<String> passageIds) {
        synchronized (this) {
            gathered.computeIfAbsent(documentId, d -> new LinkedHashSet<>()).addAll(passageIds);
            if (writing) {
                return;
            }
            writing = true;
        }
        vertx.executeBlocking(this::round, false);
    }

    /** Whether every change told so far is searchable. */
    public synchronized boolean settled() {
        return gathered.isEmpty() && !writing;
    }

    /**
     * At a stop: waits (at most {@code STOP_WAIT}) for a round in progress, so no store transaction is cut off; then
     * documents whose update did not happen are re-annotated at the next start. Blocking.
     */
    public void stop() throws InterruptedException {
        Set<String> documents;
        synchronized (this) {
            stopped = true;
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            while (inRound && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            documents = Set.copyOf(gathered.keySet());
            gathered.clear();
        }
        documents.forEach(annotations::markOutdated);
        if (!documents.isEmpty()) {
            LOG.info("{} document(s) had search updates waiting at the stop; they are re-annotated at the next start", documents.size());
        }
    }

    /**
     * One round: everything gathered so far in one bulk update. Changes that came meanwhile get a round of their own,
     * as a task of its own: while a team codes, changes keep coming, and one task looping over them held a worker
     * thread for as long as the coding went on (Vert.x warned of a worker blocked for more than a minute, in a
     * benchmark's idle phase, each warning with the stack of a bulk update waiting for its refresh). Blocking.
     */
    private Void round() {
        Map<String, Set<String>> taken;
        synchronized (this) {
            if (gathered.isEmpty() || stopped) {
                writing = false;
                return null;
            }
            taken = new LinkedHashMap<>(gathered);
            gathered.clear();
            inRound = true;
        }
        try {
            Map<String, PassageFacets> facets = new LinkedHashMap<>();
            taken.forEach((documentId, passageIds) -> facets.putAll(facetsOf(documentId, passageIds)));
            index.update(facets);
            nextRetry = FIRST_RETRY;
        } catch (RuntimeException e) {
            synchronized (this) {
                // Back with what came meanwhile: the next round reads the store again, so it writes the newest state.
                taken.forEach((documentId, passageIds) -> gathered.computeIfAbsent(documentId, d -> new LinkedHashSet<>()).addAll(passageIds));
            }
            Duration wait = nextRetry;
            nextRetry = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
            LOG.warn("Search could not follow the coding of {} document(s) now ({}); trying again in {} ms", taken.size(),
                    e.getMessage(), wait.toMillis());
            vertx.setTimer(wait.toMillis(), t -> vertx.executeBlocking(this::round, false));
            return null;
        } finally {
            synchronized (this) {
                inRound = false;
                notifyAll();
            }
        }
        // Still writing: the next round ends it when nothing is gathered.
        vertx.executeBlocking(this::round, false);
        return null;
    }

    /** The facets of the given passages as the store holds them now (empty for a passage with none active). */
    public Map<String, PassageFacets> facetsOf(String documentId, Collection<String> passageIds) {
        Map<String, PassageFacets> facets = new LinkedHashMap<>();
        for (Map.Entry<String, List<StoredAnnotation>> passage : annotations.annotationsOfPassages(documentId, passageIds).entrySet()) {
            facets.put(passage.getKey(), PassageFacets.of(passage.getValue(), ontology).getOrDefault(passage.getKey(), PassageFacets.NONE));
        }
        return facets;
    }
}
