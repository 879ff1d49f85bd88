package org.lararena.ontology.store.remote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The markers of confirmed commits, removed by the next update this instance sends: a commit marker is only needed
 * until its writer has read it back, and removing it in the next update costs no request of its own. Markers of an
 * instance that stopped stay behind, one triple each.
 */
final class CommitMarkers {

    /** Markers removed by one update at most, so that an update stays small. */
    private static final int PER_UPDATE = 100;
    private static final String BASE = "urn:lararena:commit:";

    private final Queue<Node> confirmed = new ConcurrentLinkedQueue<>();

    /** The marker of the commit that makes {@code revision}. */
    static Node marker(String revision) {
        return NodeFactory.createURI(BASE + revision);
    }

    /** Markers to remove in the next update; hand them {@link #giveBack} when it did not apply. */
    List<Node> take() {
        List<Node> taken = new ArrayList<>();
        for (Node next; taken.size() < PER_UPDATE && (next = confirmed.poll()) != null; ) {
            taken.add(next);
        }
        return taken;
    }

    void giveBack(Collection<Node> markers) {
        confirmed.addAll(markers);
    }

    void confirmed(Node marker) {
        confirmed.add(marker);
    }
}
