package org.lararena.app;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits for what follows asynchronously (search after a coding action): the condition, not a fixed time. */
public final class Eventually {

    /** How long search may take to follow a change before a test gives up (it follows within a second or two). */
    static final Duration SEARCH_FOLLOWS = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** Reads {@code value} until {@code done} holds or {@code limit} passes; returns the last value read either way. */
    public static <T> T until(Callable<T> value, Predicate<T> done, Duration limit) throws Exception {
        return until(value, done, limit, Duration.ofMillis(100));
    }

    /**
     * {@link #until(Callable, Predicate, Duration)}, reading {@code value} every {@code every}: for a value that is
     * costly to read (every document's status), so that the polling does not load the application under test.
     */
    public static <T> T until(Callable<T> value, Predicate<T> done, Duration limit, Duration every) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        T last = value.call();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(every.toMillis());
            last = value.call();
        }
        return last;
    }

    /** {@link #until} with {@link #SEARCH_FOLLOWS}. */
    static <T> T searchShows(Callable<T> value, Predicate<T> done) throws Exception {
        return until(value, done, SEARCH_FOLLOWS);
    }
}
