package org.lararena.platform.shared;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.lararena.platform.LararenaException;
import org.lararena.platform.shared.JsonCollection.ChangedMeanwhile;
import org.lararena.platform.shared.JsonCollection.Stored;

/**
 * A change of one stored document that is never lost and never loses another's: the document is read, the change
 * applied to what was read, and the result written naming the version read; when another instance changed it
 * meanwhile ({@link ChangedMeanwhile}), the change is applied again to the new state. Blocking.
 */
public final class Updates {

    /** Enough for any number of researchers editing one document by hand; a loop past it is a fault, not a race. */
    static final int ATTEMPTS = 20;

    private Updates() {
    }

    /**
     * Applies {@code change} to the document {@code id} as it is now. {@code change} is called again for each new
     * state, so it must only compute (and may throw, a 4xx for a document the change does not fit); a body equal
     * to the one it was given writes nothing.
     *
     * @return the document as written (or as read, when nothing changed); empty when there is no such document
     */
    public static Optional<Stored> apply(JsonCollection collection, String id, UnaryOperator<JsonObject> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Stored> read = collection.find(id);
            if (read.isEmpty()) {
                return read;
            }
            JsonObject before = read.get().body();
            JsonObject after = change.apply(before.copy());
            if (after.equals(before)) {
                return read;
            }
            try {
                return Optional.of(collection.replace(read.get(), after));
            } catch (ChangedMeanwhile e) {
                if (attempt == ATTEMPTS) {
                    throw new LararenaException(503, "busy", id + " was changed by others " + ATTEMPTS
                            + " times while this change was made; try again", e);
                }
            }
        }
    }
}
