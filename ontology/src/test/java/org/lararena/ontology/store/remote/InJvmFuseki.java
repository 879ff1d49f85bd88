package org.lararena.ontology.store.remote;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;

/**
 * Real Fuseki servers in the tests' JVM, each on a free loopback port, serving a dataset the test also reads directly:
 * the remote store's tests talk SPARQL over HTTP to them, as an application instance talks to a shared Fuseki.
 */
public final class InJvmFuseki implements AutoCloseable {

    private final List<FusekiServer> servers = new ArrayList<>();

    /** Serves {@code dataset} (and starts doing so) at a new URL, returned. */
    public String serve(Dataset dataset) {
        FusekiServer server = FusekiServer.create().loopback(true).port(0).add("/lararena", dataset.asDatasetGraph()).build().start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getHttpPort() + "/lararena";
    }

    @Override
    public void close() {
        servers.forEach(FusekiServer::stop);
        servers.clear();
    }
}
