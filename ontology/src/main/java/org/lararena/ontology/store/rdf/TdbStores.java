package org.lararena.ontology.store.rdf;

import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.lararena.platform.TdbNodeCaches;

/**
 * An embedded TDB2 store opened with node caches of a given size (LARARENA_JENA_NODE_CACHE). A query over every
 * annotation (passages per theme, theme co-occurrence) reads each annotation's node and its target's; once they no
 * longer fit in the caches, every run reads them from the node table's file again and the query grows faster than the
 * corpus (docs/benchmarks.md, "Node caches at a million annotations").
 *
 * <p>The size given here holds for the generation of the store opened now. A compaction opens the next generation with
 * TDB2's settings, which {@link TdbNodeCaches} sets for the whole JVM before Jena is first used;
 * {@link StoreCompaction} warns when that did not happen.
 */
public final class TdbStores {

    private TdbStores() {
    }

    /** Connects to (or creates) the TDB2 store in {@code directory}, both node caches holding up to {@code nodeCacheNodes}. */
    public static Dataset connect(Path directory, int nodeCacheNodes) {
        StoreParams caches = StoreParams.builder("lararena").node2NodeIdCacheSize(nodeCacheNodes).nodeId2NodeCacheSize(nodeCacheNodes)
                .nodeCacheInitialCapacityFactor(TdbNodeCaches.initialCapacityFactor(nodeCacheNodes)).build();
        return DatasetFactory.wrap(DatabaseMgr.connectDatasetGraph(directory.toString(), caches));
    }

    /** The settings of the store's generation in use now: its node caches' sizes among them. */
    public static StoreParams params(Dataset dataset) {
        return TDBInternal.getDatasetGraphTDB(dataset.asDatasetGraph()).getStoreParams();
    }

    /**
     * How many nodes the id-to-node cache of a store's next generation will hold: TDB2's settings in this JVM, which a
     * compaction opens the next generation with.
     */
    public static int nodeCacheNodesAfterCompaction() {
        return SystemTDB.NodeId2NodeCacheSize;
    }
}
