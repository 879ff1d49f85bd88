package org.lararena.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lararena.app.ClusterMembers;
import org.lararena.app.Eventually;
import org.lararena.app.LoopbackCluster;
import org.lararena.testing.SettableClock;

/** The limit on invalid tokens, on one instance and over the instances of a cluster; and sessions any instance finds. */
class FailureRateLimitTest {

    private static final String GUESSER = "198.51.100.7";
    private final LoopbackCluster cluster = new LoopbackCluster(2);
    private Vertx single;

    @AfterEach
    void close() throws Exception {
        cluster.close();
        if (single != null) {
            single.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAddressIsRefusedFromItsMaxthFailureUntilTheWindowHasPassed() {
        SettableClock clock = new SettableClock(Instant.parse("2026-05-04T10:00:00Z"));
        FailureRateLimit limit = new FailureRateLimit(3, Duration.ofMinutes(1), clock);
        limit.recordFailure(GUESSER);
        limit.recordFailure(GUESSER);
        assertThat(limit.isBlocked(GUESSER)).isFalse();

        limit.recordFailure(GUESSER);
        assertThat(limit.isBlocked(GUESSER)).isTrue();
        assertThat(limit.isBlocked("198.51.100.8")).as("another address").isFalse();

        clock.advance(Duration.ofSeconds(61));
        assertThat(limit.isBlocked(GUESSER)).as("once the window has passed").isFalse();
    }

    @Test
    void failuresSpreadOverTheInstancesOfAClusterMeetOneLimit() throws Exception {
        Vertx first = cluster.join(0, "lararena-test");
        Vertx second = cluster.join(1, "lararena-test");
        FailureRateLimit onFirst = new FailureRateLimit(4, Duration.ofMinutes(1), Clock.systemUTC(), first.eventBus(), ClusterMembers.of(first).instanceId());
        FailureRateLimit onSecond = new FailureRateLimit(4, Duration.ofMinutes(1), Clock.systemUTC(), second.eventBus(), ClusterMembers.of(second).instanceId());
        // Both have registered their consumers on the cluster once a message of one reaches the other.
        Eventually.until(() -> {
            onFirst.recordFailure("192.0.2.1");
            return onSecond.isBlocked("192.0.2.1");
        }, blocked -> blocked, Duration.ofSeconds(30));

        onFirst.recordFailure(GUESSER);
        onFirst.recordFailure(GUESSER);
        onSecond.recordFailure(GUESSER);
        onSecond.recordFailure(GUESSER);

        assertThat(Eventually.until(() -> onFirst.isBlocked(GUESSER) && onSecond.isBlocked(GUESSER), both -> both, Duration.ofSeconds(30)))
                .as("two failures on each of two instances, with a limit of four").isTrue();
    }

    @Test
    void aSessionMadeOnOneInstanceOfAClusterIsFoundOnTheOther() throws Exception {
        Vertx first = cluster.join(0, "lararena-test");
        Vertx second = cluster.join(1, "lararena-test");
        SessionStore onFirst = WebAuthentication.sessionStore(first);
        SessionStore onSecond = WebAuthentication.sessionStore(second);
        Session session = onFirst.createSession(60_000);
        session.put("next", "/kodning");
        onFirst.put(session).await(30, TimeUnit.SECONDS);

        Session found = onSecond.get(session.value()).await(30, TimeUnit.SECONDS);

        assertThat(found).as("the session, read by the other instance").isNotNull();
        assertThat(found.<String>get("next")).isEqualTo("/kodning");
        single = Vertx.vertx();
        assertThat(WebAuthentication.sessionStore(single).getClass().getSimpleName())
                .as("a single instance keeps its sessions itself").startsWith("Local");
    }

}
