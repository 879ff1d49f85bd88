package org.lararena.platform.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Appends one line per event to {@code audit.jsonl}, opened for appending only and forced to disk, so an entry
 * once written stays. Blocking: call from worker threads.
 */
public final class AuditLog {

    private final Path file;

    public AuditLog(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit log folder " + directory, e);
        }
        this.file = directory.resolve("audit.jsonl");
    }

    /** Records that {@code user} did {@code action} to {@code target}; {@code details} may be null. */
    public synchronized void record(String user, String action, String target, JsonObject details) {
        JsonObject entry = new JsonObject().put("time", Instant.now().toString()).put("user", Objects.requireNonNull(user))
                .put("action", Objects.requireNonNull(action)).put("target", target);
        if (details != null) {
            entry.put("details", details);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap((entry.encode() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log " + file + " could not be written", e);
        }
    }

    /**
     * Takes the details out of every entry about one of {@code targets} (erased documents: an upload's entry names
     * the file, which may name a participant) and puts {@code note} in their place; who did what to which id, and
     * when, stays. The log is written again to a temporary file moved into place, so a failure leaves it as it was.
     *
     * @return how many entries were redacted
     */
    public synchronized int redactDetails(Set<String> targets, String note) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            int redacted = 0;
            StringBuilder kept = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject entry = new JsonObject(line);
                String target = entry.getString("target"); // null for actions on no one thing (an export, a query)
                if (target != null && targets.contains(target) && entry.containsKey("details")) {
                    entry.put("details", new JsonObject().put("redacted", note));
                    redacted++;
                }
                kept.append(entry.encode()).append('\n');
            }
            if (redacted > 0) {
                Path temporary = Files.createTempFile(file.getParent(), "audit-", ".tmp");
                try {
                    Files.writeString(temporary, kept, StandardCharsets.UTF_8);
                    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            return redacted;
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log " + file + " could not be redacted", e);
        }
    }

    /** The newest {@code limit} entries, newest first. */
    public synchronized JsonArray newest(int limit) {
        Deque<JsonObject> newest = new ArrayDeque<>();
        if (!Files.exists(file)) {
            return new JsonArray();
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> {
                newest.addFirst(new JsonObject(line));
                if (newest.size() > limit) {
                    newest.removeLast();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log " + file + " could not be read", e);
        }
        return new JsonArray(List.copyOf(newest));
    }
}
