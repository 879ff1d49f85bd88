package org.lararena.ontology.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lararena.ontology.Suggestion;

/**
 * Keeps the annotations of every document as W3C Web Annotations, one named graph per document ({@code
 * LAR.documentGraph}). An annotation's creation is its {@code dcterms:creator} and {@code dcterms:created}; every
 * later change is a PROV-O {@code lar:ReviewActivity}. Nothing is ever deleted: a rejected or retracted annotation
 * stays, with who changed it and when.
 *
 * <p>Every method blocks and is one short transaction, except the whole-document runs ({@link #storeAutomatic},
 * {@link #finishAutomatic}), which are a few: no write holds the store's single writer lock for long. Failures the caller caused are {@code LararenaException}s with a
 * 4xx status (unknown annotation 404, a span outside its passage 400, a change to a retracted annotation 409).
 */
public interface AnnotationStore {

    /** The annotator's suggestions for one passage (char offsets, as the annotator gives them). */
    record PassageSuggestions(PassageText passage, List<Suggestion> suggestions) {}

    /**
     * What storing a batch of suggestions did.
     *
     * @param made the ids of the automatic annotations the suggestions are (new or seen before)
     * @param passages by passage id, every annotation of the batch's passages afterwards, in every state, in text order
     * @param held how long the batch's write transaction held the store's writer lock, its commit included and the
     *     wait for the lock left out: what a researcher's write queued behind it waited at most
     * @param stored how many of the batch's passages, from its first, were stored: all of them, unless the write's
     *     {@code budget} ran out first (see {@link #storeSuggestions(String, String, List, Duration)})
     */
    record StoredBatch(Set<String> made, Map<String, List<StoredAnnotation>> passages, Duration held, int stored) {}

    /** A budget that never runs out: every passage given is stored. */
    Duration NO_BUDGET = Duration.ofNanos(Long.MAX_VALUE);

    /**
     * {@link #storeSuggestions(String, String, List, Duration)} of every passage given, however long that holds the
     * writer.
     */
    default StoredBatch storeSuggestions(String documentId, String ontologyVersion, List<PassageSuggestions> passages) {
        return storeSuggestions(documentId, ontologyVersion, passages, NO_BUDGET);
    }

    /**
     * Stores the automatic suggestions of some passages of a document, made against {@code ontologyVersion}, in one
     * short write transaction: a run over a large document calls it once per batch of passages, so that researchers'
     * actions interleave with it. A suggestion seen before (same passage, concept and span) keeps its id and whatever
     * a researcher decided about it (a suggestion the annotator itself had superseded is suggested again). Running it
     * twice with the same input changes nothing.
     *
     * <p>The write takes the passages in order and stops taking more once it has held the writer for {@code budget}
     * (it stores at least one): a step's length is then bounded by what it costs now, not by an estimate from the
     * steps before it, which a busy machine can make several times too short. The caller gives the passages not
     * stored ({@link StoredBatch#stored} onwards) to its next call.
     *
     * @return the suggestions' annotation ids, and every annotation of the stored passages afterwards
     */
    StoredBatch storeSuggestions(String documentId, String ontologyVersion, List<PassageSuggestions> passages, Duration budget);

    /**
     * Ends an automatic run over a whole document: the annotator's still-suggested annotations of the document that
     * the run did not make ({@code made}: the union of its batches' {@link StoredBatch#made}) are
     * retracted as superseded, in short transactions, and the document records {@code ontologyVersion} as the one it
     * is annotated with. Until this is called, the document counts as annotated with its earlier version, so an
     * interrupted run is done again.
     *
     * @return by passage id, every annotation of the passages whose annotations this changed
     */
    Map<String, List<StoredAnnotation>> finishAutomatic(String documentId, String ontologyVersion, Set<String> made);

    /**
     * Whether the store holds any still-suggested annotation of the document: one lookup. A run asks before its first
     * write; if there is none, it ends with {@link #finishFreshAutomatic}.
     */
    boolean holdsSuggestions(String documentId);

