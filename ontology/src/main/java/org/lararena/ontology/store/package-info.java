/**
 * Where annotations live, as callers see it: {@link org.lararena.ontology.store.AnnotationStore} is the one abstraction
 * (W3C Web Annotations with their PROV-O review history, one named graph per document), {@link
 * org.lararena.ontology.store.AnnotationIris} the names it gives passages, documents, annotations and agents, and the
 * plain values it answers with are {@link org.lararena.ontology.store.StoredAnnotation}, {@link
 * org.lararena.ontology.store.ReviewState} and {@link org.lararena.ontology.store.Review}. Its implementation is in
 * {@code rdf}: nothing here knows TDB2 or Fuseki, and only the composition root builds the implementation.
 *
 * <p>Blocking (each call is one or a few short transactions): call from worker threads, never from an event loop.
 * No Vert.x and no HTTP here: the endpoints live in the application.
 */
package org.lararena.ontology.store;
