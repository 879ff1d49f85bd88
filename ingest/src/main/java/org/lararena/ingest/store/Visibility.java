package org.lararena.ingest.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/** Who may read a document: researchers only, pilots too, or everyone. */
public enum Visibility {
    RESTRICTED, PILOT, PUBLIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What {@code caller} may read: researchers everything, pilots pilot and public material, everyone else public
     * material only. The one rule every endpoint, page and query applies.
     */
    public static Set<Visibility> readableBy(Caller caller) {
        if (caller.isResearcher()) {
            return EnumSet.allOf(Visibility.class);
        }
        return caller.has(Caller.PILOT) ? EnumSet.of(PILOT, PUBLIC) : EnumSet.of(PUBLIC);
    }

    public static Visibility parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LararenaException.badRequest("visibility must be restricted, pilot or public (got '" + value + "')");
        }
    }
}
