package org.lararena.ontology.store.remote;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.lararena.ontology.vocabulary.LAR;

/**
 * One transaction's view of the remote store. A named graph is read whole the first time the transaction touches it
 * (with its revision, in one query, so both come from one state of the store) and then read and changed here, in
 * memory; a search across all graphs ({@code find} with any graph) is asked of the store, with the graphs already
 * read answered from here. At the end, {@link #commit} sends what changed as one guarded update.
 *
 * <p>Two reads in one transaction may see two states of the store; a write's reads are checked by the guard of its
 * update, so what it commits was computed from the graphs as they still are.
 */
final class RemoteSnapshot extends DatasetGraphWrapper {

    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");
    private static final Var G = Var.alloc("g");
    private static final Var REVISION = Var.alloc("revision");
    private static final String REVISIONS = NodeFmtLib.strNT(LAR.RevisionGraph.asNode());
    private static final String COMMITS = NodeFmtLib.strNT(LAR.CommitGraph.asNode());
    private static final String HAS_REVISION = NodeFmtLib.strNT(LAR.revision.asNode());
    private static final String COMMITTED = NodeFmtLib.strNT(LAR.committed.asNode());

    /** A graph as the transaction read it: its revision (null when never written through a guard) and its triples. */
    private record Read(String revision, Graph before) {}

    private final RemoteTransactions remote;
    private final boolean writable;
    private final Map<Node, Read> read = new LinkedHashMap<>();

    RemoteSnapshot(RemoteTransactions remote, boolean writable) {
        super(DatasetGraphFactory.createGeneral());
        this.remote = remote;
        this.writable = writable;
    }

    boolean writable() {
        return writable;
    }

    // --- reading

    /** Reads graph {@code name} whole, with its revision, unless this transaction has already. */
    private void load(Node name) {
        if (read.containsKey(name)) {
            return;
        }
        String graph = NodeFmtLib.strNT(name);
        Graph triples = GraphFactory.createDefaultGraph();
        String[] revision = new String[1];
        remotelyDo(link -> link.querySelect("SELECT ?s ?p ?o ?revision WHERE { { GRAPH " + graph + " { ?s ?p ?o } } UNION { GRAPH "
                + REVISIONS + " { " + graph + " " + HAS_REVISION + " ?revision } } }", row -> {
                    if (row.contains(REVISION)) {
                        revision[0] = row.get(REVISION).getLiteralLexicalForm();
                    } else {
                        triples.add(Triple.create(row.get(S), row.get(P), row.get(O)));
                    }
                }));
        Graph before = GraphFactory.createDefaultGraph();
        triples.find().forEachRemaining(before::add);
        read.put(name, new Read(revision[0], before));
        get().addGraph(name, triples);
    }

    /** A named graph of the store's (not the default graph, nor "any graph"). */
    private static boolean named(Node graph) {
        return graph != null && graph.isURI() && !Quad.isDefaultGraph(graph) && !Quad.isUnionGraph(graph);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (named(graphNode)) {
            load(graphNode);
        }
        return super.getGraph(graphNode);
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return getGraph(graphNode).size() > 0;
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (named(g)) {
            load(g);
            return super.find(g, s, p, o);
        }
        if (g == null || g.equals(Node.ANY)) {
            return findEverywhere(s, p, o).iterator();
        }
        return super.find(g, s, p, o);
    }

    /** The store's named graphs (its own bookkeeping left out), with those this transaction made or emptied as they are here. */
    @Override
    public Iterator<Node> listGraphNodes() {
        Set<Node> names = new LinkedHashSet<>();
        remotelyDo(link -> link.querySelect("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (" + REVISIONS + ", "
                + COMMITS + ")) }", row -> names.add(row.get(G))));
        for (Node graph : read.keySet()) {
            if (super.getGraph(graph).isEmpty()) {
                names.remove(graph);
            } else {
                names.add(graph);
            }
        }
        return names.iterator();
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Iterator<Quad> find() {
        return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o).hasNext();
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    /** Quads of every named graph: the store's, but those of the graphs this transaction read as they are here. */
    private List<Quad> findEverywhere(Node s, Node p, Node o) {
        List<Quad> quads = new ArrayList<>();
        String pattern = term(s, "?s") + " " + term(p, "?p") + " " + term(o, "?o");
        remotelyDo(link -> link.querySelect("SELECT * WHERE { GRAPH ?g { " + pattern + " } FILTER(?g NOT IN (" + REVISIONS + ", " + COMMITS
                + ")) }", row -> {
                    Node graph = row.get(G);
                    if (!read.containsKey(graph)) {
                        quads.add(Quad.create(graph, value(row, S, s), value(row, P, p), value(row, O, o)));
                    }
                }));
        for (Node graph : read.keySet()) {
            super.find(graph, s, p, o).forEachRemaining(quads::add);
        }
        return quads;
    }

    private static String term(Node node, String variable) {
        return node == null || node.equals(Node.ANY) ? variable : NodeFmtLib.strNT(node);
    }

    private static Node value(Binding row, Var variable, Node given) {
        return given == null || given.equals(Node.ANY) ? row.get(variable) : given;
    }

    // --- writing

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        getGraph(g).add(Triple.create(s, p, o));
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        getGraph(g).delete(Triple.create(s, p, o));
    }

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    /** The quad that gives {@code graph} (written as N-Triples) its revision, as the update's text. */
    private static String revisionOf(String graph, String revision) {
        return "GRAPH " + REVISIONS + " { " + graph + " " + HAS_REVISION + " " + literal(revision) + " }\n";
    }

