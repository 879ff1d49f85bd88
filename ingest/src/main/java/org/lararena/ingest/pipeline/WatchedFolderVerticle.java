package org.lararena.ingest.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.lararena.ingest.DocumentReceived;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder for bulk drops: every file that lands in it (also in subfolders) is stored and sent through the
 * pipeline like an upload, then moved to {@code .imported/} beside it, so nothing is taken twice and nothing is
 * lost. A file counts as landed once its size and time have stayed the same over one poll, so a copy still in
 * progress is left alone. Polling, not file-system events: it works the same on every file system. Deploy as a
 * worker verticle (file I/O).
 */
public final class WatchedFolderVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFolderVerticle.class);
    static final String IMPORTED = ".imported";

    private final Path folder;
    private final DocumentStore store;
    private final Duration interval;
    private final Map<Path, String> lastSeen = new HashMap<>();
    private long timer;

    public WatchedFolderVerticle(Path folder, DocumentStore store, Duration interval) {
        this.folder = Objects.requireNonNull(folder);
        this.store = Objects.requireNonNull(store);
        this.interval = Objects.requireNonNull(interval);
    }

    @Override
    public Future<?> start() throws IOException {
        Files.createDirectories(folder.resolve(IMPORTED));
        timer = vertx.setPeriodic(interval.toMillis(), t -> poll());
        LOG.info("Watching {} for documents", folder);
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void poll() {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !folder.relativize(p).startsWith(IMPORTED))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            LOG.warn("The watched folder {} could not be read: {}", folder, e.getMessage());
            return;
        }
        for (Path file : files) {
            try {
                String stamp = Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
                if (!stamp.equals(lastSeen.put(file, stamp))) {
                    continue;
                }
                take(file);
                lastSeen.remove(file);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not take {} from the watched folder: {}", file, e.getMessage());
            }
        }
        lastSeen.keySet().removeIf(p -> !Files.exists(p));
    }

    private void take(Path file) throws IOException {
        DocumentRecord record = store.store(file, file.getFileName().toString(),
                new DocumentStore.UploadFields(null, null, null, null, null), "watched-folder");
        Path imported = folder.resolve(IMPORTED).resolve(record.id() + "-" + DocumentStore.safeFilename(file.getFileName().toString()));
        Files.move(file, imported, StandardCopyOption.ATOMIC_MOVE);
        if (record.status() == DocumentStatus.QUEUED) {
            DocumentReceived.submit(vertx.eventBus(), record.id());
        } else {
            new StatusUpdates(store, vertx.eventBus()).publish(record);
        }
        LOG.info("Took a file from the watched folder as {} ({})", record.id(), record.status().wireName());
    }
}
