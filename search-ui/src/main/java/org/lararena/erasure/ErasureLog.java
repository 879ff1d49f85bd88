package org.lararena.erasure;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lararena.platform.LararenaException;

/**
 * The erasure log in the data directory ({@code erasures/}): {@code tombstones.jsonl}, one tombstone a line, and
 * {@code backups.jsonl}, one line per backup taken ({@code {directory, taken}}), so that each tombstone can name the
 * backups that still hold what it erased. Both are append-only and forced to disk line by line. Blocking; thread-safe.
 */
public final class ErasureLog {

    public static final String FOLDER = "erasures";
    public static final String TOMBSTONES = "tombstones.jsonl";
    private static final String BACKUPS = "backups.jsonl";

    private final Path tombstones;
    private final Path backups;

    public ErasureLog(Path dataDir) {
        Path folder = dataDir.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("the erasure log folder " + folder + " could not be made", e);
        }
        this.tombstones = folder.resolve(TOMBSTONES);
        this.backups = folder.resolve(BACKUPS);
    }

    /** Every tombstone, oldest first. */
    public synchronized List<Tombstone> tombstones() {
        return read(tombstones).stream().map(Tombstone::fromJson).toList();
    }

    public synchronized void add(Tombstone tombstone) {
        append(tombstones, tombstone.toJson());
    }

    /** Records a backup that was taken: later erasures name it. */
    public synchronized void backupTaken(String directory, Instant taken) {
        append(backups, new JsonObject().put("directory", directory).put("taken", taken.toString()));
    }

    /** The folders of the backups recorded so far. */
    public synchronized List<String> backups() {
        return read(backups).stream().map(line -> line.getString("directory")).distinct().toList();
    }

    /**
     * Adds the tombstones of {@code other} (the erasure log of a newer data directory) that this log does not hold,
     * in their order: a restore of an older backup takes the erasures recorded since, which the application then
     * carries out at its start.
     *
     * @return how many were added
     */
    public synchronized int merge(Path otherTombstones) {
        Set<String> known = tombstones().stream().map(Tombstone::id).collect(Collectors.toSet());
        int added = 0;
        for (JsonObject line : read(otherTombstones)) {
            Tombstone tombstone = Tombstone.fromJson(line);
            if (known.add(tombstone.id())) {
                add(tombstone);
                added++;
            }
        }
        return added;
    }

    private static List<JsonObject> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<JsonObject> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(new JsonObject(line));
                }
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            throw new LararenaException(500, "erasure_log_unreadable", "the erasure log " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void append(Path file, JsonObject line) {
        byte[] bytes = (line.encode() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw LararenaException.unavailable("the erasure log " + file + " could not be written: " + e.getMessage(), e);
        }
    }
}
