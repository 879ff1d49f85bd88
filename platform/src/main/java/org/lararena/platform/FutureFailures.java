package org.lararena.platform;

import java.util.concurrent.CompletionException;

/** What failed, when a Java future reports it. */
public final class FutureFailures {

    private FutureFailures() {
    }

    /**
     * The failure itself: a future passes a failure on to the stages after it wrapped in a {@link CompletionException},
     * and what is inside decides how it is answered.
     */
    public static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure;
    }
}
