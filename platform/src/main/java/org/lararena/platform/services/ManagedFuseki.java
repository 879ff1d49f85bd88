package org.lararena.platform.services;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.TdbNodeCaches;

/**
 * Apache Jena Fuseki on loopback, serving one TDB2 dataset ({@value LararenaConfig.Rdf#DATASET}) kept in
 * {@code <data dir>/fuseki/tdb2}: the RDF store several application instances share ({@code LARARENA_RDF=fuseki}). It
 * runs in a JVM of its own, from the application's jars and the Fuseki jars the build puts in
 * {@code search-ui/target/fuseki} (never on the application's classpath), so that it is stopped, restarted and
 * supervised like Elasticsearch and Keycloak.
 */
public final class ManagedFuseki {

    /** Its name in the run state and in {@code ./lararena status}. */
    public static final String SERVICE = "fuseki";
    private static final String MAIN = "org.apache.jena.fuseki.main.cmds.FusekiMainCmd";

    private final Path root;
    private final int port;
    private final int heapMb;
    private final int nodeCacheNodes;
    private final Path javaHome;
    private final String classpath;

    /** @param nodeCacheNodes how many nodes each of its store's node caches holds ({@link TdbNodeCaches}) */
    public ManagedFuseki(Path root, int port, int heapMb, int nodeCacheNodes, Path javaHome, String classpath) {
        this.root = Objects.requireNonNull(root).toAbsolutePath();
        this.port = port;
        this.heapMb = heapMb;
        this.nodeCacheNodes = nodeCacheNodes;
        this.javaHome = Objects.requireNonNull(javaHome);
        this.classpath = Objects.requireNonNull(classpath);
    }

    /** The managed Fuseki of {@code config}, run from this JVM's classpath and the build's Fuseki jars. */
    public static ManagedFuseki forConfig(LararenaConfig config) {
        Path jars = config.home().resolve("search-ui/target/fuseki");
        if (!Files.isDirectory(jars)) {
            throw new ServiceStartException(jars + " is missing: build the project first (./mvnw -DskipTests package, which ./lararena up runs for you)");
        }
        return new ManagedFuseki(config.dataPath("fuseki"), config.rdf().port(), config.rdf().heapMb(),
                config.rdf().nodeCacheNodes(config.rdf().heapMb() * 1024L * 1024L), Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path") + File.pathSeparator + jars.resolve("*"));
    }

    /** The SPARQL dataset's address, as the configuration names it ({@link LararenaConfig.Rdf#managedUrl}). */
    public URI url() {
        return LararenaConfig.Rdf.managedUrl(port);
    }

    public ManagedProcess start(Duration timeout) {
        Ports.requireFree(LararenaConfig.LOOPBACK, port, "LARARENA_FUSEKI_PORT");
        Path store = root.resolve("tdb2");
        try {
            // Fuseki makes the TDB2 database in an empty folder, but not the folder.
            Files.createDirectories(store);
        } catch (IOException e) {
            throw new ServiceStartException("could not make Fuseki's store folder " + store + " (" + e.getMessage() + ")", e);
        }
        Path settings = TdbNodeCaches.write(root.resolve(TdbNodeCaches.SETTINGS_FILE), nodeCacheNodes);
        List<String> command = List.of(javaHome.resolve("bin/java").toString(), "-Xmx" + heapMb + "m", TdbNodeCaches.jvmOption(settings),
                // Fuseki would set up log4j2, which is not on the classpath: it logs through the application's logback.
                "-Dlog4j2.configurationFile=none", "-Dlararena.log.dir=" + root.resolve("logs"),
                MAIN,
                "--localhost", "--port=" + port, "--tdb2", "--loc=" + store, "--update", "--ping", "--compact",
                "/" + LararenaConfig.Rdf.DATASET);
        // The classpath (hundreds of jars) goes in the environment, so that the command logged stays readable.
        ManagedProcess process = ManagedProcess.start("Fuseki", command, Map.of("CLASSPATH", classpath), root, root.resolve("logs/console.log"));
        process.awaitReady(URI.create("http://" + LararenaConfig.LOOPBACK + ":" + port + "/$/ping"), timeout);
        return process;
    }
}
