package org.lararena.insights;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.lararena.platform.LararenaException;

/**
 * One insight.
 *
 * @param themes   concept IRIs of the ontology
 * @param passages ids of the supporting passages, in the order the author chose
 * @param readOnly true for the insights of {@code modules/insights.yaml}, which are edited in that file
 */
public record Insight(String id, String title, String text, List<String> themes, List<String> passages, Status status,
                      String createdBy, Instant created, Instant updated, boolean readOnly) {

    public enum Status {
        DRAFT, PUBLISHED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String value) {
            for (Status status : values()) {
                if (status.wireName().equals(value)) {
                    return status;
                }
            }
            throw LararenaException.badRequest("status must be draft or published (got '" + value + "')");
        }
    }

    public Insight {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        text = text == null ? "" : text;
        themes = List.copyOf(themes);
        passages = List.copyOf(passages);
        Objects.requireNonNull(status);
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    public Insight withStatus(Status newStatus, Instant at) {
        return new Insight(id, title, text, themes, passages, newStatus, createdBy, created, at, readOnly);
    }

    /** The stored form (every field). */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("title", title).put("text", text).put("themes", new JsonArray(themes))
                .put("passages", new JsonArray(passages)).put("status", status.wireName()).put("createdBy", createdBy)
                .put("created", created == null ? null : created.toString()).put("updated", updated == null ? null : updated.toString());
    }

    public static Insight fromJson(JsonObject json) {
        return new Insight(json.getString("id"), json.getString("title"), json.getString("text"),
                strings(json.getJsonArray("themes")), strings(json.getJsonArray("passages")), Status.parse(json.getString("status")),
                json.getString("createdBy"), instant(json.getString("created")), instant(json.getString("updated")), false);
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
