package org.lararena.ingest.store;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lararena.platform.LararenaException;
import org.lararena.platform.shared.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable queue of documents that are ready for the index but not yet in it (Elasticsearch was away): one
 * file per document under {@code pending-indexing/}, holding the annotated passages, written atomically. A
 * document leaves the queue once its passages are indexed (or indexing failed for good). After a restart the
 * queue is read back in the order the documents entered it, so the waiting work resumes where it stood.
 * Blocking file I/O: call from worker threads.
 */
public final class PendingIndexing {

    private static final Logger LOG = LoggerFactory.getLogger(PendingIndexing.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final String SUFFIX = ".json";

    private final Path folder;
    private final Set<String> ids = new LinkedHashSet<>();

    public PendingIndexing(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            List<Path> entries = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(entries::add);
            }
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    // A write the crash interrupted: the entry it was replacing (if any) is still whole.
                    Files.deleteIfExists(file);
                }
            }
            entries.stream().filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing(PendingIndexing::modified).thenComparing(Path::toString))
                    .forEach(f -> ids.add(f.getFileName().toString().substring(0, f.getFileName().toString().length() - SUFFIX.length())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the pending-indexing queue in " + folder, e);
        }
        if (!ids.isEmpty()) {
            LOG.info("{} document(s) wait to be indexed", ids.size());
        }
    }

    /** Adds (or replaces) a document's waiting work: {@code {documentId, passages: [...]}}. */
    public synchronized void put(String documentId, JsonObject work) {
        try {
            AtomicFiles.write(file(documentId), work.encode(), true);
            ids.add(documentId);
        } catch (IOException e) {
            throw LararenaException.unavailable("the document could not be queued for indexing (" + e.getMessage() + ")", e);
        }
    }

    /** The waiting work of a document; empty when it does not wait or its entry cannot be read. */
    public Optional<JsonObject> get(String documentId) {
        Path file = file(documentId);
        try {
            return Files.isRegularFile(file) ? Optional.of(new JsonObject(Files.readString(file))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The pending-indexing entry of {} is unreadable: {}", documentId, e.getMessage());
            return Optional.empty();
        }
    }

    /** Takes a document off the queue (it is indexed, or failed for good). */
    public synchronized void remove(String documentId) {
        try {
            Files.deleteIfExists(file(documentId));
            ids.remove(documentId);
        } catch (IOException e) {
            throw LararenaException.unavailable("the pending-indexing entry of " + documentId + " could not be removed (" + e.getMessage() + ")", e);
        }
    }

    public synchronized boolean contains(String documentId) {
        return ids.contains(documentId);
    }

    public synchronized boolean isEmpty() {
        return ids.isEmpty();
    }

    public synchronized int size() {
        return ids.size();
    }

    /** The waiting documents, oldest first. */
    public synchronized List<String> ids() {
        return List.copyOf(ids);
    }

    private Path file(String documentId) {
        if (!SAFE_ID.matcher(documentId).matches()) {
            throw new IllegalArgumentException("not a document id: " + documentId);
        }
        return folder.resolve(documentId + SUFFIX);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
