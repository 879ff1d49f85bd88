/**
 * Where annotations live: {@link org.lararena.ontology.store.AnnotationStore} is the one abstraction (W3C Web
 * Annotations with their PROV-O review history, one named graph per document); {@link
 * org.lararena.ontology.store.TdbAnnotationStore} implements it once, over the transactions of {@link
 * org.lararena.ontology.store.StoreTransactions}: the embedded TDB2 dataset's, or a remote SPARQL store's (Fuseki, in
 * {@code remote}). The plain values callers see are {@link
 * org.lararena.ontology.store.StoredAnnotation}, {@link org.lararena.ontology.store.ReviewState} and {@link
 * org.lararena.ontology.store.Review}.
 *
 * <p>Blocking (each call is one Jena transaction): call from worker threads, never from an event loop. No Vert.x
 * and no HTTP here: the endpoints live in the application.
 */
package org.lararena.ontology.store;
