package org.lararena.app;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.Set;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.platform.InstanceId;

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

    /**
     * This process among the instances, as it signs what it tells them: its node id, the same name a document's record
     * gives the instance processing it, so that the member list says whose jobs and documents are left without one.
     */
    public InstanceId instanceId() {
        return new InstanceId(self);
    }

    /** The members now, this one among them. */
    public Set<String> now() {
        return manager == null ? Set.of(self) : Set.copyOf(manager.getNodes());
    }
}
