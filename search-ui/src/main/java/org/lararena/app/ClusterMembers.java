package org.lararena.app;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.Set;
import org.lararena.ingest.store.DocumentStore;

/**
 * Who this instance is in its cluster, and who the members are now: the cluster manager's node ids. A single
 * instance is {@link DocumentStore#SINGLE_INSTANCE}, alone.
 *
 * <p>Vert.x 5 gives its cluster manager only through its internal API ({@link VertxInternal#clusterManager()}); it is
 * asked for names alone, and never given a listener, since Vert.x's own node listener is the one it holds.
 */
public record ClusterMembers(String self, ClusterManager manager) {

    public static ClusterMembers of(Vertx vertx) {
        if (!vertx.isClustered()) {
            return new ClusterMembers(DocumentStore.SINGLE_INSTANCE, null);
        }
        ClusterManager manager = ((VertxInternal) vertx).clusterManager();
        return new ClusterMembers(manager.getNodeId(), manager);
    }

    /** The members now, this one among them. */
    public Set<String> now() {
        return manager == null ? Set.of(self) : Set.copyOf(manager.getNodes());
    }
}
