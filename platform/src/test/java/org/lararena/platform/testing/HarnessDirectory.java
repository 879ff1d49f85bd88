package org.lararena.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.lararena.platform.services.DirectoryLock;
import org.lararena.platform.services.ManagedProcess;
import org.lararena.platform.services.RecordedServers;

/**
 * The test harness's hold on its data directory, and the servers an earlier harness left running in it. A test JVM
 * that is killed outright (a build's timeout, {@code kill -9}) runs no shutdown hook: its Elasticsearch and Keycloak
 * keep running, and Elasticsearch keeps its data lock, so the next test run failed with "failed to obtain node
 * locks". The harness therefore holds a lock on the directory while it runs and writes its servers' process ids
 * down; whoever takes the lock next knows that harness is over and stops the servers it wrote down, as a second
 * {@code ./lararena up} does after a killed one.
 */
final class HarnessDirectory implements AutoCloseable {

    static final String LOCK_FILE = "harness.lock";
    static final String SERVERS_FILE = "servers.pids";

    private final Path dir;
    private final DirectoryLock lock;

    private HarnessDirectory(Path dir, DirectoryLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /** Takes the directory, or fails saying that another test run uses it. */
    static HarnessDirectory take(Path dir) {
        try {
            return new HarnessDirectory(dir, DirectoryLock.tryTake(dir.resolve(LOCK_FILE)).orElseThrow(() -> new IllegalStateException(
                    "another test run uses the services' directory " + dir
                            + ": wait for it to end, or give this one another directory with -Dlararena.it.dir=...")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot use the services' directory " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Stops the servers the harness that last held the directory wrote down and left running, and returns their
     * process ids. Only processes that are still those servers are stopped ({@link RecordedServers#stillRunning}).
     */
    List<Long> stopLeftBehind() {
        Path file = dir.resolve(SERVERS_FILE);
        List<Long> pids;
        try {
            pids = Files.isRegularFile(file)
                    ? Files.readAllLines(file).stream().map(String::strip).filter(line -> line.matches("\\d+")).map(Long::valueOf).toList()
                    : List.of();
        } catch (IOException e) {
            return List.of();
        }
        List<ProcessHandle> left = RecordedServers.stillRunning(file, pids, RecordedServers::isPlatformServer);
        for (ProcessHandle server : left) {
            System.err.println("Stopping process " + server.pid() + " (" + server.info().command().orElse("a server")
                    + "), which a killed earlier test run left running in " + dir);
            ManagedProcess.stopTree(server, Duration.ofSeconds(20));
        }
        return left.stream().map(ProcessHandle::pid).toList();
    }

    /** Writes down the servers this harness runs. */
    void record(List<Long> pids) {
        try {
            Files.writeString(dir.resolve(SERVERS_FILE), pids.stream().map(String::valueOf).collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            // Without the file a killed run's servers must be stopped by hand, as before; the tests can still run.
            System.err.println("Could not write the test servers' process ids to " + dir + ": " + e.getMessage());
        }
    }

    /** After the servers were stopped: nothing is left to stop, and the directory is free. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(dir.resolve(SERVERS_FILE));
        } catch (IOException e) {
            // its servers are stopped: a list left here names processes that no longer run
        }
        lock.close();
    }
}
