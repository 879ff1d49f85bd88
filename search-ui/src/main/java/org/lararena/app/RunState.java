package org.lararena.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.lararena.platform.LararenaException;
import org.lararena.platform.services.DirectoryLock;
import org.lararena.platform.services.RecordedServers;

/**
 * What a running {@code ./lararena up} left in {@code <data dir>/run}: a lock held while it runs (so a second
 * {@code up} is refused) and a JSON file with its process id and addresses (for {@code status} and {@code down}).
 */
final class RunState implements AutoCloseable {

    private final Path stateFile;
    private final DirectoryLock lock;

    private RunState(Path stateFile, DirectoryLock lock) {
        this.stateFile = stateFile;
        this.lock = lock;
    }

    static Path stateFile(Path dataDir) {
        return dataDir.resolve("run/lararena.json");
    }

    /**
     * The servers the run that wrote the state file recorded ({@code serverPids}) that still run, as
     * {@link RecordedServers#stillRunning} tells them from other programs. With the lock held, the run that wrote
     * the file is over: these are the servers it left running because it ended without stopping them (killed
     * outright, or by the machine running out of memory).
     */
    static List<ProcessHandle> recordedServers(Path dataDir, Predicate<ProcessHandle> ours) {
        List<Long> pids = new ArrayList<>();
        read(dataDir).ifPresent(state -> state.getJsonArray("serverPids", new JsonArray()).forEach(pid -> {
            if (pid instanceof Number number) {
                pids.add(number.longValue());
            }
        }));
        return pids.isEmpty() ? List.of() : RecordedServers.stillRunning(stateFile(dataDir), pids, ours);
    }

    /** Takes the lock, or fails saying where the platform already runs. */
    static RunState acquire(Path dataDir) {
        Path runDir = dataDir.resolve("run");
        try {
            DirectoryLock lock = DirectoryLock.tryTake(runDir.resolve("lararena.lock")).orElseThrow(() -> {
                String where = read(dataDir).map(s -> " (process " + s.getLong("pid") + ", " + s.getString("url") + ")").orElse("");
                return new LararenaException(409, "already_running", "Lärarena is already running with the data directory "
                        + dataDir + where + ": use ./lararena status, or ./lararena down to stop it");
            });
            return new RunState(stateFile(dataDir), lock);
        } catch (IOException e) {
            throw new LararenaException(500, "run_state", "cannot use " + runDir + " (" + e.getMessage() + ")", e);
        }
    }

    void write(JsonObject state) {
        try {
            Path temp = Files.createTempFile(stateFile.getParent(), "lararena", ".tmp");
            Files.writeString(temp, state.encodePrettily());
            Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LararenaException(500, "run_state", "cannot write " + stateFile + " (" + e.getMessage() + ")", e);
        }
    }

    static Optional<JsonObject> read(Path dataDir) {
        try {
            Path file = stateFile(dataDir);
            return Files.isRegularFile(file) ? Optional.of(new JsonObject(Files.readString(file))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            // the process is ending; status and down see its launcher gone
        }
        lock.close();
    }
}
