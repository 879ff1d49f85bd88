package org.lararena.ontology.store.rdf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.jena.rdf.model.Model;
import org.lararena.ontology.Suggestion;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.CodingStatus;
import org.lararena.ontology.store.Consensus;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.LoggedReview;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.Review;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.platform.LararenaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annotation store as two embedded datasets, so that ingest never takes the writer lock researchers' actions
 * need: {@code decided} holds what people made or decided (their tags, reviewed suggestions, coding status,
 * consensus), {@code suggestions} the annotator's suggestions nobody has decided on yet. A TDB2 dataset has one
 * writer at a time and its lock is fair, so a click queued behind every step of an annotation run; with the runs
 * writing to a dataset of their own, a click waits only for other people's clicks.
 *
 * <p>Automatic runs write to {@code suggestions} and do not write again an annotation {@code decided} holds (reading
 * it never waits for its writer); they change one there only where a single store would have changed it too, which
 * is rare once suggestions stored before the split have been decided on (see {@link #open}). A person's decision on
 * a suggestion copies it, with its history, into {@code decided} in the same write transaction as the decision, and
 * answers; it is removed from {@code suggestions} afterwards, by {@code tidying}, since that write waits for the run's
 * writer lock, which a click must not. Readers read {@code suggestions} first and {@code decided} second, and take
 * {@code decided}'s copy of an id found in both:
 * a decision committed between the two reads is seen, and a crash between its two transactions leaves a copy nobody
 * sees (the next run of the document removes it).
 *
 * <p>A document's ontology version is recorded where its run wrote, in {@code suggestions}; one recorded in
 * {@code decided} (before the store was split) counts until then.
 */
public final class SplitAnnotationStore implements AnnotationStore {

    /** The suggestions' dataset's folder in the data directory, beside {@code jena}. */
    public static final String DATA_FOLDER = "jena-suggestions";

    /**
     * The most passages a run changes in the decided store in one write transaction (suggestions stored there before
     * the split, decisions undone): the run's own steps hold only the suggestions' writer and may be long, but this one
     * is the writer researchers' actions wait for. About what the runs' steps held when both lived in one store.
     */
    static final int DECIDED_WRITE_PASSAGES = 20;

    private static final Logger LOG = LoggerFactory.getLogger(SplitAnnotationStore.class);

    private final RdfAnnotationStore decided;
    private final RdfAnnotationStore suggestions;
    private final Executor tidying;

    /**
     * @param decided     people's annotations and decisions (the dataset researchers write to)
     * @param suggestions the annotator's undecided suggestions (the dataset ingest writes to)
     * @param tidying     runs the removal of decided suggestions from {@code suggestions}, after the decision has
     *                    answered (it waits for the run's writer lock)
     */
    public SplitAnnotationStore(RdfAnnotationStore decided, RdfAnnotationStore suggestions, Executor tidying) {
        this.decided = Objects.requireNonNull(decided, "decided");
        this.suggestions = Objects.requireNonNull(suggestions, "suggestions");
        this.tidying = Objects.requireNonNull(tidying, "tidying");
    }

    // --- automatic runs: write to the suggestions only

    /**
     * A run's suggestions split by where they go: {@code open}, every other suggestion, for the suggestions store (one
     * entry per passage given, in their order); {@code alreadyDecided}, by passage, the ids of those the decided store
     * holds already; {@code decidedOfPassages}, what it holds of the batch's passages afterwards.
     */
    private record Open(List<PassageSuggestions> open, Map<String, Set<String>> alreadyDecided, Map<String, List<StoredAnnotation>> decidedOfPassages) {}

    /**
     * Splits a run's suggestions. An annotation the decided store holds stays there; the run changes it only where a
     * single store would have too, which takes the decided store's writer: one the annotator itself retracted as
     * superseded and now suggests again, or one still suggested (a decision undone, a suggestion stored before the
     * split) whose term, confidence or ontology version the run changes.
     */
    private Open open(String documentId, String ontologyVersion, List<PassageSuggestions> passages) {
        Map<String, List<StoredAnnotation>> ofPassages = new LinkedHashMap<>(decided.annotationsOfPassages(documentId,
                passages.stream().map(p -> p.passage().passageId()).toList()));
        Map<String, StoredAnnotation> held = new LinkedHashMap<>();
        ofPassages.values().forEach(annotations -> annotations.forEach(a -> held.put(a.id(), a)));
        Map<String, Set<String>> alreadyDecided = new HashMap<>();
        List<PassageSuggestions> open = new ArrayList<>();
        List<PassageSuggestions> changedInDecided = new ArrayList<>();
        for (PassageSuggestions passage : passages) {
            List<Suggestion> kept = new ArrayList<>();
            List<Suggestion> changing = new ArrayList<>();
            for (Suggestion suggestion : passage.suggestions()) {
                StoredAnnotation there = held.get(RdfAnnotationStore.automaticId(documentId, passage.passage(), suggestion));
                if (there == null) {
                    kept.add(suggestion);
                    continue;
                }
                alreadyDecided.computeIfAbsent(passage.passage().passageId(), p -> new HashSet<>()).add(there.id());
                if (there.state() == ReviewState.RETRACTED || (there.state() == ReviewState.SUGGESTED && !saysTheSame(there, suggestion, ontologyVersion))) {
                    changing.add(suggestion);
                }
            }
            open.add(new PassageSuggestions(passage.passage(), kept));
            if (!changing.isEmpty()) {
                changedInDecided.add(new PassageSuggestions(passage.passage(), changing));
            }
        }
        // In writes of a few passages each: researchers' actions wait for this writer, and a run's step may be long.
        for (int from = 0; from < changedInDecided.size(); from += DECIDED_WRITE_PASSAGES) {
            List<PassageSuggestions> part = changedInDecided.subList(from, Math.min(changedInDecided.size(), from + DECIDED_WRITE_PASSAGES));
            ofPassages.putAll(decided.storeSuggestions(documentId, ontologyVersion, part).passages());
        }
        return new Open(open, alreadyDecided, ofPassages);
    }

    private static boolean saysTheSame(StoredAnnotation annotation, Suggestion suggestion, String ontologyVersion) {
        return suggestion.matchedTerm().equals(annotation.matchedTerm()) && ontologyVersion.equals(annotation.ontologyVersion())
                && annotation.confidence() != null && annotation.confidence() == suggestion.confidence();
    }

    @Override
    public StoredBatch storeSuggestions(String documentId, String ontologyVersion, List<PassageSuggestions> passages, Duration budget) {
        // The decided store's part is done for every passage given (rarely any write); passages the budget leaves to
        // the next call are read again there and change nothing the second time.
        Open open = open(documentId, ontologyVersion, passages);
        return withDecided(suggestions.storeSuggestions(documentId, ontologyVersion, open.open(), budget), open);
    }

    @Override
    public StoredBatch storeWholeRun(String documentId, String ontologyVersion, List<PassageSuggestions> passages) {
        Open open = open(documentId, ontologyVersion, passages);
        StoredBatch stored = withDecided(suggestions.storeWholeRun(documentId, ontologyVersion, open.open()), open);
        Map<String, List<StoredAnnotation>> byPassage = new LinkedHashMap<>(stored.passages());
        byPassage.putAll(finishDecided(documentId, ontologyVersion, stored.made()));
        return new StoredBatch(stored.made(), byPassage, stored.held(), stored.stored());
    }

    /**
     * A batch stored in the suggestions, with what the decided store holds of its passages: of those the write stored
     * (the first {@link StoredBatch#stored}), whose suggestions the run made wherever they are kept.
     */
    private static StoredBatch withDecided(StoredBatch stored, Open open) {
        Set<String> made = new HashSet<>(stored.made());
        open.open().subList(0, stored.stored())
                .forEach(passage -> made.addAll(open.alreadyDecided().getOrDefault(passage.passage().passageId(), Set.of())));
        Map<String, List<StoredAnnotation>> byPassage = new LinkedHashMap<>();
        stored.passages().forEach((passageId, annotations) ->
                byPassage.put(passageId, merged(annotations, open.decidedOfPassages().getOrDefault(passageId, List.of()))));
        return new StoredBatch(made, byPassage, stored.held(), stored.stored());
    }

    @Override
    public Map<String, List<StoredAnnotation>> finishAutomatic(String documentId, String ontologyVersion, Set<String> made) {
        Map<String, List<StoredAnnotation>> changed = new LinkedHashMap<>();
        Set<String> passages = new LinkedHashSet<>(suggestions.finishAutomatic(documentId, ontologyVersion, made).keySet());
        if (!passages.isEmpty()) {
            changed.putAll(annotationsOfPassages(documentId, passages));
        }
        changed.putAll(finishDecided(documentId, ontologyVersion, made));
        return changed;
    }

    @Override
    public boolean holdsSuggestions(String documentId) {
        // The decided store too: suggestions stored there before the split stay until a run supersedes them.
        return suggestions.holdsSuggestions(documentId) || decided.holdsSuggestions(documentId);
    }

    @Override
    public Map<String, List<StoredAnnotation>> finishFreshAutomatic(String documentId, String ontologyVersion, Set<String> made) {
        suggestions.finishFreshAutomatic(documentId, ontologyVersion, made);
        return finishDecided(documentId, ontologyVersion, made);
    }

    /**
     * The decided store's part of ending a run: suggestions stored there before the split that the run no longer makes
     * are retracted (a read, and a write only if there are any), and copies a decision left behind in the suggestions
     * (a crash between its two transactions, a run racing a decision) are removed.
     *
     * @return every annotation of the passages whose annotations the retraction changed
     */
    private Map<String, List<StoredAnnotation>> finishDecided(String documentId, String ontologyVersion, Set<String> made) {
        Set<String> passages = decided.retractSuperseded(documentId, ontologyVersion, made).keySet();
        // The decided store first: for a document nobody has coded yet it holds nothing, and the suggestions of a large
        // one (tens of thousands) need not be read.
        Set<String> leftBehind = decided.annotationIds(documentId);
        if (!leftBehind.isEmpty()) {
            leftBehind.retainAll(suggestions.annotationIds(documentId));
        }
        if (!leftBehind.isEmpty()) {
            suggestions.removeAnnotations(documentId, leftBehind);
        }
        return passages.isEmpty() ? Map.of() : annotationsOfPassages(documentId, passages);
    }

    // --- people's actions: write to the decided store

    @Override
    public StoredAnnotation addManual(String documentId, PassageText passage, int start, int end, String conceptIri, String ontologyVersion,
                                      String username) {
        return decided.addManual(documentId, passage, start, end, conceptIri, ontologyVersion, username);
    }

    @Override
    public List<StoredAnnotation> addManual(String documentId, List<ManualTag> tags, String ontologyVersion) {
        return decided.addManual(documentId, tags, ontologyVersion);
    }

    /** The decision and the suggestions it is about, in one write of the decided store; then they leave the suggestions. */
    @Override
    public List<StoredAnnotation> review(String documentId, List<String> annotationIds, ReviewState to, String username) {
        Map<String, Model> moving = suggestions.copies(documentId, annotationIds);
        List<StoredAnnotation> reviewed = decided.review(documentId, annotationIds, to, username, moving);
        removeMoved(documentId, moving.keySet());
        return reviewed;
    }

    /**
     * Removes suggestions the decided store has adopted, through {@link #tidying}. Until then, and should it fail,
     * readers take the decided copy; the document's next run removes what is left.
     */
    private void removeMoved(String documentId, Set<String> moved) {
        if (moved.isEmpty()) {
            return;
        }
        tidying.execute(() -> {
            try {
                suggestions.removeAnnotations(documentId, moved);
            } catch (RuntimeException e) {
                LOG.warn("Decided suggestions of document {} stay in the suggestions' dataset until its next annotation run: {}",
                        documentId, e.getMessage());
            }
        });
    }

    /** A consensus decides on every annotation of the document: all of its suggestions move to the decided store first. */
    @Override
    public List<StoredAnnotation> settleConsensus(String documentId, Set<String> annotationIds, String adjudicator, String adoptedFrom) {
        moveAll(documentId);
        return decided.settleConsensus(documentId, annotationIds, adjudicator, adoptedFrom);
    }

    private void moveAll(String documentId) {
        Map<String, Model> moving = suggestions.copies(documentId, suggestions.annotationIds(documentId));
        decided.adopt(documentId, moving);
        removeMoved(documentId, moving.keySet());
    }

    @Override
    public Map<String, CodingStatus> codingStatus(String documentId) {
        return decided.codingStatus(documentId);
    }

    @Override
    public CodingStatus setCodingStatus(String documentId, String username, CodingStatus.State state) {
        return decided.setCodingStatus(documentId, username, state);
    }

    @Override
    public Optional<Boolean> blindCoding(String documentId) {
        return decided.blindCoding(documentId);
    }

    @Override
    public void setBlindCoding(String documentId, boolean blind) {
        decided.setBlindCoding(documentId, blind);
    }

    @Override
    public Optional<Consensus> consensus(String documentId) {
        return decided.consensus(documentId);
    }

    // --- reading: the suggestions first, the decided store second, its copy of an id first

    @Override
    public Map<String, List<StoredAnnotation>> annotationsOfPassages(String documentId, Collection<String> passageIds) {
        Map<String, List<StoredAnnotation>> undecided = suggestions.annotationsOfPassages(documentId, passageIds);
        Map<String, List<StoredAnnotation>> byPassage = new LinkedHashMap<>();
        decided.annotationsOfPassages(documentId, passageIds).forEach((passageId, annotations) ->
                byPassage.put(passageId, merged(undecided.getOrDefault(passageId, List.of()), annotations)));
        return byPassage;
    }

    @Override
    public List<StoredAnnotation> annotationsOf(String documentId) {
        List<StoredAnnotation> undecided = suggestions.annotationsOf(documentId);
        return merged(undecided, decided.annotationsOf(documentId));
    }

    /** One list in text order, each id once: the decided store's copy where both have one. */
    private static List<StoredAnnotation> merged(List<StoredAnnotation> undecided, List<StoredAnnotation> decidedOnes) {
        Map<String, StoredAnnotation> byId = new LinkedHashMap<>();
        decidedOnes.forEach(a -> byId.put(a.id(), a));
        undecided.forEach(a -> byId.putIfAbsent(a.id(), a));
        List<StoredAnnotation> all = new ArrayList<>(byId.values());
        all.sort(RdfAnnotationStore.TEXT_ORDER);
        return all;
    }

    @Override
    public Optional<StoredAnnotation> find(String annotationId) {
        Optional<StoredAnnotation> undecided = suggestions.find(annotationId);
        return decided.find(annotationId).or(() -> undecided);
    }

    @Override
    public Map<String, StoredAnnotation> findInDocument(String documentId, Collection<String> annotationIds) {
        Map<String, StoredAnnotation> found = new LinkedHashMap<>(decided.findInDocument(documentId, annotationIds));
        found.putAll(suggestions.findInDocument(documentId, annotationIds.stream().filter(id -> !found.containsKey(id)).toList()));
        return found;
    }

    @Override
    public List<Review> history(String annotationId) {
        Optional<List<Review>> undecided = suggestions.historyIfHeld(annotationId);
        return decided.historyIfHeld(annotationId).or(() -> undecided).orElseThrow(() -> LararenaException.notFound("no annotation " + annotationId));
    }

    @Override
    public Map<String, List<Decision>> decisions(String documentId) {
        return mergedDecisions(store -> store.decisions(documentId));
    }

    @Override
    public Map<String, List<Decision>> decisionsOfPassages(String documentId, Collection<String> passageIds) {
        return mergedDecisions(store -> store.decisionsOfPassages(documentId, passageIds));
    }

    /** Both stores' decisions as {@code read} reads each: of an annotation in both, the decided store's. */
    private Map<String, List<Decision>> mergedDecisions(Function<AnnotationStore, Map<String, List<Decision>>> read) {
        Map<String, List<Decision>> undecided = read.apply(suggestions);
        Map<String, List<Decision>> all = new LinkedHashMap<>(read.apply(decided));
        undecided.forEach(all::putIfAbsent);
        return all;
    }

    @Override
    public List<LoggedReview> reviewLog(String documentId) {
        return mergedLog(documentId, AnnotationStore::reviewLog);
    }

    @Override
    public List<LoggedReview> reviewLogOfPeople(String documentId) {
        return mergedLog(documentId, AnnotationStore::reviewLogOfPeople);
    }

    /** Both stores' logs as {@code read} reads each, newest first: of an annotation in both, the decided store's entries. */
    private List<LoggedReview> mergedLog(String documentId, BiFunction<AnnotationStore, String, List<LoggedReview>> read) {
        List<LoggedReview> undecided = read.apply(suggestions, documentId);
        List<LoggedReview> log = new ArrayList<>();
        Set<String> decidedIds = decided.read(() -> {
            log.addAll(read.apply(decided, documentId));
            return decided.annotationIds(documentId);
        });
        undecided.stream().filter(entry -> !decidedIds.contains(entry.annotationId())).forEach(log::add);
        log.sort((a, b) -> RdfAnnotationStore.OLDEST_FIRST.compare(b.review(), a.review()));
        return log;
    }

    @Override
    public Map<String, Long> conceptCounts() {
        return suggestions.read(() -> decided.read(() -> {
            Map<String, Long> counts = new LinkedHashMap<>(decided.conceptCounts());
            suggestions.conceptCounts(annotation -> !decided.holdsAnnotation(annotation)).forEach((concept, count) -> counts.merge(concept, count, Long::sum));
            return counts;
        }));
    }

    /** Where both record a document's version, the suggestions' is the later run's. */
    @Override
    public Map<String, String> ontologyVersions() {
        Map<String, String> versions = new LinkedHashMap<>(decided.ontologyVersions());
        versions.putAll(suggestions.ontologyVersions());
        return versions;
    }

    @Override
    public void markOutdated(String documentId) {
        suggestions.markOutdated(documentId);
        decided.markOutdated(documentId);
    }

    @Override
    public long eraseDocument(String documentId) {
        return suggestions.eraseDocument(documentId) + decided.eraseDocument(documentId);
    }

    @Override
    public Map<String, Set<String>> moveConcept(String fromIri, String toIri, String mergeIri) {
        Map<String, Set<String>> moved = new LinkedHashMap<>();
        suggestions.moveConcept(fromIri, toIri, mergeIri).forEach((documentId, passages) -> moved.put(documentId, new LinkedHashSet<>(passages)));
        decided.moveConcept(fromIri, toIri, mergeIri).forEach((documentId, passages) ->
                moved.computeIfAbsent(documentId, d -> new LinkedHashSet<>()).addAll(passages));
        return moved;
    }
}
