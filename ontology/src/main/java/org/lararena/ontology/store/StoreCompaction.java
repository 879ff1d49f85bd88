package org.lararena.ontology.store;

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
 * stay until the database is compacted. A coding action is a small transaction that copies a few megabytes of pages
 * (six indexes, a path of pages for every changed quad), so a team coding all day grows the store by gigabytes: three
 * researchers coding beside a large ingest grew it to 20 GB in ten minutes. {@link #compactIfGrown()} compacts once the
 * files have grown by a set amount since the last compaction: the live data is copied to a new generation and the old
 * one deleted. Writers wait meanwhile (a coding action that waits too long is answered 503 busy); readers go on.
 * Blocking; one compaction at a time.
 */
public final class StoreCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCompaction.class);

    private final Dataset dataset;
    private final Path directory;
    private final long growthBytes;
    private long sizeAfterLast;

    /**
     * @param directory   the store's directory on disk (its generations {@code Data-NNNN} are in it)
     * @param growthBytes growth since the last compaction that starts the next; 0 never (except {@link #compact()})
     */
    public StoreCompaction(Dataset dataset, Path directory, long growthBytes) {
        this.dataset = dataset;
        this.directory = directory;
        this.growthBytes = growthBytes;
        this.sizeAfterLast = sizeOnDisk();
    }

    /** Compacts when the files have grown by the set amount since the last compaction; true when it did. */
    public synchronized boolean compactIfGrown() {
        long size = sizeOnDisk();
        if (growthBytes <= 0 || size - sizeAfterLast < growthBytes) {
            return false;
        }
        compact();
        return true;
    }

    /** Compacts now (after an erasure, so that the erased words leave the files too). */
    public synchronized void compact() {
        long before = sizeOnDisk();
        long started = System.nanoTime();
        DatabaseMgr.compact(dataset.asDatasetGraph(), true);
        sizeAfterLast = sizeOnDisk();
        LOG.info("The annotation store was compacted from {} MB to {} MB in {} ms", before >> 20, sizeAfterLast >> 20,
                (System.nanoTime() - started) / 1_000_000);
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
