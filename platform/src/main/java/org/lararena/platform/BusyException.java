package org.lararena.platform;

import java.time.Duration;
import java.util.Objects;

/**
 * The platform is too busy to start this request now (503 with {@code Retry-After}). Whatever the request asked
 * for was not done, and will not be done later: the caller may simply send it again.
 */
public final class BusyException extends LararenaException {

    private final Duration retryAfter;

    public BusyException(String detail, Duration retryAfter) {
        super(503, "busy", detail);
        this.retryAfter = Objects.requireNonNull(retryAfter);
    }

    /** When the caller may try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
