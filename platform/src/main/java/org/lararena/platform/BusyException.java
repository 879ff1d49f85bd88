package org.lararena.platform;

import java.time.Duration;

/**
 * The platform is too busy to start this request now (503 with {@code Retry-After}). Whatever the request asked
 * for was not done, and will not be done later: the caller may simply send it again.
 */
public final class BusyException extends RetryLaterException {

    public BusyException(String detail, Duration retryAfter) {
        super("busy", detail, retryAfter);
    }
}
