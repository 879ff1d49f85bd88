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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.lararena.platform.LararenaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memos on passages, kept in one append-only file of JSON lines ({@code memos.jsonl}) in its directory: each memo is
 * written and forced to disk before {@link #add} returns, so an acknowledged memo survives a crash. An edit or a
 * deletion appends a new version of the memo (same id); the earlier versions stay in the file and in {@link #versions}. A last line cut
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
    /** Every version of every memo, oldest first, by memo id. */
    private final Map<String, List<Memo>> versions = new HashMap<>();

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

    /** The memos of a passage as they are now (not deleted), oldest first. */
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
        checkText(text);
        Memo memo = new Memo(UUID.randomUUID().toString(), passageId, text, Objects.requireNonNull(author), clock.instant());
        append(memo);
        return memo;
    }

    /** A new version of a memo with {@code text}, by {@code editor}; 404 for an unknown or deleted memo, 400 for bad text. */
    public synchronized Memo edit(String memoId, String text, String editor) {
        checkText(text);
        Memo edited = current(memoId).next(text, Objects.requireNonNull(editor), clock.instant(), false);
        append(edited);
        return edited;
    }

    /** Deletes a memo (a last version marks it deleted; the earlier ones stay); 404 for an unknown or deleted memo. */
    public synchronized Memo delete(String memoId, String editor) {
        Memo current = current(memoId);
        Memo deleted = current.next(current.text(), Objects.requireNonNull(editor), clock.instant(), true);
        append(deleted);
        return deleted;
    }

    /** The memo as it is now (not deleted); 404 otherwise. */
    public synchronized Memo current(String memoId) {
        List<Memo> all = versions.get(memoId);
        if (all == null || all.get(all.size() - 1).deleted()) {
            throw LararenaException.notFound("no memo with that id");
        }
        return all.get(all.size() - 1);
    }

    /** Every version of a memo, oldest first, the deleting one included; 404 for an unknown id. */
    public synchronized List<Memo> versions(String memoId) {
        List<Memo> all = versions.get(memoId);
        if (all == null) {
            throw LararenaException.notFound("no memo with that id");
        }
        return List.copyOf(all);
    }

    /**
     * Erases every memo on the passages {@code onPassage} accepts, with all its versions: the file is written again
     * without them (to a temporary file moved into place), so no earlier version of them stays anywhere in it.
     *
     * @return how many memos were erased
     */
    public synchronized int erase(Predicate<String> onPassage) {
        List<String> erased = versions.entrySet().stream().filter(e -> onPassage.test(e.getValue().get(0).passageId()))
                .map(Map.Entry::getKey).toList();
        if (erased.isEmpty()) {
            return 0;
        }
        StringBuilder kept = new StringBuilder();
        List<Memo> keptVersions = new ArrayList<>();
        versions.forEach((id, all) -> {
            if (!erased.contains(id)) {
                keptVersions.addAll(all);
            }
        });
        keptVersions.sort(Comparator.comparing(memo -> memo.changed() != null ? memo.changed() : memo.created()));
        keptVersions.forEach(memo -> kept.append(memo.toJson().encode()).append('\n'));
        try {
            org.lararena.platform.shared.AtomicFiles.write(file, kept.toString(), true);
        } catch (IOException e) {
            throw LararenaException.unavailable("the memos could not be erased from " + file + ": " + e.getMessage(), e);
        }
        erased.forEach(id -> byPassage.get(versions.remove(id).get(0).passageId()).removeIf(memo -> memo.id().equals(id)));
        return erased.size();
    }

    private void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw LararenaException.badRequest("the memo is empty: write something in text");
        }
        if (text.length() > maxChars) {
            throw LararenaException.badRequest("the memo has " + text.length() + " characters; at most " + maxChars + " are kept");
        }
    }

    private void append(Memo memo) {
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
        apply(memo);
    }

    /** Makes {@code memo} the current version of its id (or removes it from its passage when it deletes it). */
    private void apply(Memo memo) {
        versions.computeIfAbsent(memo.id(), id -> new ArrayList<>()).add(memo);
        List<Memo> ofPassage = byPassage.computeIfAbsent(memo.passageId(), id -> new ArrayList<>());
        int index = -1;
        for (int i = 0; i < ofPassage.size(); i++) {
            if (ofPassage.get(i).id().equals(memo.id())) {
                index = i;
            }
        }
        if (memo.deleted()) {
            if (index >= 0) {
                ofPassage.remove(index);
            }
        } else if (index >= 0) {
            ofPassage.set(index, memo);
        } else {
            ofPassage.add(memo);
        }
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
                apply(Memo.fromJson(new JsonObject(line)));
            } catch (RuntimeException e) { // DecodeException, a missing field or a bad time
                LOG.warn("Memo store {}: line {} is incomplete or damaged and is skipped ({})", file, i + 1, e.getMessage());
            }
        }
    }
}
