package org.lararena.web.auth;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.lararena.platform.ClusterAddresses;
import org.lararena.platform.InstanceId;

/**
 * Counts authentication failures per client address in a sliding window. Past {@code maxFailures}, the address
 * is refused (429) until the window has passed, which makes guessing tokens slow. Keycloak's own brute-force
 * protection guards the login form.
 *
 * <p>Shared over an event bus, each failure is also published ({@link ClusterAddresses#TOKEN_FAILURE}), and the
 * failures other instances publish count here too: behind a load balancer, a guesser spread over the instances
 * meets one limit, not one per instance. An instance counts its own failures at once, others' a moment later.
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

    /** The bus the other instances hear this one's failures on, null for this instance alone; and who this one is. */
    private final EventBus shared;
    private final InstanceId self;

    /** A limit of this instance alone. */
    FailureRateLimit(int maxFailures, Duration window, Clock clock) {
        this(maxFailures, window, clock, null, null);
    }

    /** A limit shared with every instance on {@code bus} (a clustered Vert.x's), {@code self} among them; null for this instance alone. */
    FailureRateLimit(int maxFailures, Duration window, Clock clock, EventBus bus, InstanceId self) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.shared = bus;
        this.self = bus == null ? null : Objects.requireNonNull(self);
        if (bus != null) {
            self.hearOthers(bus, ClusterAddresses.TOKEN_FAILURE, failure -> {
                String address = failure.getString("address");
                if (address != null) {
                    count(address);
                }
            });
        }
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

    void recordFailure(String address) {
        count(address);
        if (shared != null) {
            self.publish(shared, ClusterAddresses.TOKEN_FAILURE, new JsonObject().put("address", address));
        }
    }

    private synchronized void count(String address) {
        failures.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(clock.millis());
    }

    long retryAfterSeconds() {
        return window.toSeconds();
    }
}
