package org.lararena.sparql;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.lararena.ingest.names.DocumentNames;

/**
 * The dataset one caller queries: a new, read-only dataset that <em>contains</em> only the named graphs the caller
 * may read, linked (not copied) from the store. Its default graph is the union of those graphs, {@code GRAPH ?g}
 * enumerates only them, {@code <urn:x-arq:UnionGraph>} is their union, and any other graph name (a forbidden
 * document, a URL in {@code FROM}) is an empty graph, never looked up in the store and never fetched. The query is
 * not rewritten: what the caller may not read is simply not in the dataset. A graph held by several stores (the
 * annotation store and the dataset of undecided suggestions) is the union of their graphs of that name. Use it inside
 * read transactions of the stores it was built from, on the thread that holds them. For anyone but researchers each graph is
 * seen through {@link PersonHidingGraph}: the history's people are one neutral agent, never their usernames.
 */
final class CallerDataset extends DatasetGraphMapLink {

    /** One empty graph for every name the caller may not see; writing to it fails. */
    private static final Graph NOTHING = Graph.emptyGraph;

    private final Set<Node> visible;
    private final Graph union;

    private CallerDataset(Set<Node> visible, Graph union) {
        super(NOTHING);
        this.visible = visible;
        this.union = union;
    }

    /**
     * The view of {@code stores} holding those of {@code allowedGraphs} that exist in one of them.
     *
     * @param allowedGraphs IRIs of the named graphs the caller may read
     * @param hidePeople    whether people show as the neutral agent (for every caller but researchers)
     */
    static DatasetGraph over(List<DatasetGraph> stores, Collection<String> allowedGraphs, boolean hidePeople) {
        return over(stores, allowedGraphs, hidePeople, null);
    }

    /**
     * The view of {@code stores} holding those of {@code allowedGraphs} that exist in one of them.
     *
     * @param allowedGraphs   IRIs of the named graphs the caller may read
     * @param hidePeople      whether people show as the neutral agent (for every caller but researchers)
     * @param namesOfDocument when not null, the names spoken in each document, hidden in annotation quotes
     *                        ({@link NameHidingGraph}, for every caller but researchers)
     */
    static DatasetGraph over(List<DatasetGraph> stores, Collection<String> allowedGraphs, boolean hidePeople,
                             Function<String, DocumentNames> namesOfDocument) {
        Set<Node> wanted = new LinkedHashSet<>();
        allowedGraphs.forEach(iri -> wanted.add(NodeFactory.createURI(iri)));
        Map<Node, Graph> existing = new LinkedHashMap<>();
        for (DatasetGraph store : stores) {
            for (Iterator<Node> names = store.listGraphNodes(); names.hasNext(); ) {
                Node name = names.next();
                if (wanted.contains(name)) {
                    // Union drops from the second graph what the first holds too: a triple in both is one.
                    existing.merge(name, store.getGraph(name), Union::new);
                }
            }
        }
        Function<String, DocumentNames> names = namesOfDocument == null ? null : cachedForOneQuery(namesOfDocument);
        Function<Graph, Graph> hiding = graph -> {
            Graph shown = hidePeople ? new PersonHidingGraph(graph) : graph;
            return names == null ? shown : new NameHidingGraph(shown, names);
        };
        CallerDataset view = new CallerDataset(Set.copyOf(existing.keySet()), hiding.apply(new VisibleUnionGraph(stores, existing.keySet())));
        existing.forEach((name, graph) -> view.link(name, hiding.apply(new GraphReadOnly(graph))));
        return view;
    }

    /** A document's names are found once per query, however many of its quotes the query reads. */
    private static Function<String, DocumentNames> cachedForOneQuery(Function<String, DocumentNames> namesOfDocument) {
        Map<String, DocumentNames> found = new HashMap<>();
        return documentId -> found.computeIfAbsent(documentId, namesOfDocument);
    }

    /** Adds a graph while the view is built; {@link #addGraph} itself refuses. */
    private void link(Node name, Graph graph) {
        super.addGraph(name, graph);
    }

    /** The union of the visible graphs. */
    @Override
    public Graph getDefaultGraph() {
        return union;
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isUnionGraph(graphNode)) {
            return union;
        }
        if (Quad.isDefaultGraph(graphNode) || visible.contains(graphNode)) {
            return super.getGraph(graphNode);
        }
        return NOTHING;
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return visible.contains(graphNode);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        throw new UnsupportedOperationException("the SPARQL endpoint is read-only");
    }

    @Override
    public void removeGraph(Node graphName) {
        throw new UnsupportedOperationException("the SPARQL endpoint is read-only");
    }
}
