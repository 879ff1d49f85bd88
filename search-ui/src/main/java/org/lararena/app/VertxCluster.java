package org.lararena.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.lararena.platform.LararenaConfig;

/**
 * The Vert.x an instance runs on: a plain one, or, with {@code LARARENA_CLUSTER_MEMBERS}, a member of a Vert.x
 * cluster whose cluster manager is Hazelcast (Vert.x's own, maintained with it). Clustered, an event-bus message
 * published on one instance reaches the consumers of every instance, and {@code vertx.sharedData()} (locks, maps,
 * counters) is the cluster's.
 *
 * <p>Members find each other only through the listed addresses (TCP/IP join): never by multicast or cloud discovery,
 * which would let a stray instance on the network join a cluster it does not belong to.
 */
public final class VertxCluster {

    private VertxCluster() {
    }

    /** Starts the instance's Vert.x: clustered when {@link LararenaConfig.Cluster#enabled()}, else a plain one. */
    public static Future<Vertx> start(LararenaConfig.Cluster cluster) {
        if (!cluster.enabled()) {
            return Future.succeededFuture(Vertx.vertx());
        }
        VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions()
                .setHost(cluster.host()).setClusterPublicHost(cluster.host()));
        return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcast(cluster))).buildClustered();
    }

    /** Vert.x's Hazelcast settings (the maps and locks it needs), joined only through the listed members. */
    static Config hazelcast(LararenaConfig.Cluster cluster) {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Vert.x leaves the cluster when it closes; Hazelcast's own hook would leave it first, under Vert.x's feet.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false);
        network.setPublicAddress(cluster.host() + ":" + cluster.port());
        config.setProperty("hazelcast.local.localAddress", cluster.host());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
        return config;
    }
}
