package org.lararena.ontology.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.lararena.platform.LararenaException;

/** How far one researcher has come coding one document. Until they mark it done, blind mode hides the others' work. */
public record CodingStatus(String coder, State state, Instant at) {

    public enum State {
        IN_PROGRESS,
        DONE;

        /** {@code in_progress} or {@code done}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses a wire name; a 400 naming the allowed values otherwise. */
        public static State parse(Object wireName) {
            return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst()
                    .orElseThrow(() -> LararenaException.badRequest("state must be \"in_progress\" or \"done\" (got "
                            + (wireName == null ? "nothing" : "'" + wireName + "'") + ")"));
        }
    }
}
