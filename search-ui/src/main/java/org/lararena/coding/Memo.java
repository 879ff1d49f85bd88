package org.lararena.coding;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A researcher's note on one passage: what was written, by whom and when.
 *
 * @param id        unique id of the memo
 * @param passageId the passage it belongs to
 * @param text      the note, as written
 * @param author    the username of the researcher who wrote it
 * @param created   when it was stored
 */
public record Memo(String id, String passageId, String text, String author, Instant created) {

    public Memo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(passageId, "passageId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(created, "created");
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("passageId", passageId).put("text", text).put("author", author)
                .put("created", created.toString());
    }

    static Memo fromJson(JsonObject json) {
        return new Memo(json.getString("id"), json.getString("passageId"), json.getString("text"), json.getString("author"),
                Instant.parse(json.getString("created")));
    }
}
