package org.lararena.platform;

import java.time.Duration;
import java.util.Objects;

/**
 * The platform cannot answer this request now, through no fault of the caller or of its own (503 with
 * {@code Retry-After}). What became of the request is the subclass's to say: {@link BusyException} was never started,
 * {@link StillWorkingException} goes on without the caller.
 */
public abstract sealed class RetryLaterException extends LararenaException permits BusyException, StillWorkingException {

    private final Duration retryAfter;

    protected RetryLaterException(String error, String detail, Duration retryAfter) {
        super(503, error, detail);
        this.retryAfter = Objects.requireNonNull(retryAfter);
    }

    /** When the caller may ask again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
