package org.lararena.platform.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.lararena.platform.services.DirectoryLock;
import org.lararena.platform.services.RecordedServers;

/**
 * The test harness's hold on its data directory, and the servers an earlier harness left running in it. A test JVM
 * that is killed outright (a build's timeout, {@code kill -9}) runs no shutdown hook: its Elasticsearch and Keycloak
 * keep running, and Elasticsearch keeps its data lock, so the next test run failed with "failed to obtain node
 * locks". The harness therefore holds a lock on the directory while it runs; whoever takes the lock next knows that
 * harness is over, and stops the servers that run from the directory ({@link RecordedServers#runningFrom}), those it
 * was still starting when it was killed among them, as a second {@code ./lararena up} does after a killed one.
 */
final class HarnessDirectory implements AutoCloseable {

    static final String LOCK_FILE = "harness.lock";

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

    /** Stops the servers an earlier harness left running from the directory, and returns their process ids. */
    List<Long> stopLeftBehind() {
        List<ProcessHandle> left = RecordedServers.runningFrom(dir);
        RecordedServers.stop(left, "a killed earlier test run in " + dir, System.err);
        return left.stream().map(ProcessHandle::pid).toList();
    }

    /** After the servers were stopped: the directory is free. */
    @Override
    public void close() {
        lock.close();
    }
}
