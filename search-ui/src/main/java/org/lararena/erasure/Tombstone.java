package org.lararena.erasure;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is left of an erasure: who erased which documents, when and why, and the backups taken before it that still
 * hold them. It names no title, file name, participant or word of the documents: those are what was erased.
 *
 * @param documents   the ids of the erased documents
 * @param types       their document types (intervju, rapport, …), for the record of what kind of material went
 * @param byParticipant whether the erasure named a participant rather than a document
 * @param backupsBefore the folders of the backups taken before the erasure (a restore of one replays it)
 */
public record Tombstone(String id, List<String> documents, List<String> types, boolean byParticipant, String erasedBy,
                        Instant erasedAt, String reason, List<String> backupsBefore) {

    public Tombstone {
        Objects.requireNonNull(id);
        documents = List.copyOf(documents);
        types = List.copyOf(types);
        Objects.requireNonNull(erasedBy);
        Objects.requireNonNull(erasedAt);
        Objects.requireNonNull(reason);
        backupsBefore = List.copyOf(backupsBefore);
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("documents", new JsonArray(documents)).put("types", new JsonArray(types))
                .put("byParticipant", byParticipant).put("erasedBy", erasedBy).put("erasedAt", erasedAt.toString())
                .put("reason", reason).put("backupsBefore", new JsonArray(backupsBefore));
    }

    public static Tombstone fromJson(JsonObject json) {
        return new Tombstone(json.getString("id"), strings(json.getJsonArray("documents")), strings(json.getJsonArray("types")),
                json.getBoolean("byParticipant", false), json.getString("erasedBy"), Instant.parse(json.getString("erasedAt")),
                json.getString("reason"), strings(json.getJsonArray("backupsBefore")));
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }
}
