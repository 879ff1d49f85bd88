package org.lararena.app;

import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.services.Ports;

/** Instances of a Vert.x cluster on loopback, each a real Hazelcast member on a free port, as {@link VertxCluster} starts them. */
public final class LoopbackCluster implements AutoCloseable {

    private final List<String> members;
    private final List<Vertx> started = new CopyOnWriteArrayList<>();

    /** Room for {@code size} members, each on a port of its own; {@link #join} starts them. */
    public LoopbackCluster(int size) {
        this.members = Arrays.stream(new int[size]).map(unused -> Ports.freePort()).mapToObj(port -> "127.0.0.1:" + port).toList();
    }

    /** Starts member {@code index} of the cluster {@code name} (members of another name never join). */
    public Vertx join(int index, String name) throws TimeoutException {
        int port = Integer.parseInt(members.get(index).substring(members.get(index).lastIndexOf(':') + 1));
        Vertx vertx = VertxCluster.start(new LararenaConfig.Cluster(members, "127.0.0.1", port, name, Optional.empty())).await(60, TimeUnit.SECONDS);
        started.add(vertx);
        return vertx;
    }

    @Override
    public void close() throws TimeoutException {
        for (Vertx vertx : started) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}
