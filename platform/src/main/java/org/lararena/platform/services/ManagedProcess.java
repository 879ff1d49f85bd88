package org.lararena.platform.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process the platform started: its output goes to a log file, readiness is an HTTP probe, and
 * stopping ends the whole process tree (Elasticsearch and Keycloak both start a second JVM from a script).
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);
    private static final HttpClient PROBE_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Where a line of a server's log names a fatal error or an exception (a Java one, or a word of its own). */
    private static final Pattern TELLING = Pattern.compile("(?i)fatal|\\b[\\w.$]*exception\\b");

    private final String name;
    private final Process process;
    private final Path logFile;
    /** How long the log was before this start: what an earlier start of the same server wrote, not this one. */
    private final long earlierLogBytes;
    /**
     * The processes it had started when it became ready: Elasticsearch's launcher runs the server as a child JVM,
     * and if the launcher dies first, the child is no longer its descendant but must still be stopped.
     */
    private volatile List<ProcessHandle> startedByIt = List.of();

    private ManagedProcess(String name, Process process, Path logFile, long earlierLogBytes) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.earlierLogBytes = earlierLogBytes;
    }

    /** Starts {@code command} in {@code workDir} with {@code extraEnv} added, appending its output to {@code logFile}. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> extraEnv, Path workDir, Path logFile) {
        Objects.requireNonNull(name);
        try {
            Files.createDirectories(logFile.getParent());
            long earlierLogBytes = Files.exists(logFile) ? Files.size(logFile) : 0;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(extraEnv);
            LOG.info("Starting {}: {}", name, String.join(" ", command));
            return new ManagedProcess(name, builder.start(), logFile, earlierLogBytes);
        } catch (IOException e) {
            throw new ServiceStartException(name + " could not be started (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Waits until {@code probe} answers 200, the process dies, or {@code timeout} passes. On failure the process
     * is stopped and the exception quotes the last line of its log.
     */
    public void awaitReady(URI probe, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new ServiceStartException(name + " exited with code " + process.exitValue() + " while starting: "
                        + whyItStopped() + " (log: " + logFile + ")");
            }
            try {
                if (PROBE_CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    LOG.info("{} is up at {}", name, probe.resolve("/"));
                    startedByIt = process.toHandle().descendants().toList();
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new ServiceStartException(name + " start interrupted", e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new ServiceStartException(name + " did not come up within " + timeout.toSeconds() + " s (last log line: "
                + lastLogLine() + "; log: " + logFile + "). Raise LARARENA_START_TIMEOUT_SECONDS on a slow machine.");
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process ends, however it ends. */
    public CompletableFuture<ManagedProcess> onExit() {
        return process.onExit().thenApply(p -> this);
    }

    /** The exit status of an ended process (128 + the signal's number when a signal ended it). */
    public int exitValue() {
        return process.exitValue();
    }

    public Path logFile() {
        return logFile;
    }

    /** Asks the process tree to end (SIGTERM), then forces it after a grace period. */
    public void stop() {
        stopTree(process.toHandle(), Duration.ofSeconds(30));
        startedByIt.stream().filter(ProcessHandle::isAlive).forEach(orphan -> stopTree(orphan, Duration.ofSeconds(30)));
    }

    /** Ends {@code root} and every process it started, gently first. Used for processes of an earlier run too. */
    public static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : tree) {
            try {
                long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private String lastLogLine() {
        return lastLogLines(1);
    }

    /**
     * The line of this start's log that says why the server stopped: the last that names a fatal error or an
     * exception, from that word on, else the last line. A server's last words are often only "died while starting up"
     * (Elasticsearch), with the cause ("failed to obtain node locks", "Address already in use") a few lines before.
     */
    private String whyItStopped() {
        try {
            List<String> lines = logLines(earlierLogBytes);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i).strip();
                if (line.startsWith("at ") || line.startsWith("...")) {
                    continue; // a stack frame: the exception it belongs to is the line above it
                }
                Matcher telling = TELLING.matcher(line);
                if (telling.find()) {
                    String cause = line.substring(telling.start());
                    return cause.length() > 400 ? cause.substring(0, 400) + "…" : cause;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the last line says what the log can
        }
        return lastLogLine();
    }

    /** The log's lines from byte {@code from} on (0: all of it). */
    private List<String> logLines(long from) throws IOException {
        try (SeekableByteChannel log = Files.newByteChannel(logFile)) {
            log.position(Math.min(from, log.size()));
            // Decoded leniently: a server's console output is not always valid UTF-8, and a bad byte must not hide the cause.
            return new String(Channels.newInputStream(log).readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The last {@code count} non-blank lines of the process's log, each cut at 300 characters, one per line. */
    public String lastLogLines(int count) {
        try {
            List<String> lines = logLines(0);
            LinkedList<String> last = new LinkedList<>();
            for (int i = lines.size() - 1; i >= 0 && last.size() < count; i--) {
                String line = lines.get(i).strip();
                if (!line.isEmpty()) {
                    last.addFirst(line.length() > 300 ? line.substring(0, 300) + "…" : line);
                }
            }
            return last.isEmpty() ? "(empty log)" : String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
