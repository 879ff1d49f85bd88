package org.lararena.coding;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.lararena.platform.LararenaException;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.JsonCollection.Stored;
import org.lararena.platform.shared.Updates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memos on passages, one document per memo in the memo collection ({@link #COLLECTION}) that every instance shares:
 * {@code {passageId, versions: [...]}}, every version of the memo oldest first. A memo is acknowledged only once the
 * collection holds it, so an acknowledged memo survives a crash. An edit or a deletion adds a new version (the
 * earlier ones stay, {@link #versions}), written against the version of the document it read: two researchers editing
 * one memo through two instances at once both get their version kept, one after the other, never one in place of the
 * other. Edits read the memo from the collection; the memos of a passage ({@link #of}) come from memory, filled at
 * start and kept up to date by this instance's writes and by {@link #reread} for another instance's.
 * Blocking: call it off the event loop. Thread-safe.
 */
public final class MemoStore {

    /** The name of the memos' collection. */
    public static final String COLLECTION = "memos";
    private static final Logger LOG = LoggerFactory.getLogger(MemoStore.class);
    private static final int MAX_PASSAGE_ID_CHARS = 200;

    private final JsonCollection documents;
    private final int maxChars;
    private final Clock clock;
    /** The current version of every memo not deleted, in the order they were written. */
    private final Map<String, Memo> current = new LinkedHashMap<>();

    /** @param maxChars the longest memo accepted, in characters ({@code LARARENA_MAX_MEMO_CHARS}) */
    public MemoStore(JsonCollection documents, int maxChars, Clock clock) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.maxChars = maxChars;
        this.clock = Objects.requireNonNull(clock);
        List<Memo> stored = new ArrayList<>();
        for (Stored document : documents.all()) {
            try {
                latest(versionsOf(document)).ifPresent(stored::add);
            } catch (RuntimeException e) { // a missing field or a bad time: one damaged memo must not hide the others
                LOG.warn("Memo {} is damaged and left out ({})", document.id(), e.getMessage());
            }
        }
        stored.sort(Comparator.comparing(Memo::created).thenComparing(Memo::id));
        stored.forEach(memo -> current.put(memo.id(), memo));
    }

    /** The body of a memo's document: what the collection holds of a memo with {@code versions}, oldest first. */
    public static JsonObject document(String passageId, JsonArray versions) {
        return new JsonObject().put("passageId", passageId).put("versions", versions);
    }

    /** The memos of a passage as they are now (not deleted), oldest first. */
    public synchronized List<Memo> of(String passageId) {
        return current.values().stream().filter(memo -> memo.passageId().equals(passageId)).toList();
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
        documents.create(memo.id(), document(passageId, new JsonArray().add(memo.toJson())));
        remember(memo.id(), Optional.of(memo));
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
        return documents.find(memoId).map(MemoStore::versionsOf).orElseThrow(MemoStore::noSuchMemo);
    }

    /**
     * Another instance changed the memo {@code memoId} (a change notice): what this instance shows of it is read
     * again from the collection.
     */
    public void reread(String memoId) {
        remember(memoId, documents.find(memoId).flatMap(document -> latest(versionsOf(document))));
    }

    /**
     * Erases every memo on the passages {@code onPassage} accepts, with all its versions: its document is deleted
     * from the collection, so no earlier version of it stays anywhere in it.
     *
     * @return how many memos were erased
     */
    public int erase(Predicate<String> onPassage) {
        int erased = 0;
        // Read from the collection, not memory: a memo deleted by its author is erased too, with its versions.
        for (Stored document : documents.all()) {
            if (onPassage.test(document.body().getString("passageId", ""))) {
                if (documents.delete(document.id())) {
                    erased++;
                }
                remember(document.id(), Optional.empty());
            }
        }
        return erased;
    }

    /** Adds the version {@code next} makes of the memo's current one, again from the new state when another changed it meanwhile. */
    private Memo addVersion(String memoId, UnaryOperator<Memo> next) {
        Memo[] added = new Memo[1]; // the version made from the state that was written
        Updates.apply(documents, memoId, body -> {
            JsonArray versions = body.getJsonArray("versions");
            Memo latest = Memo.fromJson(versions.getJsonObject(versions.size() - 1));
            if (latest.deleted()) {
                throw noSuchMemo();
            }
            Memo version = next.apply(latest);
            added[0] = version;
            return body.put("versions", versions.copy().add(version.toJson()));
        }).orElseThrow(MemoStore::noSuchMemo);
        remember(memoId, added[0].deleted() ? Optional.empty() : Optional.of(added[0]));
        return added[0];
    }

    /** Shows {@code memo} as the memo {@code memoId} is now, in its place; none when it is deleted or erased. */
    private synchronized void remember(String memoId, Optional<Memo> memo) {
        if (memo.isEmpty()) {
            current.remove(memoId);
        } else {
            current.put(memoId, memo.get());
        }
    }

    private static List<Memo> versionsOf(Stored document) {
        JsonArray versions = document.body().getJsonArray("versions");
        List<Memo> memos = new ArrayList<>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            memos.add(Memo.fromJson(versions.getJsonObject(i)));
        }
        return memos;
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
