package org.lararena.ontology.store;

import java.util.Collection;
import java.util.HashSet;
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
     */
    record StoredBatch(Set<String> made, Map<String, List<StoredAnnotation>> passages) {}

    /**
     * Stores the automatic suggestions of some passages of a document, made against {@code ontologyVersion}, in one
     * short write transaction: a run over a large document calls it once per batch of passages, so that researchers'
     * actions interleave with it. A suggestion seen before (same passage, concept and span) keeps its id and whatever
     * a researcher decided about it (a suggestion the annotator itself had superseded is suggested again). Running it
     * twice with the same input changes nothing.
     *
     * @return the suggestions' annotation ids, and every annotation of these passages afterwards
     */
    StoredBatch storeSuggestions(String documentId, String ontologyVersion, List<PassageSuggestions> passages);

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

    /**
     * Moves annotations of one document to {@code to} (accepted, rejected or retracted), all or none: an unknown
     * id or one of another document is a 404 and nothing changes. An annotation already in {@code to} is left as
     * it is.
     *
     * @return the annotations afterwards, in the order of {@code annotationIds}
     */
    List<StoredAnnotation> review(String documentId, List<String> annotationIds, ReviewState to, String username);

    /**
     * Every annotation of some passages of a document, in every state, by passage id (an empty list for a passage
     * without any), found through the passages rather than by reading the whole document.
     */
    Map<String, List<StoredAnnotation>> annotationsOfPassages(String documentId, Collection<String> passageIds);

    /** Every annotation of a document, in every state, in passage and text order. */
    List<StoredAnnotation> annotationsOf(String documentId);

    Optional<StoredAnnotation> find(String annotationId);

    /** The history of one annotation, oldest first (its creation first). */
    List<Review> history(String annotationId);

    /** The ontology version each annotated document was last annotated with, by document id. */
    Map<String, String> ontologyVersions();

    /**
     * Forgets which ontology version annotated a document, so that it counts as outdated (for a re-annotation whose
     * search update failed). Annotations and history stay.
     */
    void markOutdated(String documentId);
}
