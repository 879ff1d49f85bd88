package org.lararena.sparql;

import io.vertx.core.json.JsonArray;
import java.util.LinkedHashSet;
import java.util.Set;
import org.lararena.ingest.names.DocumentNames;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.web.Caller;

/** Which named graphs a caller may query: the IRIs of the graphs, asked afresh for every query. */
@FunctionalInterface
public interface ReadableGraphs {

    /** The IRIs of the named graphs {@code caller} may read now. */
    Set<String> graphsFor(Caller caller);

    /** The names spoken in a document's passages (none known here: {@link #of} reads them from the document store). */
    default DocumentNames namesIn(String documentId) {
        return DocumentNames.of(new JsonArray());
    }

    /**
     * The ontology's graph and the graph of every document the caller may read by {@link Visibility#readableBy}; read
     * from the document records at each call, so a change of visibility counts from the next query on.
     */
    static ReadableGraphs of(DocumentStore documents) {
        return new ReadableGraphs() {
            @Override
            public Set<String> graphsFor(Caller caller) {
                Set<Visibility> readable = Visibility.readableBy(caller);
                Set<String> graphs = new LinkedHashSet<>();
                graphs.add(LAR.OntologyGraph.getURI());
                for (DocumentRecord record : documents.all()) {
                    if (readable.contains(record.visibility())) {
                        graphs.add(LAR.documentGraph(record.id()).getURI());
                    }
                }
                return graphs;
            }

            @Override
            public DocumentNames namesIn(String documentId) {
                return DocumentNames.of(documents, documentId);
            }
        };
    }
}
