package org.lararena.sparql;

import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * The union of some named graphs of a store, read through the store's own quad indexes: a triple pattern is one
 * lookup across all graphs, kept where the quad's graph is visible, instead of one lookup per graph. With one graph
 * per document, a union that asked every graph in turn (as Jena's {@code GraphUnionRead} does) made each pattern of a
 * query cost as many lookups as there are documents, and a query grow with the square of the corpus. Read-only; use
 * inside a read transaction of the store.
 */
final class VisibleUnionGraph extends GraphBase {

    private final List<DatasetGraph> stores;
    private final Set<Node> visible;

    /** @param stores the datasets whose visible graphs are united (the annotations', and the undecided suggestions') */
    VisibleUnionGraph(List<DatasetGraph> stores, Set<Node> visible) {
        this.stores = List.copyOf(stores);
        this.visible = Set.copyOf(visible);
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Iter<Quad> quads = Iter.iter(stores).flatMap(store ->
                store.find(Node.ANY, pattern.getMatchSubject(), pattern.getMatchPredicate(), pattern.getMatchObject()));
        // The same triple in two visible graphs (or stores) is one triple of the union.
        return WrappedIterator.create(Iter.distinct(quads.filter(quad -> visible.contains(quad.getGraph())).map(Quad::asTriple)));
    }

    @Override
    public void performAdd(Triple t) {
        throw new UnsupportedOperationException("the SPARQL endpoint is read-only");
    }

    @Override
    public void performDelete(Triple t) {
        throw new UnsupportedOperationException("the SPARQL endpoint is read-only");
    }
}
