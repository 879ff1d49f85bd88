package org.lararena.ingest.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.lararena.ingest.extract.ExtractionException.Kind;
import org.lararena.platform.LararenaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running {@link ExtractionWorker} JVM, used by one thread at a time. */
final class WorkerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);
    /** The JVM's exit status under {@code -XX:+ExitOnOutOfMemoryError}. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    private static final int STDERR_LINES_KEPT = 20;
    /** How long a new worker may take to load its parsers; slow only on a cold, busy machine. */
    private static final long START_TIMEOUT_MILLIS = 120_000;

    /** Kills workers that overrun their time; one thread serves every worker of the process. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("extraction-watchdog").factory());

    private final LararenaConfig.Extraction config;
    private final Process process;
    /** The worker's {@code java.io.tmpdir}: whatever it or its parsers write goes here, and goes with it. */
    private final Path temporaryDirectory;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private final Deque<String> lastErrorLines = new ArrayDeque<>();
    private int filesHandled;
    private boolean broken;

    private WorkerProcess(LararenaConfig.Extraction config, Process process, Path temporaryDirectory) {
        this.config = config;
        this.process = process;
        this.temporaryDirectory = temporaryDirectory;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 64 * 1024));
        Thread drain = new Thread(this::drainErrors, "extraction-worker-stderr-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts a worker whose temporary files (the warm-up samples, parsers' spooled copies) go to a directory of its
     * own inside {@code workDirectory}, which is removed when the worker ends, whether it exits or is killed.
     */
    static WorkerProcess start(LararenaConfig.Extraction config, Path workDirectory) throws IOException {
        Path temporaryDirectory = Files.createTempDirectory(Files.createDirectories(workDirectory), "worker-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + config.workerHeapMegabytes() + "m",
                "-XX:+ExitOnOutOfMemoryError",
                // One file at a time: the serial collector needs the least memory and no extra threads.
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + temporaryDirectory,
                // No hsperfdata file in /tmp: nothing of a worker is written outside the work directory.
                "-XX:-UsePerfData",
                "-Dlogback.configurationFile=org/lararena/ingest/extract/extraction-worker-logback.xml",
                // Some parsers log through Log4j's API; without this it complains on stderr about a missing backend.
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-cp", System.getProperty("java.class.path"),
                ExtractionWorker.class.getName()));
        command.addAll(WorkerProtocol.arguments(config));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            deleteRecursively(temporaryDirectory);
            throw e;
        }
        WorkerProcess worker = new WorkerProcess(config, process, temporaryDirectory);
        try {
            worker.awaitReady();
        } catch (IOException e) {
            worker.close();
            throw e;
        }
        LOG.debug("Extraction worker {} is ready", process.pid());
        return worker;
    }

    private void awaitReady() throws IOException {
        ScheduledFuture<?> deadline = WATCHDOG.schedule(this::kill, START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        try {
            WorkerProtocol.readReady(fromWorker);
        } catch (IOException e) {
            kill();
            throw new IOException("the extraction worker did not start (exit " + exitStatus() + "): " + lastErrors(), e);
        } finally {
            deadline.cancel(false);
        }
    }

    /** How many more files the worker takes before it is replaced. */
    int filesLeft() {
        return config.filesPerWorker() - filesHandled;
    }

    /** Whether the worker may take another file. */
    boolean reusable() {
        return !broken && process.isAlive() && filesHandled < config.filesPerWorker();
    }

    ExtractedDocument extract(Path file, String declaredFilename, String declaredMediaType, Path unpackDirectory)
            throws ExtractionException {
        filesHandled++;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            kill();
        }, config.timePerFile().toMillis(), TimeUnit.MILLISECONDS);
        try {
            WorkerProtocol.writeRequest(toWorker, new WorkerProtocol.Request(file.toAbsolutePath().toString(),
                    declaredFilename, declaredMediaType, unpackDirectory.toAbsolutePath().toString()));
            return WorkerProtocol.readResponse(fromWorker, config.maxOutputCharacters());
        } catch (IOException lost) {
            broken = true;
            // Why it was lost is read from how the worker ended, so it is asked before the worker is killed: a worker out
            // of memory closes its pipe a moment before it exits with its own status, and killed in that moment it
            // ended as killed, and the researcher was told "avbröts oväntat" instead of the memory limit.
            ExtractionException failure = failureOfLostWorker(timedOut.get(), lost);
            kill();
            throw failure;
        } finally {
            deadline.cancel(false);
        }
    }

    private ExtractionException failureOfLostWorker(boolean timedOut, IOException lost) {
        if (timedOut) {
            return new ExtractionException(Kind.TIMEOUT, "Tidsgränsen på " + seconds(config.timePerFile())
                    + " s överskreds när filen lästes.", "worker killed after " + config.timePerFile(), lost);
        }
        Integer exit = exitStatus();
        if (exit != null && exit == OUT_OF_MEMORY_EXIT) {
            return new ExtractionException(Kind.OUT_OF_MEMORY, "Filen kräver mer minne än gränsen på "
                    + config.workerHeapMegabytes() + " MB och kunde inte läsas.",
                    "worker ran out of its " + config.workerHeapMegabytes() + " MB heap", lost);
        }
        return new ExtractionException(Kind.INTERNAL, "Läsningen av filen avbröts oväntat.",
                "worker lost (exit " + exit + "): " + lost + "; stderr: " + lastErrors(), lost);
    }

    /** "60", or "0,3" for a limit below a minute that is not whole seconds (Swedish decimal comma). */
    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? String.valueOf(millis / 1000)
                : String.format(Locale.ROOT, "%.1f", millis / 1000.0).replace('.', ',');
    }

    private Integer exitStatus() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void kill() {
        // Tesseract runs as a child of the worker: end it too, or it outlives the file.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void drainErrors() {
        try (BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = errors.readLine(); line != null; line = errors.readLine()) {
                LOG.debug("worker {}: {}", process.pid(), line);
                synchronized (lastErrorLines) {
                    lastErrorLines.addLast(line);
                    if (lastErrorLines.size() > STDERR_LINES_KEPT) {
                        lastErrorLines.removeFirst();
                    }
                }
            }
        } catch (IOException closed) {
            // The worker is gone; nothing more to read.
        }
    }

    private String lastErrors() {
        synchronized (lastErrorLines) {
            return String.join(" | ", lastErrorLines);
        }
    }

    /** Ends the worker (asks it to exit, kills it if it does not) and removes its temporary directory. */
    @Override
    public void close() {
        try {
            toWorker.close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        try {
            // A killed JVM may still be writing for a moment: its files go only once it is gone.
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException stillThere) {
            LOG.warn("Extraction worker {} did not end in time; its temporary files in {} may stay", process.pid(), temporaryDirectory);
        }
        deleteRecursively(temporaryDirectory);
    }

    /** Deletes a directory and everything in it, as far as it can; what cannot be deleted is logged. */
    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Temporary files of extraction in {} could not all be removed: {}", directory, e.toString());
        }
    }
}
