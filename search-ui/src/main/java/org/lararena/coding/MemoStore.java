package org.lararena.coding;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.lararena.platform.LararenaException;
import org.lararena.platform.shared.CachedCollection;
import org.lararena.platform.shared.SharedCollections;

/**
 * Memos on passages, one document per memo ({@link #KIND}) holding every version of it, oldest first, in the
 * collection every instance shares: files of a single instance, or Elasticsearch in a cluster. A memo is acknowledged
 * only once the collection holds it (a file forced to disk), so an acknowledged memo survives a crash. An edit or a
 * deletion adds a new version; the earlier versions stay ({@link #versions}). A new version is made from the memo as it
 * is now: two researchers editing one memo through two instances at once both get their version kept, one after the
 * other, never one in place of the other. Held in memory and kept current with the other instances' changes
 * ({@link CachedCollection}). Writes block: call them off the event loop. Thread-safe.
 */
public final class MemoStore {

    /** The memos' collection: each memo forced to disk before it is acknowledged. */
    public static final SharedCollections.Kind KIND = new SharedCollections.Kind("memos", "the memo", true, List.of("passageId"), List.of());
    /** A memo's document: {@code {passageId, versions: [...]}}. */
    public static final CachedCollection.Codec<List<Memo>> CODEC = new CachedCollection.Codec<>() {
        @Override
        public JsonObject write(List<Memo> versions) {
            return document(versions.get(0).passageId(), new JsonArray(versions.stream().map(Memo::toJson).toList()));
        }

        @Override
        public List<Memo> read(JsonObject body) {
            JsonArray versions = body.getJsonArray("versions");
            List<Memo> memos = new ArrayList<>(versions.size());
            for (int i = 0; i < versions.size(); i++) {
                memos.add(Memo.fromJson(versions.getJsonObject(i)));
            }
            return List.copyOf(memos);
        }
    };
    private static final int MAX_PASSAGE_ID_CHARS = 200;

    private final CachedCollection<List<Memo>> memos;
    private final int maxChars;
    private final Clock clock;
    /** The ids of each passage's memos, in the order they were written (deleted ones too, until erased). */
    private final Map<String, Set<String>> byPassage = new HashMap<>();

    /** @param maxChars the longest memo accepted, in characters ({@code LARARENA_MAX_MEMO_CHARS}) */
    public MemoStore(CachedCollection<List<Memo>> memos, int maxChars, Clock clock) {
        this.memos = Objects.requireNonNull(memos, "memos");
        this.maxChars = maxChars;
        this.clock = Objects.requireNonNull(clock);
        memos.values().stream().map(versions -> versions.get(0)).sorted(Comparator.comparing(Memo::created).thenComparing(Memo::id))
                .forEach(this::index);
        // Another instance's new memo shows on its passage; an erased one leaves it.
        memos.onChange((before, after) -> {
            after.ifPresent(versions -> index(versions.get(0)));
            if (after.isEmpty()) {
                before.ifPresent(versions -> unindex(versions.get(0)));
            }
        });
    }

    /** The body of a memo's document with {@code versions} (as JSON), oldest first. */
    public static JsonObject document(String passageId, JsonArray versions) {
        return new JsonObject().put("passageId", passageId).put("versions", versions);
    }

    /** The memos of a passage as they are now (not deleted), oldest first. */
    public List<Memo> of(String passageId) {
        List<String> ids;
        synchronized (byPassage) {
            ids = List.copyOf(byPassage.getOrDefault(passageId, Set.of()));
        }
        return ids.stream().map(memos::find).flatMap(Optional::stream).map(MemoStore::latest).flatMap(Optional::stream).toList();
    }

    /**
     * Stores a memo by {@code author} on {@code passageId}; 400 for an empty or too long text or a malformed passage id.
     *
     * @return the stored memo, with its id and time
     */
    public Memo add(String passageId, String text, String author) {
        if (passageId == null || passageId.isBlank() || passageId.length() > MAX_PASSAGE_ID_CHARS) {
            throw LararenaException.badRequest("a memo needs the id of its passage (at most " + MAX_PASSAGE_ID_CHARS + " characters)");
        }
        checkText(text);
        Memo memo = new Memo(UUID.randomUUID().toString(), passageId, text, Objects.requireNonNull(author), clock.instant());
        memos.create(memo.id(), List.of(memo));
        return memo;
    }

    /** A new version of a memo with {@code text}, by {@code editor}; 404 for an unknown or deleted memo, 400 for bad text. */
    public Memo edit(String memoId, String text, String editor) {
        checkText(text);
        Objects.requireNonNull(editor);
        return addVersion(memoId, memo -> memo.next(text, editor, clock.instant(), false));
    }

    /** Deletes a memo (a last version marks it deleted; the earlier ones stay); 404 for an unknown or deleted memo. */
    public Memo delete(String memoId, String editor) {
        Objects.requireNonNull(editor);
        return addVersion(memoId, memo -> memo.next(memo.text(), editor, clock.instant(), true));
    }

    /** The memo as it is now (not deleted); 404 otherwise. */
    public Memo current(String memoId) {
        return latest(versions(memoId)).orElseThrow(MemoStore::noSuchMemo);
    }

    /** Every version of a memo, oldest first, the deleting one included; 404 for an unknown id. */
    public List<Memo> versions(String memoId) {
        return memos.find(memoId).orElseThrow(MemoStore::noSuchMemo);
    }

    /**
     * Erases every memo on the passages {@code onPassage} accepts, with all its versions: its document is deleted
     * from the collection, so no earlier version of it stays anywhere in it.
     *
     * @return how many memos were erased
     */
    public int erase(Predicate<String> onPassage) {
        int erased = 0;
        for (List<Memo> versions : memos.values()) {
            if (onPassage.test(versions.get(0).passageId()) && memos.delete(versions.get(0).id())) {
                erased++;
            }
        }
        return erased;
    }

    /** Adds the version {@code next} makes of the memo as it is now (again from another instance's, when it came first). */
    private Memo addVersion(String memoId, UnaryOperator<Memo> next) {
        List<Memo> written = memos.update(memoId, versions -> {
            Memo now = latest(versions).orElseThrow(MemoStore::noSuchMemo);
            List<Memo> more = new ArrayList<>(versions);
            more.add(next.apply(now));
            return List.copyOf(more);
        }).orElseThrow(MemoStore::noSuchMemo);
        return written.get(written.size() - 1);
    }

    private void index(Memo first) {
        synchronized (byPassage) {
            byPassage.computeIfAbsent(first.passageId(), id -> new LinkedHashSet<>()).add(first.id());
        }
    }

    private void unindex(Memo first) {
        synchronized (byPassage) {
            Set<String> ids = byPassage.get(first.passageId());
            if (ids != null && ids.remove(first.id()) && ids.isEmpty()) {
                byPassage.remove(first.passageId());
            }
        }
    }

    /** The memo as its last version leaves it; empty when that version deleted it. */
    private static Optional<Memo> latest(List<Memo> versions) {
        Memo last = versions.get(versions.size() - 1);
        return last.deleted() ? Optional.empty() : Optional.of(last);
    }

    private static LararenaException noSuchMemo() {
        return LararenaException.notFound("no memo with that id");
    }

    private void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw LararenaException.badRequest("the memo is empty: write something in text");
        }
        if (text.length() > maxChars) {
            throw LararenaException.badRequest("the memo has " + text.length() + " characters; at most " + maxChars + " are kept");
        }
    }
}
