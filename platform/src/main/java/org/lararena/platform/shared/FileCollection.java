package org.lararena.platform.shared;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lararena.platform.DiskFull;
import org.lararena.platform.LararenaException;

/**
 * A {@link JsonCollection} of one instance: one file {@code <id>.json} per document in a folder, each written to a
 * temporary file and renamed into place ({@link AtomicFiles}), so a crash leaves the old document or the new one.
 * Every document is read into memory when the collection opens; versions count the changes this process has seen,
 * which is all of them, since no other process writes the folder. Thread-safe; writers take turns.
 */
public final class FileCollection implements JsonCollection {

    /** Ids become file names: letters, digits, dots, dashes and underscores, not starting with a dot. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    private static final String SUFFIX = ".json";

    private final Path folder;
    private final String what;
    private final boolean flush;
    private final Map<String, Stored> byId = new ConcurrentHashMap<>();
    private long changes;

    /**
     * Opens the collection in {@code folder}, made when missing.
     *
     * @param what  what one document is, for messages ("the document's record")
     * @param flush whether each write is forced to the disk before it returns, so it survives a crash of the machine
     *              too (a disk flush per write)
     * @throws IllegalStateException naming the file when a document cannot be read: nothing is started over damaged data
     */
    public FileCollection(Path folder, String what, boolean flush) {
        this.folder = folder;
        this.what = what;
        this.flush = flush;
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().forEach(this::load);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + folder, e);
        }
    }

    private void load(Path file) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - SUFFIX.length());
        try {
            byId.put(id, new Stored(id, new JsonObject(Files.readString(file)), new Version(++changes, 1)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(file + " is unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Stored> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(FileCollection::copy);
    }

    @Override
    public List<Stored> all() {
        return byId.values().stream().map(FileCollection::copy).toList();
    }

    @Override
    public List<Stored> newest(String timeField, int limit) {
        return byId.values().stream()
                .sorted(Comparator.comparing((Stored stored) -> stored.body().getString(timeField, "")).reversed())
                .limit(limit).map(FileCollection::copy).toList();
    }

    @Override
    public synchronized Stored create(String id, JsonObject body) {
        if (byId.containsKey(id)) {
            throw new ChangedMeanwhile(what + " " + id + " exists already");
        }
        return write(id, body);
    }

    @Override
    public synchronized Stored replace(Stored read, JsonObject body) {
        Stored now = byId.get(read.id());
        if (now == null || !now.version().equals(read.version())) {
            throw new ChangedMeanwhile(what + " " + read.id() + " was changed meanwhile; read it again");
        }
        return write(read.id(), body);
    }

    @Override
    public synchronized Stored put(String id, JsonObject body) {
        return write(id, body);
    }

    @Override
    public synchronized boolean delete(String id) {
        checkId(id);
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw LararenaException.unavailable(what + " could not be deleted (" + e.getMessage() + ")", e);
        }
        return byId.remove(id) != null;
    }

    private Stored write(String id, JsonObject body) {
        checkId(id);
        try {
            AtomicFiles.write(file(id), body.encodePrettily(), flush);
        } catch (IOException e) {
            if (DiskFull.causedBy(e)) {
                throw DiskFull.refused(what, e);
            }
            throw LararenaException.unavailable(what + " could not be written (" + e.getMessage() + ")", e);
        }
        Stored stored = new Stored(id, body.copy(), new Version(++changes, 1));
        byId.put(id, stored);
        return copy(stored);
    }

    private void checkId(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw LararenaException.badRequest("not a usable id for " + what + ": " + id);
        }
    }

    private Path file(String id) {
        return folder.resolve(id + SUFFIX);
    }

    /** A copy a caller may change without changing what is stored. */
    private static Stored copy(Stored stored) {
        return new Stored(stored.id(), stored.body().copy(), stored.version());
    }
}
