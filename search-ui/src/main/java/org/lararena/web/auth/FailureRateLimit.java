package org.lararena.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts authentication failures per client address in a sliding window. Past {@code maxFailures}, the address
 * is refused (429) until the window has passed, which makes guessing tokens slow. Keycloak's own brute-force
 * protection guards the login form.
 */
final class FailureRateLimit {

    static final int DEFAULT_MAX_FAILURES = 30;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_TRACKED_ADDRESSES;
        }
    };

    FailureRateLimit(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    synchronized boolean isBlocked(String address) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return false;
        }
        long cutoff = clock.millis() - window.toMillis();
        while (!times.isEmpty() && times.peekFirst() < cutoff) {
            times.removeFirst();
        }
        return times.size() >= maxFailures;
    }

    synchronized void recordFailure(String address) {
        failures.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(clock.millis());
    }

    long retryAfterSeconds() {
        return window.toSeconds();
    }
}
