package org.lararena.platform;

import java.time.Duration;

/**
 * The work this request started takes longer than a request may wait for it (503 with {@code Retry-After}). It
 * goes on in the background and its outcome is kept: the detail says where to read it. Sending the request again
 * asks for the work again.
 */
public final class StillWorkingException extends RetryLaterException {

    public StillWorkingException(String detail, Duration retryAfter) {
        super("still_working", detail, retryAfter);
    }
}
