package org.lararena.platform.shared;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link JsonCollection} in memory, for unit tests of the stores built on it: two stores over one such collection
 * stand for two instances sharing one store. It keeps the promises of the interface (a version per write, a refused
 * change of a version no longer current), nothing more. Test code only.
 */
public final class MemoryCollection implements JsonCollection {

    private final Map<String, Stored> documents = new HashMap<>();
    private long sequence;

    @Override
    public synchronized Optional<Stored> find(String id) {
        return Optional.ofNullable(documents.get(id)).map(MemoryCollection::copy);
    }

    @Override
    public synchronized List<Stored> all() {
        return documents.values().stream().map(MemoryCollection::copy).toList();
    }

    @Override
    public synchronized List<Stored> newest(String timeField, int limit) {
        return documents.values().stream()
                .sorted(Comparator.comparing((Stored s) -> Instant.parse(s.body().getString(timeField))).reversed())
                .limit(limit).map(MemoryCollection::copy).toList();
    }

    @Override
    public synchronized Stored create(String id, JsonObject body) {
        if (documents.containsKey(id)) {
            throw new ChangedMeanwhile("the id " + id + " is taken");
        }
        return put(id, body);
    }

    @Override
    public synchronized Stored replace(Stored read, JsonObject body) {
        Stored now = documents.get(read.id());
        if (now == null || !now.version().equals(read.version())) {
            throw new ChangedMeanwhile(read.id() + " was changed since it was read");
        }
        return put(read.id(), body);
    }

    @Override
    public synchronized Stored put(String id, JsonObject body) {
        Stored stored = new Stored(id, body.copy(), new Version(++sequence, 1));
        documents.put(id, stored);
        return copy(stored);
    }

    @Override
    public synchronized boolean delete(String id) {
        return documents.remove(id) != null;
    }

    /** A copy, so that a caller changing what it read changes nothing stored (as with a collection on disk or on a server). */
    private static Stored copy(Stored stored) {
        return new Stored(stored.id(), stored.body().copy(), stored.version());
    }
}
