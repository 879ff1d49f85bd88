package org.lararena.ingest.store;

import java.util.Locale;
import org.lararena.platform.LararenaException;

/** Who may read a document: researchers only, pilots too, or everyone. */
public enum Visibility {
    RESTRICTED, PILOT, PUBLIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Visibility parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LararenaException.badRequest("visibility must be restricted, pilot or public (got '" + value + "')");
        }
    }
}
