package org.lararena.sparql;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * The union of some named graphs of a store, read through the store's own quad indexes: a triple pattern is one
 * lookup across all graphs, kept where the quad's graph is visible, instead of one lookup per graph. With one graph
 * per document, a union that asked every graph in turn (as Jena's {@code GraphUnionRead} does) made each pattern of a
 * query cost as many lookups as there are documents, and a query grow with the square of the corpus. Read-only; use
 * inside a read transaction of the store.
 *
 * <p>A TDB2 store is read below its nodes ({@link TdbQuads}): whether a quad's graph is visible is asked of its node
 * id, and only the parts of a triple the pattern left open are turned back into nodes. Turning ids into nodes (a look
 * in TDB2's node cache for each) was a third of a SPARQL query's time over every annotation when each quad found was
 * turned whole into nodes, its graph included, only to be compared and dropped.
 */
final class VisibleUnionGraph extends GraphBase {

    private final List<VisibleQuads> stores;

    /**
     * @param stores the datasets whose visible graphs are united, the largest last: the annotations', then the
     *               undecided suggestions'
     */
    VisibleUnionGraph(List<DatasetGraph> stores, Set<Node> visible) {
        Set<Node> graphs = Set.copyOf(visible);
        this.stores = stores.stream().map(store -> VisibleQuads.of(store, graphs)).toList();
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node subject = pattern.getSubject();
        Node predicate = pattern.getPredicate();
        Node object = pattern.getObject();
        if (stores.size() == 1) {
            return WrappedIterator.create(stores.get(0).find(subject, predicate, object));
        }
        // The same triple in two stores (a suggestion being moved when it is decided, a passage's text, the annotator)
        // is one triple of the union. Each store gives its own triples once, so only those of the stores before the
        // last are remembered, and the last one's are checked against them: the last is the undecided suggestions,
        // most of a large corpus, which a set of every triple found made a query hash and keep for each lookup.
        int last = stores.size() - 1;
        Set<Triple> earlier = new HashSet<>();
        Iter<Triple> remembered = Iter.iter(stores.subList(0, last)).flatMap(store -> store.find(subject, predicate, object)).filter(earlier::add);
        // Read only after the earlier stores are done, when the set holds all of theirs.
        Iter<Triple> checked = Iter.iter(List.of(stores.get(last))).flatMap(store -> store.find(subject, predicate, object))
                .filter(triple -> !earlier.contains(triple));
        return WrappedIterator.create(remembered.append(checked));
    }

    @Override
    public void performAdd(Triple t) {
        throw new UnsupportedOperationException("the SPARQL endpoint is read-only");
    }

    @Override
    public void performDelete(Triple t) {
        throw new UnsupportedOperationException("the SPARQL endpoint is read-only");
    }

    /** One store's triples in its visible graphs, each once. */
    private interface VisibleQuads {

        Iterator<Triple> find(Node subject, Node predicate, Node object);

        static VisibleQuads of(DatasetGraph store, Set<Node> visible) {
            // Null for a store that is not TDB2.
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(store);
            NodeTupleTable quads = tdb == null ? null : tdb.getQuadTable().getNodeTupleTable();
            if (quads != null && visible.stream().noneMatch(Quad::isDefaultGraph) && TdbQuads.duplicatesAdjacent(quads)) {
                return new TdbQuads(quads, visible);
            }
            return (subject, predicate, object) -> Iter.distinct(Iter.iter(store.find(Node.ANY, subject, predicate, object))
                    .filter(quad -> visible.contains(quad.getGraph())).map(Quad::asTriple));
        }
    }

    /**
     * A TDB2 store's quads read as node ids (graph, subject, predicate, object). TDB2 finds a pattern with any graph
     * in an index that ends in the graph (SPOG, POSG or OSPG), so the quads of one triple in several graphs come one
     * after the other, and dropping a triple equal to the one before is enough to give each once (Jena's own union
     * graph relies on the same order). A store whose indexes do not give that order is read as nodes.
     */
    private static final class TdbQuads implements VisibleQuads {

        private static final Set<String> GRAPH_LAST = Set.of("SPOG", "POSG", "OSPG");

        private final NodeTupleTable quads;
        private final NodeTable nodes;
        private final Set<NodeId> visible = new HashSet<>();

        TdbQuads(NodeTupleTable quads, Set<Node> visibleGraphs) {
            this.quads = quads;
            this.nodes = quads.getNodeTable();
            for (Node graph : visibleGraphs) {
                NodeId id = nodes.getNodeIdForNode(graph);
                if (!NodeId.isDoesNotExist(id)) {
                    visible.add(id);
                }
            }
        }

        /** Whether a find with any graph reads an index ending in the graph (see {@code TupleTable.find} and its scan index). */
        static boolean duplicatesAdjacent(NodeTupleTable quads) {
            List<String> names = Arrays.stream(quads.getTupleTable().getIndexes()).map(TupleIndex::getName).toList();
            return names.containsAll(GRAPH_LAST) && names.stream().allMatch(name -> name.startsWith("G") || name.endsWith("G"));
        }

        @Override
        public Iterator<Triple> find(Node subject, Node predicate, Node object) {
            if (visible.isEmpty()) {
                return Iter.nullIterator();
            }
            Iterator<Tuple<NodeId>> found = quads.findAsNodeIds(Node.ANY, open(subject), open(predicate), open(object));
            if (found == null) {
                return Iter.nullIterator();
            }
            return Iter.iter(found).filter(quad -> visible.contains(quad.get(0)))
                    .map(quad -> Triple.create(node(subject, quad.get(1)), node(predicate, quad.get(2)), node(object, quad.get(3))))
                    .distinctAdjacent();
        }

        /** A pattern's node as TDB2 takes it: a concrete node, or any. */
        private static Node open(Node node) {
            return node == null || !node.isConcrete() ? Node.ANY : node;
        }

        /**
         * The IRI the pattern gave, or the found id's node: TDB2 keeps some literals by value (an integer, a date), so
         * a literal found may be written otherwise than the pattern's, and the stored one is what the store answers.
         */
        private Node node(Node wanted, NodeId found) {
            return wanted != null && wanted.isURI() ? wanted : nodes.getNodeForNodeId(found);
        }
    }
}
