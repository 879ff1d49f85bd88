/**
 * The annotation store's one implementation, {@link org.lararena.ontology.store.rdf.RdfAnnotationStore}: the Web
 * Annotations as RDF, over the transactions of {@link org.lararena.ontology.store.rdf.StoreTransactions}, which are the
 * embedded TDB2 dataset's ({@code LocalTransactions}, with {@link org.lararena.ontology.store.rdf.StoreCompaction} to
 * give back the space TDB2's copied pages take) or a remote SPARQL store's (Fuseki, in {@code
 * org.lararena.ontology.store.remote}). Researchers' small writes are committed together ({@code GroupCommit}).
 */
package org.lararena.ontology.store.rdf;
