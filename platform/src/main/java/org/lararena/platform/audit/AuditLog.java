package org.lararena.platform.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.lararena.platform.shared.JsonCollection;
import org.lararena.platform.shared.SharedCollections;

/**
 * The audit log: one document per event in its collection ({@link #KIND}), never changed after it is written
 * except to redact its details when what it names is erased. The collection is the one every instance shares, so an
 * entry written through one instance is read through every other. An entry is acknowledged only once the collection
 * holds it (on disk, or in Elasticsearch), so an entry once written stays. Blocking: call from worker threads.
 */
public final class AuditLog {

    /** The field every entry carries its time in (ISO-8601), by which {@link #newest} orders. */
    public static final String TIME = "time";
    /** The audit log's collection: each entry forced to disk before it is acknowledged. */
    public static final SharedCollections.Kind KIND = new SharedCollections.Kind("audit", "the audit entry", true,
            List.of("user", "action", "target"), List.of(TIME));

    private final JsonCollection entries;

    public AuditLog(JsonCollection entries) {
        this.entries = Objects.requireNonNull(entries, "entries");
    }

    /** Records that {@code user} did {@code action} to {@code target}; {@code details} may be null. */
    public void record(String user, String action, String target, JsonObject details) {
        JsonObject entry = new JsonObject().put(TIME, Instant.now().toString()).put("user", Objects.requireNonNull(user))
                .put("action", Objects.requireNonNull(action)).put("target", target);
        if (details != null) {
            entry.put("details", details);
        }
        // A random id: instances writing at once never meet, and no id says anything about the entry.
        entries.create(UUID.randomUUID().toString(), entry);
    }

    /**
     * Takes the details out of every entry about one of {@code targets} (erased documents: an upload's entry names
     * the file, which may name a participant) and puts {@code note} in their place; who did what to which id, and
     * when, stays.
     *
     * @return how many entries were redacted
     */
    public int redactDetails(Set<String> targets, String note) {
        int redacted = 0;
        for (JsonCollection.Stored entry : entries.all()) {
            String target = entry.body().getString("target"); // null for actions on no one thing (an export, a query)
            if (target != null && targets.contains(target) && entry.body().containsKey("details")) {
                // Written whatever is there: an entry is never changed but by this redaction, which comes to the same.
                entries.put(entry.id(), entry.body().put("details", new JsonObject().put("redacted", note)));
                redacted++;
            }
        }
        return redacted;
    }

    /** The newest {@code limit} entries, newest first. */
    public JsonArray newest(int limit) {
        List<JsonObject> newest = entries.newest(TIME, limit).stream().map(JsonCollection.Stored::body).toList();
        return new JsonArray(List.copyOf(newest));
    }
}
