package org.lararena.coding;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A researcher's note on one passage, in one of its versions: what was written, by whom and when, and who last
 * changed or deleted it. Every version is kept ({@link MemoStore#versions}).
 *
 * @param id        unique id of the memo (the same in all its versions)
 * @param passageId the passage it belongs to
 * @param text      the note, as written in this version
 * @param author    the username of the researcher who wrote it first
 * @param created   when it was first stored
 * @param changedBy who wrote this version when it is an edit or a deletion, else null
 * @param changed   when, else null
 * @param deleted   true for the version that deleted the memo
 */
public record Memo(String id, String passageId, String text, String author, Instant created, String changedBy, Instant changed,
                   boolean deleted) {

    /** A memo as first written. */
    public Memo(String id, String passageId, String text, String author, Instant created) {
        this(id, passageId, text, author, created, null, null, false);
    }

    public Memo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(passageId, "passageId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(created, "created");
    }

    /** A later version of this memo: new text (or the same, deleted) by {@code by} at {@code at}. */
    Memo next(String newText, String by, Instant at, boolean deletes) {
        return new Memo(id, passageId, newText, author, created, by, at, deletes);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("id", id).put("passageId", passageId).put("text", text).put("author", author)
                .put("created", created.toString());
        if (changed != null) {
            json.put("changedBy", changedBy).put("changed", changed.toString());
        }
        return deleted ? json.put("deleted", true) : json;
    }

    static Memo fromJson(JsonObject json) {
        String changed = json.getString("changed");
        return new Memo(json.getString("id"), json.getString("passageId"), json.getString("text"), json.getString("author"),
                Instant.parse(json.getString("created")), json.getString("changedBy"), changed == null ? null : Instant.parse(changed),
                json.getBoolean("deleted", false));
    }
}
