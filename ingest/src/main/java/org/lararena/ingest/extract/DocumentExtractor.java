package org.lararena.ingest.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.lararena.ingest.extract.ExtractionException.Kind;
import org.lararena.platform.LararenaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts uploaded files, each in an isolated worker JVM with the time, memory and output limits of an
 * {@link LararenaConfig.Extraction}. Workers are kept warm and reused, so a file costs a parse, not a JVM start; a
 * worker that crashed, timed out or reached {@link LararenaConfig.Extraction#filesPerWorker()} is replaced. The
 * replacement for a worker that nears its file limit is started in the background ahead of time, so that the
 * next file seldom waits for a JVM to start when the old worker is retired.
 *
 * <p>A worker is the {@code java} of this JVM's {@code java.home} running this JVM's class path, so whatever
 * runs the application (a jar, an IDE, surefire) runs its workers too. Each worker's {@code java.io.tmpdir} is a
 * directory of its own inside the extractor's work directory (the application's is in its data directory), so
 * that the warm-up samples and whatever parsers spool to disk stay there and are removed with the worker, even
 * when it is killed.
 *
 * <p>Thread-safe; {@link #extract} blocks (call it from a worker thread, never an event loop) and at most
 * {@link LararenaConfig.Extraction#workers()} files are parsed at once. Close the extractor to stop its workers.
 */
public final class DocumentExtractor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentExtractor.class);
    /** Files before its limit at which a worker's replacement starts warming up. */
    private static final int REPLACE_AHEAD_FILES = 10;
    /** The folder of the work directory that holds the documents unpacked from archives, one folder per archive. */
    private static final String UNPACKED = "unpacked";

    private final LararenaConfig.Extraction config;
    private final Path workDirectory;
    /** Whether the work directory was made by this extractor (and goes when it closes). */
    private final boolean ownWorkDirectory;
    private final Semaphore parsing;
    private final LinkedBlockingDeque<WorkerProcess> idle = new LinkedBlockingDeque<>();
    /** A replacement worker started ahead of time for one that nears its file limit, or null. */
    private final AtomicReference<CompletableFuture<WorkerProcess>> spare = new AtomicReference<>();
    private volatile boolean closed;

    /**
     * An extractor whose workers keep their temporary files in {@code workDirectory} (created if absent). Whatever
     * is in it when the extractor starts was left by workers of an earlier run that ended abruptly, and is removed.
     */
    public DocumentExtractor(LararenaConfig.Extraction config, Path workDirectory) {
        this(config, workDirectory, false);
    }

    /** An extractor whose workers keep their temporary files in a new directory of the system's, removed on close. */
    public DocumentExtractor(LararenaConfig.Extraction config) {
        this(config, newTemporaryDirectory(), true);
    }

    private DocumentExtractor(LararenaConfig.Extraction config, Path workDirectory, boolean ownWorkDirectory) {
        this.config = Objects.requireNonNull(config);
        this.workDirectory = Objects.requireNonNull(workDirectory).toAbsolutePath();
        this.ownWorkDirectory = ownWorkDirectory;
        this.parsing = new Semaphore(config.workers(), true);
        if (!ownWorkDirectory) {
            removeLeftovers(this.workDirectory);
        }
    }

    private static Path newTemporaryDirectory() {
        try {
            return Files.createTempDirectory("lararena-extraction-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the extraction workers", e);
        }
    }

    private static void removeLeftovers(Path workDirectory) {
        if (!Files.isDirectory(workDirectory)) {
            return;
        }
        try (Stream<Path> left = Files.list(workDirectory)) {
            left.forEach(WorkerProcess::deleteRecursively);
        } catch (IOException e) {
            LOG.warn("Leftovers of earlier extraction workers in {} could not be removed: {}", workDirectory, e.toString());
        }
    }

    /** Starts the workers now, so that the first files do not wait for a JVM and Tika to start. */
    public void warmUp() throws ExtractionException {
        while (idle.size() < config.workers() && !closed) {
            idle.addLast(startWorker());
        }
    }

    /**
     * Extracts one file.
     *
     * @param file              the stored file
     * @param declaredFilename  the name it was uploaded with (a hint for detection, never trusted over content)
     * @param declaredMediaType the type the upload declared, or {@code null}; believed only to tell plain-text
     *                          variants apart (Markdown, WebVTT, SRT)
     * @return the document; for an archive or a mailbox, its documents as {@link ExtractedDocument#members()}, in
     *         files that stay until {@link #release} is called
     * @throws ExtractionException with a reason for the user when the file cannot be read
     */
    public ExtractedDocument extract(Path file, String declaredFilename, String declaredMediaType) throws ExtractionException {
        Objects.requireNonNull(file);
        if (closed) {
            throw new IllegalStateException("the extractor is closed");
        }
        try {
            parsing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(Kind.INTERNAL, "Läsningen av filen avbröts.", "interrupted while waiting for a worker", e);
        }
        WorkerProcess worker = null;
        try {
            worker = idle.pollFirst();
            if (worker == null || !worker.reusable()) {
                if (worker != null) {
                    worker.close();
                }
                worker = takeSpareOrStart();
            }
            Path unpackDirectory = workDirectory.resolve(UNPACKED).resolve(UUID.randomUUID().toString());
            ExtractedDocument document = null;
            try {
                document = worker.extract(file, declaredFilename, declaredMediaType, unpackDirectory);
                return document;
            } finally {
                if (document == null || !document.isArchive()) {
                    // A failed or ordinary file leaves nothing; an archive stopped half-way may have left some.
                    WorkerProcess.deleteRecursively(unpackDirectory);
                }
            }
        } finally {
            if (worker != null) {
                if (worker.reusable() && !closed) {
                    idle.addFirst(worker);
                    if (worker.filesLeft() <= REPLACE_AHEAD_FILES) {
                        startReplacement();
                    }
                } else {
                    worker.close();
                }
            }
            parsing.release();
        }
    }

    /** Removes the unpacked documents of an archive or mailbox, once they are stored elsewhere. */
    public void release(ExtractedDocument document) {
        document.members().stream().map(member -> member.file().getParent()).distinct()
                .filter(directory -> directory.startsWith(workDirectory.resolve(UNPACKED)))
                .forEach(WorkerProcess::deleteRecursively);
    }

    /** Starts the replacement of a worker near its limit in the background, unless one is already on its way. */
    private void startReplacement() {
        CompletableFuture<WorkerProcess> next = new CompletableFuture<>();
        if (!spare.compareAndSet(null, next)) {
            return;
        }
        Thread.ofPlatform().daemon().name("extraction-worker-replacement").start(() -> {
            try {
                next.complete(startWorker());
            } catch (ExtractionException e) {
                next.completeExceptionally(e);
            }
        });
    }

    /** The replacement started ahead of time (waiting for it if it is still starting), else a new worker. */
    private WorkerProcess takeSpareOrStart() throws ExtractionException {
        CompletableFuture<WorkerProcess> next = spare.getAndSet(null);
        if (next != null) {
            try {
                return next.join();
            } catch (CompletionException e) {
                // It could not start: try once more here, as without a replacement.
                LOG.warn("A replacement extraction worker could not be started ahead of time: {}", e.getCause().getMessage());
            }
        }
        return startWorker();
    }

    private WorkerProcess startWorker() throws ExtractionException {
        try {
            return WorkerProcess.start(config, workDirectory);
        } catch (IOException e) {
            throw new ExtractionException(Kind.INTERNAL, "Tjänsten som läser filer kunde inte startas.",
                    "could not start an extraction worker: " + e, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        // Documents of an archive not yet stored are abandoned: the archive is unpacked again when its document resumes.
        WorkerProcess.deleteRecursively(workDirectory.resolve(UNPACKED));
        for (WorkerProcess worker = idle.pollFirst(); worker != null; worker = idle.pollFirst()) {
            worker.close();
        }
        CompletableFuture<WorkerProcess> next = spare.getAndSet(null);
        if (next != null) {
            if (ownWorkDirectory) {
                // The directory goes only after the spare's own files, once it has started and been stopped.
                next.handle((worker, failure) -> {
                    if (worker != null) {
                        worker.close();
                    }
                    WorkerProcess.deleteRecursively(workDirectory);
                    return null;
                });
            } else {
                next.thenAccept(WorkerProcess::close);
            }
        } else if (ownWorkDirectory) {
            WorkerProcess.deleteRecursively(workDirectory);
        }
    }
}