    /**
     * {@link #finishAutomatic} of a run that began on a document holding no still-suggested annotation
     * ({@link #holdsSuggestions} said so before the run's first write). Every suggestion the document holds now is one
     * the run made, so nothing is superseded and the suggestions are not read to find out (for a large document,
     * tens of thousands of them); the document records {@code ontologyVersion}.
     *
     * @return by passage id, every annotation of the passages whose annotations this changed
     */
    Map<String, List<StoredAnnotation>> finishFreshAutomatic(String documentId, String ontologyVersion, Set<String> made);

    /**
     * A whole automatic run over a document small enough for one write: {@link #storeSuggestions} of all its passages
     * and {@link #finishAutomatic}, as one write transaction where the store can.
     *
     * @return the suggestions' annotation ids, every annotation of the passages stored or changed afterwards, and how
     *     long the writer lock was held (the longest of its transactions)
     */
    default StoredBatch storeWholeRun(String documentId, String ontologyVersion, List<PassageSuggestions> passages) {
        StoredBatch stored = storeSuggestions(documentId, ontologyVersion, passages);
        Map<String, List<StoredAnnotation>> byPassage = new LinkedHashMap<>(stored.passages());
        byPassage.putAll(finishAutomatic(documentId, ontologyVersion, stored.made()));
        return new StoredBatch(stored.made(), byPassage, stored.held(), stored.stored());
    }

    /**
     * A whole automatic run over one document: {@link #storeSuggestions} in batches of {@value #RUN_BATCH_PASSAGES}
     * passages, then {@link #finishAutomatic}. Accepted, rejected and manual annotations and all history stay.
     *
     * @return the document's annotations afterwards, in every state
     */
    default List<StoredAnnotation> storeAutomatic(String documentId, String ontologyVersion, List<PassageSuggestions> passages) {
        Set<String> made = new HashSet<>();
        for (int from = 0; from < passages.size(); from += RUN_BATCH_PASSAGES) {
            made.addAll(storeSuggestions(documentId, ontologyVersion,
                    passages.subList(from, Math.min(passages.size(), from + RUN_BATCH_PASSAGES))).made());
        }
        finishAutomatic(documentId, ontologyVersion, made);
        return annotationsOf(documentId);
    }

    /** Passages per write transaction of {@link #storeAutomatic}: a few hundred annotations of typical text. */
    int RUN_BATCH_PASSAGES = 100;

    /** A researcher's tag of {@code [start, end)} (code points) of a passage; it starts out accepted. */
    StoredAnnotation addManual(String documentId, PassageText passage, int start, int end, String conceptIri,
                               String ontologyVersion, String username);

    /** One researcher's tag of {@code [start, end)} (code points) of a passage, for {@link #addManual(String, List, String)}. */
    record ManualTag(PassageText passage, int start, int end, String conceptIri, String username) {}

    /**
     * Many researchers' tags of one document in one write transaction (an import): all or none. Callers keep a batch
     * to {@link #MANUAL_BATCH} tags or so, so that one writer never holds the store for long.
     */
    default List<StoredAnnotation> addManual(String documentId, List<ManualTag> tags, String ontologyVersion) {
        List<StoredAnnotation> added = new ArrayList<>();
        for (ManualTag tag : tags) {
            added.add(addManual(documentId, tag.passage(), tag.start(), tag.end(), tag.conceptIri(), ontologyVersion, tag.username()));
        }
        return added;
    }

    /** Tags per write transaction of {@link #addManual(String, List, String)} in an import: a few hundred. */
    int MANUAL_BATCH = 250;

    /**
     * Moves annotations of one document to {@code to} in {@code username}'s own layer: accepted, rejected, or back to
     * suggested (undo); other researchers' decisions stay. The team state (what search sees) follows the rule in
     * docs/team-coding.md. Retracting is for everyone. All or none: an unknown id or one of another document is a 404.
     * An annotation already in {@code to} for this coder is left as it is.
     *
     * @return the annotations afterwards (team state), in the order of {@code annotationIds}
     */
    List<StoredAnnotation> review(String documentId, List<String> annotationIds, ReviewState to, String username);

    /**
     * Every annotation of some passages of a document, in every state, by passage id (an empty list for a passage
     * without any), found through the passages rather than by reading the whole document.
     */
    Map<String, List<StoredAnnotation>> annotationsOfPassages(String documentId, Collection<String> passageIds);

