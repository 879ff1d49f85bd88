package org.lararena.ontology.store.rdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.DatabaseMgr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the annotation store's files near the size of what it holds. TDB2 never changes a B+tree page in place: every
 * write transaction copies the pages it changes, and their parents, to the end of the index files, and the old pages
 * stay until the database is compacted. Each quad whose object is shared with others (a position, a confidence, a
 * concept, a matched term) lands on its own leaf page in the indexes that begin with the object or predicate, so one
 * transaction of an annotation run copies thousands of pages: a 15 MB text ingested beside a coding team grew the
 * store to 14 GB in five minutes, for 0.9 GB of live data (see docs/benchmarks.md).
 *
 * <p>Compaction copies the live data to a new generation and deletes the old one; writers wait meanwhile (about
 * 45 s per GB of live data on two cores, longer under load), so a coding action in that time is answered 503 busy.
 * That is why {@link #compactIfGrown()} compacts only at a quiet moment: once the files have grown by the set amount
 * since the last compaction <em>and</em> did not change at all since the previous look (nobody wrote in between),
 * so a running ingest or a team at work is never frozen by it. The one exception is a disk running short: with less
 * room left than twice the set growth, the store is compacted at once, writers waiting, rather than let the disk
 * fill. Blocking; one compaction at a time.
 */
public final class StoreCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCompaction.class);

    private final Dataset dataset;
    private final Path directory;
    private final long growthBytes;
    private long sizeAfterLast;
    private long sizeAtLastLook;

    /**
     * @param directory   the store's directory on disk (its generations {@code Data-NNNN} are in it)
     * @param growthBytes growth since the last compaction that starts the next; 0 never (except {@link #compact()})
     */
    public StoreCompaction(Dataset dataset, Path directory, long growthBytes) {
        this.dataset = dataset;
        this.directory = directory;
        this.growthBytes = growthBytes;
        this.sizeAfterLast = sizeOnDisk();
        this.sizeAtLastLook = sizeAfterLast;
    }

    /**
     * Compacts when the files have grown by the set amount since the last compaction and nobody wrote since the
     * previous call, or at once when the disk has less room left than twice that growth; true when it did.
     */
    public synchronized boolean compactIfGrown() {
        long size = sizeOnDisk();
        boolean quiet = size == sizeAtLastLook;
        sizeAtLastLook = size;
        long grown = size - sizeAfterLast;
        if (growthBytes <= 0 || grown < growthBytes) {
            return false;
        }
        long room = usableSpace();
        if (!quiet && room >= 2 * growthBytes) {
            LOG.info("The annotation store in {} has grown by {} MB since it was last compacted; it is compacted at the next quiet moment"
                    + " (writers would wait meanwhile)", directory.getFileName(), grown >> 20);
            return false;
        }
        if (!quiet) {
            LOG.warn("Only {} MB are free on the disk of the annotation store in {}: it is compacted now, while it is in use (writers wait)",
                    room >> 20, directory.getFileName());
        }
        compact();
        return true;
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: the growth rule alone decides
        }
    }

    /** Compacts now (after an erasure, so that the erased words leave the files too). */
    public synchronized void compact() {
        long before = sizeOnDisk();
        int nodeCache = TdbStores.params(dataset).getNodeId2NodeCacheSize();
        long started = System.nanoTime();
        DatabaseMgr.compact(dataset.asDatasetGraph(), true);
        sizeAfterLast = sizeOnDisk();
        sizeAtLastLook = sizeAfterLast;
        LOG.info("The annotation store in {} was compacted from {} MB to {} MB in {} ms", directory.getFileName(), before >> 20, sizeAfterLast >> 20,
                (System.nanoTime() - started) / 1_000_000);
        // TDB2 opens the new generation with its settings, not with the sizes the store was connected with.
        int nodeCacheNow = TdbStores.params(dataset).getNodeId2NodeCacheSize();
        if (nodeCacheNow < nodeCache) {
            LOG.warn("After its compaction the annotation store in {} caches {} nodes, not {}: TDB2's settings were not set before Jena was first"
                    + " used in this process (LARARENA_JENA_NODE_CACHE applies in full to ./lararena up); large SPARQL queries are slower until"
                    + " the next start", directory.getFileName(), nodeCacheNow, nodeCache);
        }
    }

    /** How many bytes the store's files have grown since the last compaction (or since this was made). */
    public synchronized long grownSinceLast() {
        return sizeOnDisk() - sizeAfterLast;
    }

    /** The bytes of the store's files. */
    public long sizeOnDisk() {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    // A file of the generation a compaction just removed.
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of the annotation store in " + directory, e);
        }
    }
}
