package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances on loopback form one Vert.x cluster through Hazelcast, as {@code LARARENA_CLUSTER_MEMBERS} asks. */
class VertxClusterTest {

    private final LoopbackCluster cluster = new LoopbackCluster(2);

    @AfterEach
    void leave() throws Exception {
        cluster.close();
    }

    @Test
    void aMessagePublishedOnOneInstanceReachesTheOtherAndALockIsTheClusters() throws Exception {
        Vertx first = cluster.join(0, "lararena-test");
        Vertx second = cluster.join(1, "lararena-test");
        assertThat(first.isClustered()).isTrue();

        List<String> heard = new CopyOnWriteArrayList<>();
        second.eventBus().<String>consumer("test.news", message -> heard.add(message.body())).completion().await(30, TimeUnit.SECONDS);
        assertThat(Eventually.until(() -> {
            first.eventBus().publish("test.news", "hej");
            return heard;
        }, h -> !h.isEmpty(), Duration.ofSeconds(30))).as("what the other instance heard").contains("hej");

        Lock held = first.sharedData().getLockWithTimeout("test.reindex", 5_000).await(30, TimeUnit.SECONDS);
        assertThat(second.sharedData().getLockWithTimeout("test.reindex", 200).otherwise((Lock) null).await(30, TimeUnit.SECONDS))
                .as("the other instance may not take the lock one holds").isNull();
        held.release();
        assertThat(second.sharedData().getLockWithTimeout("test.reindex", 10_000).await(30, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void workSentToAnAddressEachInstanceConsumesLocallyStaysOnTheInstanceThatSentIt() throws Exception {
        Vertx first = cluster.join(0, "lararena-test");
        Vertx second = cluster.join(1, "lararena-test");
        List<String> onFirst = new CopyOnWriteArrayList<>();
        List<String> onSecond = new CopyOnWriteArrayList<>();
        first.eventBus().<String>localConsumer("test.work", message -> onFirst.add(message.body())).completion().await(30, TimeUnit.SECONDS);
        second.eventBus().<String>localConsumer("test.work", message -> onSecond.add(message.body())).completion().await(30, TimeUnit.SECONDS);
        second.eventBus().<String>consumer("test.news", message -> { }).completion().await(30, TimeUnit.SECONDS);

        for (int i = 0; i < 20; i++) {
            first.eventBus().send("test.work", "document-" + i);
        }

        assertThat(Eventually.until(() -> onFirst, got -> got.size() == 20, Duration.ofSeconds(30))).hasSize(20);
        assertThat(onSecond).as("work of the first instance's documents, which the second does not hold").isEmpty();
    }

    @Test
    void anInstanceOfAnotherClusterNameNeverJoins() throws Exception {
        Vertx ours = cluster.join(0, "lararena-test");
        Vertx stray = cluster.join(1, "another-programme");

        ours.sharedData().getLockWithTimeout("test.reindex", 5_000).await(30, TimeUnit.SECONDS);
        assertThat(stray.sharedData().getLockWithTimeout("test.reindex", 2_000).await(30, TimeUnit.SECONDS))
                .as("a lock of a cluster of its own, which the other's holding does not touch").isNotNull();
    }

}
