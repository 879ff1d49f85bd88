/**
 * The read-only SPARQL 1.1 endpoint ({@code GET|POST /sparql}) over the ontology and the annotation graphs. Each
 * query runs against a dataset built for its caller that contains only the graphs they may read, so {@code FROM},
 * {@code FROM NAMED}, {@code GRAPH ?g} and the union graph cannot reach any other; nothing here writes to the store
 * except {@link org.lararena.sparql.SparqlService#publishOntology} at start-up, and nothing fetches a URL.
 */
package org.lararena.sparql;
