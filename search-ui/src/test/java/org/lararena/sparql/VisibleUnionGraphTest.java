package org.lararena.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;

/**
 * The union the SPARQL endpoint's caller reads: a TDB2 store is read below its nodes, and must answer every pattern
 * as the same store read as nodes does (through a wrapper, which takes the general path), each triple once and
 * nothing from a graph the caller may not see.
 */
class VisibleUnionGraphTest {

    private static final Node SEEN = uri("urn:graph:seen");
    private static final Node ALSO_SEEN = uri("urn:graph:also-seen");
    private static final Node HIDDEN = uri("urn:graph:hidden");
    private static final Node ANNOTATION = uri("urn:annotation:1");
    private static final Node OTHER = uri("urn:annotation:2");
    private static final Node SECRET = uri("urn:annotation:secret");
    private static final Node BODY = uri("http://www.w3.org/ns/oa#hasBody");
    private static final Node START = uri("http://www.w3.org/ns/oa#start");
    private static final Node THEME = uri("urn:theme:samverkan");
    private static final Node SEVEN = NodeFactory.createLiteralDT("7", XSDDatatype.XSDinteger);
    private static final Node LABEL = NodeFactory.createLiteralLang("samverkan", "sv");

    private static final List<Quad> QUADS = List.of(
            // The same triple in two visible graphs and a hidden one: one triple of the union.
            Quad.create(SEEN, ANNOTATION, BODY, THEME),
            Quad.create(ALSO_SEEN, ANNOTATION, BODY, THEME),
            Quad.create(HIDDEN, ANNOTATION, BODY, THEME),
            Quad.create(SEEN, ANNOTATION, START, SEVEN),
            Quad.create(ALSO_SEEN, OTHER, BODY, THEME),
            Quad.create(ALSO_SEEN, OTHER, START, SEVEN),
            Quad.create(SEEN, THEME, uri("http://www.w3.org/2004/02/skos/core#prefLabel"), LABEL),
            // Only in a graph the caller may not see, and in the store's default graph (no one's).
            Quad.create(HIDDEN, SECRET, BODY, uri("urn:theme:hemlig")),
            Quad.create(HIDDEN, SECRET, START, SEVEN),
            Quad.create(Quad.defaultGraphIRI, SECRET, BODY, THEME));

    @Test
    void aTripleInSeveralVisibleGraphsIsOneAndOneOnlyInHiddenGraphsIsNone() {
        DatasetGraph tdb = filled(DatabaseMgr.createDatasetGraph());

        List<Triple> found = read(tdb, graph -> graph.find(Node.ANY, Node.ANY, Node.ANY).toList());

        assertThat(found).containsOnlyOnce(Triple.create(ANNOTATION, BODY, THEME));
        assertThat(found).extracting(Triple::getSubject).doesNotContain(SECRET);
        assertThat(found).hasSize(5);
    }

    @Test
    void readBelowItsNodesATdbStoreAnswersEveryPatternAsAStoreReadAsNodes() {
        DatasetGraph tdb = filled(DatabaseMgr.createDatasetGraph());
        DatasetGraph nodes = new DatasetGraphWrapper(tdb);
        List<Node> subjects = List.of(Node.ANY, ANNOTATION, OTHER, SECRET, THEME, uri("urn:nowhere"));
        List<Node> predicates = List.of(Node.ANY, BODY, START);
        // "07" is the stored 7 to TDB2, which keeps integers by value: the stored form is the answer.
        List<Node> objects = List.of(Node.ANY, THEME, SEVEN, NodeFactory.createLiteralDT("07", XSDDatatype.XSDinteger), LABEL, SECRET);

        // Every pattern of these nodes: 6 × 3 × 6.
        for (Node subject : subjects) {
            for (Node predicate : predicates) {
                for (Node object : objects) {
                    List<Triple> belowNodes = read(tdb, graph -> graph.find(subject, predicate, object).toList());
                    List<Triple> asNodes = read(nodes, graph -> graph.find(subject, predicate, object).toList());
                    assertThat(asNodes).as("%s %s %s read as nodes", subject, predicate, object).doesNotHaveDuplicates();
                    assertThat(belowNodes).as("%s %s %s", subject, predicate, object).containsExactlyInAnyOrderElementsOf(asNodes);
                }
            }
        }
    }

    @Test
    void aTripleInBothStoresIsOne() {
        DatasetGraph decided = filled(DatabaseMgr.createDatasetGraph());
        DatasetGraph suggestions = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(suggestions, () -> {
            suggestions.add(Quad.create(SEEN, ANNOTATION, BODY, THEME));
            suggestions.add(Quad.create(SEEN, uri("urn:annotation:3"), BODY, THEME));
        });

        List<Triple> found = Txn.calculateRead(decided, () -> Txn.calculateRead(suggestions, () ->
                new VisibleUnionGraph(List.of(decided, suggestions), Set.of(SEEN, ALSO_SEEN)).find(Node.ANY, BODY, THEME).toList()));

        assertThat(found).containsExactlyInAnyOrder(Triple.create(ANNOTATION, BODY, THEME), Triple.create(OTHER, BODY, THEME),
                Triple.create(uri("urn:annotation:3"), BODY, THEME));
    }

    private static DatasetGraph filled(DatasetGraph dataset) {
        Txn.executeWrite(dataset, () -> QUADS.forEach(dataset::add));
        return dataset;
    }

    private static List<Triple> read(DatasetGraph store, Function<Graph, List<Triple>> reading) {
        return Txn.calculateRead(store, () -> reading.apply(new VisibleUnionGraph(List.of(store), Set.of(SEEN, ALSO_SEEN))));
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
