package org.lararena.sparql;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphReadOnly;

/**
 * The dataset one caller queries: a new, read-only dataset that <em>contains</em> only the named graphs the caller
 * may read, linked (not copied) from the store. Its default graph is the union of those graphs, {@code GRAPH ?g}
 * enumerates only them, {@code <urn:x-arq:UnionGraph>} is their union, and any other graph name (a forbidden
 * document, a URL in {@code FROM}) is an empty graph, never looked up in the store and never fetched. The query is
 * not rewritten: what the caller may not read is simply not in the dataset. Use it inside a read transaction of
 * the store it was built from, on the thread that holds that transaction. For anyone but researchers each graph is
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
     * The view of {@code store} holding those of {@code allowedGraphs} that exist in it.
     *
     * @param allowedGraphs IRIs of the named graphs the caller may read
     * @param hidePeople    whether people show as the neutral agent (for every caller but researchers)
     */
    static DatasetGraph over(DatasetGraph store, Collection<String> allowedGraphs, boolean hidePeople) {
        Set<Node> existing = new LinkedHashSet<>();
        Set<Node> wanted = new LinkedHashSet<>();
        allowedGraphs.forEach(iri -> wanted.add(NodeFactory.createURI(iri)));
        for (Iterator<Node> names = store.listGraphNodes(); names.hasNext(); ) {
            Node name = names.next();
            if (wanted.contains(name)) {
                existing.add(name);
            }
        }
        Graph union = new VisibleUnionGraph(store, existing);
        CallerDataset view = new CallerDataset(Set.copyOf(existing), hidePeople ? new PersonHidingGraph(union) : union);
        for (Node name : existing) {
            Graph graph = new GraphReadOnly(store.getGraph(name));
            view.link(name, hidePeople ? new PersonHidingGraph(graph) : graph);
        }
        return view;
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
