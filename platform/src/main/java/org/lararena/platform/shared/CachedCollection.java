package org.lararena.platform.shared;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.lararena.platform.LararenaException;
import org.lararena.platform.shared.JsonCollection.Stored;
import org.lararena.platform.shared.JsonCollection.Version;

/**
 * A collection held in memory as values of type {@code T}, so that reading it takes no lock and touches neither disk
 * nor network (it may be done on an event loop), while every write goes through to the {@link JsonCollection} before
 * it returns. Other instances' writes arrive as {@link ChangeNotices}: the document is read again, and kept only if it
 * is newer than what is held, so notices may come late, twice or out of order. A value is made with {@link #create} and
 * changed only with {@link #update}, applied to the value as it is now: no caller can write a value it read earlier
 * over a newer one.
 *
 * <p>{@link #put} is for a value only this instance writes.
 *
 * <p>Writes block, and an update that loses a race to another instance pauses before trying again: call them off the
 * event loop.
 */
public final class CachedCollection<T> {

    /** How a value is kept as JSON and read back. */
    public interface Codec<T> {
        JsonObject write(T value);

        T read(JsonObject body);
    }

    /**
     * Enough for any number of researchers changing one value by hand (with the pauses between them, several seconds);
     * a loop past it is a fault, not a race.
     */
    static final int UPDATE_ATTEMPTS = 20;

    private record Held<T>(String id, T value, Version version) {
    }

    private final String name;
    private final JsonCollection stored;
    private final Codec<T> codec;
    private final ChangeNotices notices;
    private final Map<String, Held<T>> byId = new ConcurrentHashMap<>();
    private final List<BiConsumer<Optional<T>, Optional<T>>> listeners = new CopyOnWriteArrayList<>();

    /** Reads the whole collection into memory, and listens to the other instances' changes of it. Blocking. */
    public CachedCollection(String name, JsonCollection stored, Codec<T> codec, ChangeNotices notices) {
        this.name = name;
        this.stored = stored;
        this.codec = codec;
        this.notices = notices;
        stored.all().forEach(document -> byId.put(document.id(), new Held<>(document.id(), codec.read(document.body()), document.version())));
        notices.listen(name, this::changedElsewhere);
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(Held::value);
    }

    /** Every value held, in no particular order. */
    public Collection<T> values() {
        List<T> values = new ArrayList<>(byId.size());
        byId.values().forEach(held -> values.add(held.value()));
        return values;
    }

    /** Stores a new value; {@link JsonCollection.ChangedMeanwhile} when the id is taken. */
    public T create(String id, T value) {
        return wrote(stored.create(id, codec.write(value)));
    }

    /**
     * Writes {@code value} over {@code basis}, the value it was made from; when another instance changed it meanwhile,
     * the newer value is read in and {@link JsonCollection.ChangedMeanwhile} thrown.
     */
    private T replaceFrom(Held<T> basis, T value) {
        String id = basis.id();
        try {
            return wrote(stored.replace(new Stored(id, new JsonObject(), basis.version()), codec.write(value)));
        } catch (JsonCollection.ChangedMeanwhile e) {
            changedElsewhere(id);
            throw e;
        }
    }

    /**
     * Changes the value {@code id} as {@code change} says, applied to the value as it is now: when another instance
     * changed it meanwhile, the change is applied again to theirs, so neither is lost. {@code change} must only compute
     * (it may run more than once) and may throw, a 4xx for a value it does not fit; it returns null to leave the value
     * as it is (a claim another instance made first). 503 when the value changed under every one of
     * {@value #UPDATE_ATTEMPTS} attempts.
     *
     * @return the value written; empty when there is no such value, or {@code change} left it
     */
    public Optional<T> update(String id, UnaryOperator<T> change) {
        for (int attempt = 1; ; attempt++) {
            Held<T> now = byId.get(id);
            if (now == null) {
                return Optional.empty();
            }
            try {
                // Sent with the version of the value the change was made from, not of whatever is held by the time it
                // is sent: another instance's notice may have brought a newer one in meanwhile, which this change
                // would otherwise overwrite.
                T changed = change.apply(now.value());
                return changed == null ? Optional.empty() : Optional.of(replaceFrom(now, changed));
            } catch (JsonCollection.ChangedMeanwhile e) {
                if (attempt == UPDATE_ATTEMPTS) {
                    throw LararenaException.unavailable(name + " " + id + " changes too often to be changed now; try again", e);
                }
                // The newer value is held now: the change is made again from it, after a pause, or two instances
                // changing one value at once would meet again at every attempt.
                LostRaces.pauseAfter(attempt, name + " " + id);
            }
        }
    }

    /** Stores {@code value} whatever was there: for a value only this instance writes. */
    public T put(String id, T value) {
        return wrote(stored.put(id, codec.write(value)));
    }

    public boolean delete(String id) {
        boolean existed = stored.delete(id);
        Held<T> before = byId.remove(id);
        notices.changed(name, id);
        tell(before, null);
        return existed;
    }

    /**
     * Hears every change of a value, this instance's and the others': {@code (before, after)}, either empty for a
     * value made or deleted. For what a store derives from the values (an index by content, by passage).
     */
    public void onChange(BiConsumer<Optional<T>, Optional<T>> listener) {
        listeners.add(listener);
    }

    /** Reads {@code id} again from the store, after another instance changed it. Blocking. */
    public void changedElsewhere(String id) {
        Optional<Stored> now = stored.find(id);
        if (now.isEmpty()) {
            tell(byId.remove(id), null);
            return;
        }
        keepIfNewer(id, new Held<>(id, codec.read(now.get().body()), now.get().version()));
    }

    private T wrote(Stored written) {
        Held<T> fresh = new Held<>(written.id(), codec.read(written.body()), written.version());
        keepIfNewer(written.id(), fresh);
        notices.changed(name, written.id());
        return fresh.value();
    }

    /** Holds {@code fresh} unless a newer version is held already (a notice read late), and tells the listeners. */
    private void keepIfNewer(String id, Held<T> fresh) {
        AtomicReference<Held<T>> before = new AtomicReference<>();
        Held<T> kept = byId.compute(id, (key, held) -> {
            before.set(held);
            return held == null || newer(fresh.version(), held.version()) ? fresh : held;
        });
        if (kept == fresh) {
            tell(before.get(), fresh);
        }
    }

    private void tell(Held<T> before, Held<T> after) {
        Optional<T> was = Optional.ofNullable(before).map(Held::value);
        Optional<T> is = Optional.ofNullable(after).map(Held::value);
        listeners.forEach(listener -> listener.accept(was, is));
    }

    /** Elasticsearch's order of changes: a later primary term, or a later sequence number in the same term. */
    private static boolean newer(Version candidate, Version held) {
        return candidate.term() != held.term() ? candidate.term() > held.term() : candidate.sequence() > held.sequence();
    }
}