    /**
     * Sends what this transaction changed as one update, guarded by the revisions it read, and reads back whether it
     * applied. True when it did (or there was nothing to send); false when another writer changed one of the graphs
     * meanwhile, and nothing of this transaction was applied.
     */
    boolean commit(CommitMarkers markers) {
        String revision = UUID.randomUUID().toString();
        StringBuilder delete = new StringBuilder();
        StringBuilder insert = new StringBuilder();
        StringBuilder guard = new StringBuilder();
        boolean changed = false;
        for (Map.Entry<Node, Read> entry : read.entrySet()) {
            String graph = NodeFmtLib.strNT(entry.getKey());
            Read before = entry.getValue();
            Graph after = super.getGraph(entry.getKey());
            StringBuilder removed = new StringBuilder();
            StringBuilder added = new StringBuilder();
            before.before().find().forEachRemaining(t -> {
                if (!after.contains(t)) {
                    removed.append(triple(t));
                }
            });
            after.find().forEachRemaining(t -> {
                if (!before.before().contains(t)) {
                    added.append(triple(t));
                }
            });
            if (before.revision() == null) {
                guard.append("FILTER NOT EXISTS { GRAPH ").append(REVISIONS).append(" { ").append(graph).append(' ').append(HAS_REVISION)
                        .append(" ?any } }\n");
            } else {
                guard.append(revisionOf(graph, before.revision()));
            }
            if (removed.isEmpty() && added.isEmpty()) {
                continue;
            }
            changed = true;
            delete.append("GRAPH ").append(graph).append(" {\n").append(removed).append("}\n");
            insert.append("GRAPH ").append(graph).append(" {\n").append(added).append("}\n");
            if (before.revision() != null) {
                delete.append(revisionOf(graph, before.revision()));
            }
            insert.append(revisionOf(graph, revision));
        }
        if (!changed) {
            return true;
        }
        if (!writable) {
            throw new IllegalStateException("a read transaction of the RDF store changed a graph");
        }
        Node marker = CommitMarkers.marker(revision);
        insert.append("GRAPH ").append(COMMITS).append(" { ").append(NodeFmtLib.strNT(marker)).append(' ').append(COMMITTED).append(' ')
                .append(literal(revision)).append(" }\n");
        List<Node> confirmed = markers.take();
        if (!confirmed.isEmpty()) {
            delete.append("GRAPH ").append(COMMITS).append(" {\n");
            confirmed.forEach(old -> delete.append(NodeFmtLib.strNT(old)).append(' ').append(COMMITTED).append(' ')
                    .append(literal(old.getURI().substring(old.getURI().lastIndexOf(':') + 1))).append(" .\n"));
            delete.append("}\n");
        }
        String update = "DELETE {\n" + delete + "}\nINSERT {\n" + insert + "}\nWHERE {\n" + guard + "}";
        RuntimeException unanswered = null;
        try (RDFLink link = remote.link()) {
            link.update(update);
        } catch (HttpException e) {
            if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
                markers.giveBack(confirmed);
                throw new IllegalStateException("the RDF store at " + remote.url() + " refused an update (" + e.getMessage() + "):\n" + update, e);
            }
            // The update may have applied before the answer was lost: its marker says.
            unanswered = e;
        }
        boolean applied;
        try {
            String ask = "ASK { GRAPH " + COMMITS + " { " + NodeFmtLib.strNT(marker) + " ?p ?o } }";
            applied = remotely(link -> link.queryAsk(ask));
        } catch (RuntimeException e) {
            markers.giveBack(confirmed);
            throw remote.unavailable(unanswered != null ? unanswered : e);
        }
        if (applied) {
            markers.confirmed(marker);
            return true;
        }
        markers.giveBack(confirmed);
        if (unanswered != null) {
            throw remote.unavailable(unanswered);
        }
        return false;
    }

    private static String triple(Triple t) {
        return NodeFmtLib.strNT(t.getSubject()) + ' ' + NodeFmtLib.strNT(t.getPredicate()) + ' ' + NodeFmtLib.strNT(t.getObject()) + " .\n";
    }

    private static String literal(String text) {
        return NodeFmtLib.strNT(NodeFactory.createLiteralString(text));
    }

    // --- the store

    /** Runs one request against the store; a store that does not answer is a 503 naming it. */
    private <T> T remotely(Function<RDFLink, T> request) {
        try (RDFLink link = remote.link()) {
            return request.apply(link);
        } catch (HttpException | QueryExceptionHTTP e) {
            throw remote.unavailable(e);
        }
    }

    private void remotelyDo(Consumer<RDFLink> request) {
        remotely(link -> {
            request.accept(link);
            return null;
        });
    }
}