    /** Every annotation of a document, in every state (the team state), in passage and text order. */
    List<StoredAnnotation> annotationsOf(String documentId);

    /**
     * Erases a document's graph: every annotation, every review and its whole history, removed (not retracted), in
     * short write transactions of at most {@value #ERASE_BATCH_QUADS} statements each, so researchers' actions
     * interleave with a large erasure. Running it again (after a crash half-way) finishes the work.
     *
     * @return how many statements were removed
     */
    long eraseDocument(String documentId);

    /** Statements removed per write transaction of {@link #eraseDocument}. */
    int ERASE_BATCH_QUADS = 5_000;

    Optional<StoredAnnotation> find(String annotationId);

    /**
     * The annotations of {@code annotationIds} that the document holds, by id, read at once: the review log names every
     * annotation a person reviewed, hundreds in a document coded by a team. An id the document does not hold is left out.
     */
    Map<String, StoredAnnotation> findInDocument(String documentId, Collection<String> annotationIds);

    /** The history of one annotation, oldest first (its creation first). */
    List<Review> history(String annotationId);

    /**
     * Each coder's latest decision about each annotation of a document, by annotation id: researchers (by username)
     * and the annotator ({@value AnnotationIris#ANNOTATOR_CODER}), oldest decision first.
     */
    Map<String, List<Decision>> decisions(String documentId);

    /**
     * {@link #decisions(String)} of the annotations of {@code passageIds} only: for a part of a long document, where
     * reading the decisions of every annotation (the annotator's among them, one a suggestion) took seconds.
     */
    Map<String, List<Decision>> decisionsOfPassages(String documentId, Collection<String> passageIds);

    /** Every review of every annotation of a document, newest first: who, when, from which state to which. */
    List<LoggedReview> reviewLog(String documentId);

    /**
     * {@link #reviewLog(String)} without the annotator's entries: the reviews people made, newest first. The annotator
     * has an entry for every suggestion it made, a hundred thousand in a long document, which Kodning's history and
     * undo never show.
     */
    List<LoggedReview> reviewLogOfPeople(String documentId);

    /** Each researcher's coding status of a document, by username. */
    Map<String, CodingStatus> codingStatus(String documentId);

    /** Records a researcher's coding status of a document (time-stamped now); returns it. */
    CodingStatus setCodingStatus(String documentId, String username, CodingStatus.State state);

    /** Whether the document is coded blind, when a researcher chose; empty means the default for its type. */
    Optional<Boolean> blindCoding(String documentId);

    void setBlindCoding(String documentId, boolean blind);

    /**
     * Settles a document's consensus: {@code annotationIds} stand, every other annotation of the document that is not
     * retracted is rejected in the team state (what search sees), until a new consensus replaces this one (kept as its
     * {@code prov:wasRevisionOf}). An unknown or retracted id is a 400 and nothing changes.
     *
     * @param adoptedFrom the coder whose layer these are, or null when the adjudicator chose them
     * @return the document's annotations afterwards (team state)
     */
    List<StoredAnnotation> settleConsensus(String documentId, Set<String> annotationIds, String adjudicator, String adoptedFrom);

    /** The document's consensus, if it has one. */
    Optional<Consensus> consensus(String documentId);

    /** The ontology version each annotated document was last annotated with, by document id. */
    Map<String, String> ontologyVersions();

    /**
     * Forgets which ontology version annotated a document, so that it counts as outdated (for a re-annotation whose
     * search update failed). Annotations and history stay.
     */
    void markOutdated(String documentId);

    /**
     * How many annotations each concept has that give passages their themes (suggested or accepted), over all
     * documents, by concept IRI. For researchers' codebook, which shows what a merge or a deprecation would touch.
     */
    Map<String, Long> conceptCounts();

    /**
     * Moves every annotation of concept {@code fromIri} (in every state) to {@code toIri}, for a merge of the codebook:
     * each keeps its id, span, state and history, and records the concept it had ({@code lar:formerConcept}) and the
     * merge ({@code prov:wasInfluencedBy mergeIri}). One short write transaction per document.
     *
     * @return the passages whose annotations moved, by document id
     */
    Map<String, Set<String>> moveConcept(String fromIri, String toIri, String mergeIri);
}
