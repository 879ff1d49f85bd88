package org.lararena.sparql;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDFS;
import org.lararena.ontology.store.PersonAgents;
import org.apache.jena.sparql.vocabulary.FOAF;

/**
 * A read-only view of a graph in which every person (a researcher who made or reviewed annotations) is the one
 * neutral agent of {@link PersonAgents}: their IRI becomes {@link PersonAgents#NEUTRAL_IRI}, their nickname and label
 * {@value PersonAgents#NEUTRAL_NAME}. A pattern that names a real person or username finds nothing (a query cannot
 * probe for usernames), and triples that become the same are returned once (the number of reviewers stays unknown).
 */
final class PersonHidingGraph extends GraphBase {

    private static final Node NEUTRAL_NAME = NodeFactory.createLiteralString(PersonAgents.NEUTRAL_NAME);
    private static final Set<Node> NAME_PREDICATES = Set.of(FOAF.nick.asNode(), RDFS.label.asNode());

    private final Graph base;

    PersonHidingGraph(Graph base) {
        this.base = base;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node subject = widened(pattern.getSubject());
        Node object = widened(pattern.getObject());
        Set<Triple> seen = new HashSet<>();
        return base.find(subject, pattern.getPredicate(), object)
                .mapWith(stored -> shownIfItFits(pattern, stored))
                .filterKeep(shown -> shown != null && (!mentionsNeutral(shown) || seen.add(shown)));
    }

    /** The triple as the view shows it, or null if, shown so, it no longer fits the pattern. */
    private static Triple shownIfItFits(Triple pattern, Triple stored) {
        Triple shown = hidden(stored);
        return fits(pattern.getSubject(), stored.getSubject(), shown.getSubject())
                && fits(pattern.getObject(), stored.getObject(), shown.getObject()) ? shown : null;
    }

    /**
     * Whether a found node still fits the pattern once hidden: the store matched the stored node, so only a node the
     * view changed, or a pattern node it widened, is compared again.
     */
    private static boolean fits(Node wanted, Node stored, Node shown) {
        if (!wanted.isConcrete()) {
            return true;
        }
        return !stored.equals(shown) || widened(wanted) == Node.ANY ? wanted.equals(shown) : true;
    }

    /** A pattern node that could match a hidden value matches anything below; the result is checked against the pattern. */
    private static Node widened(Node node) {
        if (node == null || node.equals(PersonAgents.NEUTRAL_NODE) || node.equals(NEUTRAL_NAME)) {
            return Node.ANY;
        }
        return node;
    }

    private static Triple hidden(Triple triple) {
        boolean personSubject = PersonAgents.isPerson(triple.getSubject());
        Node object = triple.getObject();
        if (PersonAgents.isPerson(object)) {
            object = PersonAgents.NEUTRAL_NODE;
        } else if (personSubject && object.isLiteral() && NAME_PREDICATES.contains(triple.getPredicate())) {
            object = NEUTRAL_NAME;
        }
        if (!personSubject && object == triple.getObject()) {
            return triple;
        }
        return Triple.create(personSubject ? PersonAgents.NEUTRAL_NODE : triple.getSubject(), triple.getPredicate(), object);
    }

    private static boolean mentionsNeutral(Triple triple) {
        return triple.getSubject().equals(PersonAgents.NEUTRAL_NODE) || triple.getObject().equals(PersonAgents.NEUTRAL_NODE)
                || triple.getObject().equals(NEUTRAL_NAME);
    }
}
