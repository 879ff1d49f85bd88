package org.lararena.coding;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.lararena.platform.LararenaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memos on passages, kept in one append-only file of JSON lines ({@code memos.jsonl}) in its directory: each memo is
 * written and forced to disk before {@link #add} returns, so an acknowledged memo survives a crash. A last line cut
 * short by a crash during writing (never acknowledged) is dropped, and a damaged line skipped, when the file is read
 * back, both logged; every complete line is kept.
 * Blocking (file I/O): call it off the event loop. Thread-safe.
 */
public final class MemoStore {

    private static final Logger LOG = LoggerFactory.getLogger(MemoStore.class);
    private static final int MAX_PASSAGE_ID_CHARS = 200;

    private final Path file;
    private final int maxChars;
    private final Clock clock;
    private final Map<String, List<Memo>> byPassage = new HashMap<>();

    /** @param maxChars the longest memo accepted, in characters ({@code LARARENA_MAX_MEMO_CHARS}) */
    public MemoStore(Path directory, int maxChars, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        this.maxChars = maxChars;
        this.clock = Objects.requireNonNull(clock);
        try {
            Files.createDirectories(directory);
            this.file = directory.resolve("memos.jsonl");
            if (Files.exists(file)) {
                read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the memo store in " + directory + " could not be opened", e);
        }
    }

    /** The memos of a passage, oldest first. */
    public synchronized List<Memo> of(String passageId) {
        return List.copyOf(byPassage.getOrDefault(passageId, List.of()));
    }

    /**
     * Stores a memo by {@code author} on {@code passageId}; 400 for an empty or too long text or a malformed passage id.
     *
     * @return the stored memo, with its id and time
     */
    public synchronized Memo add(String passageId, String text, String author) {
        if (passageId == null || passageId.isBlank() || passageId.length() > MAX_PASSAGE_ID_CHARS) {
            throw LararenaException.badRequest("a memo needs the id of its passage (at most " + MAX_PASSAGE_ID_CHARS + " characters)");
        }
        if (text == null || text.isBlank()) {
            throw LararenaException.badRequest("the memo is empty: write something in text");
        }
        if (text.length() > maxChars) {
            throw LararenaException.badRequest("the memo has " + text.length() + " characters; at most " + maxChars + " are kept");
        }
        Memo memo = new Memo(UUID.randomUUID().toString(), passageId, text, Objects.requireNonNull(author), clock.instant());
        byte[] line = (memo.toJson().encode() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw LararenaException.unavailable("the memo could not be written to " + file + ": " + e.getMessage(), e);
        }
        byPassage.computeIfAbsent(passageId, id -> new ArrayList<>()).add(memo);
        return memo;
    }

    private void read() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            // A write cut short by a crash: never acknowledged, and the next memo must not be appended to it.
            LOG.warn("Memo store {}: an unfinished last line ({} bytes) is dropped", file, bytes.length - end);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
                channel.force(true);
            }
        }
        List<String> lines = new String(bytes, 0, end, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                Memo memo = Memo.fromJson(new JsonObject(line));
                byPassage.computeIfAbsent(memo.passageId(), id -> new ArrayList<>()).add(memo);
            } catch (RuntimeException e) { // DecodeException, a missing field or a bad time
                LOG.warn("Memo store {}: line {} is incomplete or damaged and is skipped ({})", file, i + 1, e.getMessage());
            }
        }
    }
}
