/**
 * Where annotations live: {@link org.lararena.ontology.store.AnnotationStore} is the one abstraction (W3C Web
 * Annotations with their PROV-O review history, one named graph per document); {@link
 * org.lararena.ontology.store.TdbAnnotationStore} implements it over a Jena {@code Dataset} (embedded TDB2 today; a
 * remote SPARQL store would be a second implementation beside it). The plain values callers see are {@link
 * org.lararena.ontology.store.StoredAnnotation}, {@link org.lararena.ontology.store.ReviewState} and {@link
 * org.lararena.ontology.store.Review}.
 *
 * <p>Blocking (each call is one Jena transaction): call from worker threads, never from an event loop. No Vert.x
 * and no HTTP here: the endpoints live in the application.
 */
package org.lararena.ontology.store;
