package org.lararena.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lararena.platform.services.ServiceStartException;

/**
 * The size of TDB2's two node caches (node to id, id to node) for every TDB2 store a JVM opens. TDB2 reads them from
 * its settings file, named by the system property {@value #SETTINGS_PROPERTY}, once, when its {@code SystemTDB} class
 * is first used. That is the one way that lasts: a size given when a store is connected ({@code StoreParams}) is lost
 * at the store's first compaction, whose new generation TDB2 opens with these settings. So the application sets the
 * property before it touches Jena, and the managed Fuseki is started with it.
 */
public final class TdbNodeCaches {

    /** The system property naming TDB2's settings file ({@code SystemTDB}). */
    public static final String SETTINGS_PROPERTY = "org.apache.jena.tdb.settings";

    /** The settings file's name, in the data directory (the application's) or in the managed Fuseki's directory. */
    public static final String SETTINGS_FILE = "tdb2-settings.properties";

    /**
     * The most entries a node cache is made with: Jena's own (a quarter of its million). TDB2 makes each cache with room
     * for a share of its size at once ({@code NodeCacheInitialCapacityFactor}, a quarter); for caches sized from a large
     * heap that would be tens of megabytes each before a single node is read, in every store opened, so a cache larger
     * than Jena's starts at Jena's room and grows as it fills.
     */
    static final int INITIAL_ENTRIES = 250_000;

    private TdbNodeCaches() {
    }

    /** The share of a cache of {@code nodes} nodes that TDB2 makes room for at once: at most {@value #INITIAL_ENTRIES} entries. */
    public static double initialCapacityFactor(int nodes) {
        return Math.min(0.25, (double) INITIAL_ENTRIES / nodes);
    }

    /**
     * Writes TDB2's settings file giving both node caches {@code nodes} nodes, and returns it.
     *
     * @throws ServiceStartException when the file cannot be written (a full disk, a folder the user may not write to)
     */
    public static Path write(Path file, int nodes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, List.of("# Written by Lärarena at each start (LARARENA_JENA_NODE_CACHE); read by TDB2 (SystemTDB).",
                    "Node2NodeIdCacheSize=" + nodes, "NodeId2NodeCacheSize=" + nodes,
                    "NodeCacheInitialCapacityFactor=" + initialCapacityFactor(nodes)));
            return file;
        } catch (IOException e) {
            throw new ServiceStartException("the RDF store's settings could not be written to " + file + " (" + e.getMessage()
                    + "): check that the data directory is writable and its disk has room", e);
        }
    }

    /** The JVM option that makes a JVM read {@code settings} (for a process the platform starts). */
    public static String jvmOption(Path settings) {
        return "-D" + SETTINGS_PROPERTY + "=" + settings.toAbsolutePath();
    }

    /**
     * Makes {@code nodes} the size of both node caches of every TDB2 store this JVM opens, compactions included. Has an
     * effect only before TDB2 is first used in this JVM, and none when the property is already set (by an operator's
     * {@code -D}, which is left to win).
     */
    public static void useInThisJvm(Path settings, int nodes) {
        if (System.getProperty(SETTINGS_PROPERTY) != null) {
            return;
        }
        System.setProperty(SETTINGS_PROPERTY, write(settings, nodes).toAbsolutePath().toString());
    }
}
