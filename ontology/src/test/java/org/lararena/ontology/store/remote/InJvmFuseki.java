package org.lararena.ontology.store.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;

/**
 * Real Fuseki servers in the tests' JVM, each on a free loopback port, serving a dataset the test also reads directly:
 * the remote store's tests talk SPARQL over HTTP to them, as an application instance talks to a shared Fuseki. As a
 * registered extension it stops them after each test.
 */
public final class InJvmFuseki implements AfterEachCallback, AutoCloseable {

    private final List<FusekiServer> servers = new ArrayList<>();
    private final List<Dataset> made = new ArrayList<>();

    /** A new in-memory TDB2 dataset, served, and closed with the servers. */
    public record Served(Dataset dataset, String url) {
    }

    /** Serves a new, empty dataset the test may also read directly. */
    public Served serveNew() {
        Dataset dataset = TDB2Factory.createDataset();
        made.add(dataset);
        return new Served(dataset, serve(dataset));
    }

    /** Serves {@code dataset} (and starts doing so) at a new URL, returned. */
    public String serve(Dataset dataset) {
        FusekiServer server = FusekiServer.create().loopback(true).port(0).add("/lararena", dataset.asDatasetGraph()).build().start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getHttpPort() + "/lararena";
    }

    /** An annotation store keeping its quads in {@code dataset}, through a Fuseki serving it. */
    public RdfAnnotationStore store(Dataset dataset, Supplier<String> annotatorVersion) {
        return new RdfAnnotationStore(new RemoteTransactions(serve(dataset)), annotatorVersion);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        servers.forEach(FusekiServer::stop);
        servers.clear();
        made.forEach(Dataset::close);
        made.clear();
    }
}
