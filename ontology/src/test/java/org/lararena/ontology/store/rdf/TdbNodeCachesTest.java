package org.lararena.ontology.store.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.tdb2.params.StoreParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.testing.ForkedJvm;
import org.lararena.platform.TdbNodeCaches;

/**
 * The size of the embedded store's node caches, before and after a compaction. TDB2 reads its settings once per JVM,
 * so each case runs in a JVM of its own ({@link Probe}), as {@code ./lararena up} does: the settings set before Jena is
 * first used, then the store connected with the same size, one triple written, the store compacted.
 */
class TdbNodeCachesTest {

    /** Jena's own sizes: ids to nodes, nodes to ids. */
    private static final String JENA_SIZES = "1000000 200000";

    @TempDir
    Path dir;

    @Test
    void theSizeSetBeforeJenaStartsHoldsForTheStoreAndEveryGenerationItsCompactionsMake() throws Exception {
        List<String> lines = probe("1234567");

        assertThat(lines).contains("connected 1234567 1234567", "compacted 1234567 1234567", "triples 1");
        // Room for Jena's quarter of a million entries at once, not for a quarter of the larger size.
        assertThat(lines).contains("made with room for 0.2025 before", "made with room for 0.2025 after");
    }

    @Test
    void aSizeGivenOnlyWhenTheStoreIsConnectedIsLostAtItsFirstCompaction() throws Exception {
        List<String> lines = probe("none");

        assertThat(lines).contains("connected 1234567 1234567", "compacted " + JENA_SIZES, "triples 1");
        assertThat(String.join("\n", lines)).as("the operator is told").contains("caches 1000000 nodes, not 1234567");
    }

    private List<String> probe(String settings) throws Exception {
        return ForkedJvm.run(Probe.class, List.of(), dir.toString(), settings);
    }

    /** One JVM: {@code <dir> <nodes to set before Jena starts | none>}; prints the caches' sizes (ids to nodes, nodes to ids). */
    public static final class Probe {

        public static void main(String[] args) {
            Path dir = Path.of(args[0]);
            if (!args[1].equals("none")) {
                TdbNodeCaches.useInThisJvm(dir.resolve(TdbNodeCaches.SETTINGS_FILE), Integer.parseInt(args[1]));
            }
            Dataset store = TdbStores.connect(dir.resolve("jena"), 1_234_567);
            print("connected", TdbStores.params(store));
            store.executeWrite(() -> store.getNamedModel("urn:x-test:graph").add(ResourceFactory.createResource("urn:x-test:a"),
                    ResourceFactory.createProperty("urn:x-test:p"), "b"));
            new StoreCompaction(store, dir.resolve("jena"), 0).compact();
            print("compacted", TdbStores.params(store));
            store.begin(ReadWrite.READ);
            try {
                Model graph = store.getNamedModel("urn:x-test:graph");
                System.out.println("triples " + graph.size());
            } finally {
                store.end();
            }
        }

        /** The caches' sizes (ids to nodes, nodes to ids), and the share of them TDB2 made room for at once. */
        private static void print(String when, StoreParams params) {
            System.out.println(when + " " + params.getNodeId2NodeCacheSize() + " " + params.getNode2NodeIdCacheSize());
            System.out.printf(Locale.ROOT, "made with room for %.4f %s%n", params.getNodeCacheInitialCapacityFactor(),
                    when.equals("connected") ? "before" : "after");
        }
    }
}
