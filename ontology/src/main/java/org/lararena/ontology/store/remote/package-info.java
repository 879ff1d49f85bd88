/**
 * The annotation store over a remote SPARQL 1.1 store (Apache Jena Fuseki with TDB2), for several application
 * instances sharing one store: {@link org.lararena.ontology.store.remote.RemoteTransactions} gives {@code
 * RdfAnnotationStore}'s unchanged logic its transactions, each committed as one guarded SPARQL Update. Internal: callers
 * build the store with {@code new RdfAnnotationStore(new RemoteTransactions(url), ...)} and see nothing else of it.
 * Blocking (HTTP), never on an event loop.
 */
package org.lararena.ontology.store.remote;

import org.lararena.ontology.store.rdf.RdfAnnotationStore;
