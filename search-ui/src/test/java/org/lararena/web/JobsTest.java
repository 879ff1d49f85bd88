package org.lararena.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lararena.app.ClusterMembers;
import org.lararena.app.Eventually;
import org.lararena.app.LoopbackCluster;
import org.lararena.platform.LararenaException;

class JobsTest {

    private final Vertx vertx = Vertx.vertx();
    private final Jobs jobs = jobsOf(vertx);

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void aJobRunsOnItsOwnAndASecondOfTheSameKindIsRefusedUntilItIsDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Jobs.Job started = jobs.start("reindex", "admin", () -> {
            release.await(1, TimeUnit.MINUTES);
            return new JsonObject().put("documents", 3);
        });

        assertThat(started.toJson().getString("state")).isEqualTo("running");
        assertThat(started.toJson().getString("href")).isEqualTo("/api/jobs/" + started.id());
        assertThatThrownBy(() -> jobs.start("reindex", "admin2", JsonObject::new))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("/api/jobs/" + started.id());
        Jobs.Job other = jobs.start("reannotate", "admin", JsonObject::new);
        assertThat(finished(other.id()).state()).as("another kind runs beside it").isEqualTo(Jobs.State.DONE);

        release.countDown();
        Jobs.Job done = finished(started.id());

        assertThat(done.state()).isEqualTo(Jobs.State.DONE);
        assertThat(done.result().getInteger("documents")).isEqualTo(3);
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(jobs.start("reindex", "admin", JsonObject::new)).as("once done, another may start").isNotNull();
        assertThat(jobs.newestFirst()).extracting(Jobs.Job::kind).startsWith("reindex", "reannotate", "reindex");
    }

    @Test
    void aFailedJobSaysWhyInItsOwnWordsAndHidesAnUnexpectedErrorsInternals() throws Exception {
        Jobs.Job refused = jobs.start("reindex", "admin", () -> {
            throw new LararenaException(409, "reindex_running", "a reindex is running already");
        });
        Jobs.Job broken = jobs.start("reannotate", "admin", () -> {
            throw new IllegalStateException("secret internals at /data/jena");
        });

        JsonObject refusal = finished(refused.id()).toJson();
        JsonObject crash = finished(broken.id()).toJson();

        assertThat(refusal.getString("state")).isEqualTo("failed");
        assertThat(refusal.getJsonObject("error")).isEqualTo(new JsonObject().put("status", 409).put("error", "reindex_running")
                .put("detail", "a reindex is running already"));
        assertThat(crash.getJsonObject("error").getInteger("status")).isEqualTo(500);
        assertThat(crash.encode()).doesNotContain("secret internals");
    }

    @Test
    void onlyTheNewestFinishedJobsAreRemembered() throws Exception {
        String first = jobs.start("reindex", "admin", JsonObject::new).id();
        finished(first);
        for (int i = 0; i < Jobs.KEPT; i++) {
            finished(jobs.start("reindex", "admin", JsonObject::new).id());
        }
        assertThat(jobs.find(first)).isEmpty();
        assertThat(jobs.newestFirst()).hasSizeLessThanOrEqualTo(Jobs.KEPT + 1);
    }

    @Test
    void aJobRunningOnOneInstanceOfAClusterIsFollowedOnTheNextWhichRefusesAnotherOfItsKindUntilItIsDone() throws Exception {
        try (LoopbackCluster cluster = new LoopbackCluster(2)) {
            Jobs first = jobsOf(cluster.join(0, "lararena-test"));
            Jobs second = jobsOf(cluster.join(1, "lararena-test"));
            CountDownLatch release = new CountDownLatch(1);
            Jobs.Job reindexing = reindexThreeOfTenUntil(first, release);

            Jobs.Job seenOnSecond = Eventually.until(() -> second.find(reindexing.id()).orElse(null),
                    job -> job != null && job.progress() != null, Duration.ofSeconds(30));
            assertThat(seenOnSecond.startedBy()).isEqualTo("admin");
            assertThat(seenOnSecond.progress().getInteger("documents")).isEqualTo(3);
            assertThatThrownBy(() -> second.start("reindex", "admin2", JsonObject::new))
                    .isInstanceOfSatisfying(LararenaException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.getMessage()).contains("/api/jobs/" + reindexing.id());
                    });

            release.countDown();
            assertThat(finished(second, reindexing.id()).result().getInteger("documents")).as("its end, followed on the other instance")
                    .isEqualTo(10);
            assertThat(finished(second, second.start("reindex", "admin2", JsonObject::new).id()).state())
                    .as("once the first is done, the other instance may run one").isEqualTo(Jobs.State.DONE);
            assertThat(Eventually.until(() -> first.newestFirst().size(), size -> size == 2, Duration.ofSeconds(30)))
                    .as("and the first lists it").isEqualTo(2);
        }
    }

    @Test
    void aJobWhoseInstanceLeftTheClusterIsShownFailedOnTheOthersWhichMayStartAnotherOfItsKind() throws Exception {
        try (LoopbackCluster cluster = new LoopbackCluster(2)) {
            Vertx leaving = cluster.join(0, "lararena-test");
            Jobs first = jobsOf(leaving);
            Jobs second = jobsOf(cluster.join(1, "lararena-test"));
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch testOver = new CountDownLatch(1);
            Jobs.Job reindexing = first.start("reindex", "admin", () -> {
                running.countDown();
                // As on an instance killed outright: its thread never tells how the job ended, even when interrupted.
                while (testOver.getCount() > 0) {
                    try {
                        testOver.await();
                    } catch (InterruptedException ignored) {
                        // a killed process's job would not answer either
                    }
                }
                return new JsonObject();
            });
            try {
                assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
                Eventually.until(() -> second.find(reindexing.id()).isPresent(), heard -> heard, Duration.ofSeconds(30));
                assertThatThrownBy(() -> second.start("reindex", "admin2", JsonObject::new)).as("while its instance runs it")
                        .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.status()).isEqualTo(409));

                leaving.close().await();

                Jobs.Job settled = finished(second, reindexing.id());
                assertThat(settled.state()).isEqualTo(Jobs.State.FAILED);
                assertThat(settled.error().getString("error")).isEqualTo("instance_stopped");
                assertThat(settled.error().getString("detail")).contains("stopped before it finished");
                assertThat(finished(second, second.start("reindex", "admin2", JsonObject::new).id()).state())
                        .as("the lock of its kind went with its instance: another may run").isEqualTo(Jobs.State.DONE);
            } finally {
                testOver.countDown();
            }
        }
    }

    @Test
    void anInstanceThatJoinsWhileAJobRunsElsewhereListsItAndRefusesAnotherOfItsKindNamingIt() throws Exception {
        try (LoopbackCluster cluster = new LoopbackCluster(2)) {
            Jobs first = jobsOf(cluster.join(0, "lararena-test"));
            CountDownLatch release = new CountDownLatch(1);
            Jobs.Job reindexing = reindexThreeOfTenUntil(first, release);
            try {
                Jobs joined = jobsOf(cluster.join(1, "lararena-test"));

                Jobs.Job seen = Eventually.until(() -> joined.find(reindexing.id()).orElse(null),
                        job -> job != null && job.progress() != null, Duration.ofSeconds(30));
                assertThat(seen.state()).isEqualTo(Jobs.State.RUNNING);
                assertThat(seen.progress().getInteger("documents")).as("as it stands, not as it started").isEqualTo(3);
                assertThatThrownBy(() -> joined.start("reindex", "admin2", JsonObject::new))
                        .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.getMessage()).contains("/api/jobs/" + reindexing.id()));
            } finally {
                release.countDown();
            }
        }
    }

    /** Waits until the job is no longer running (it runs on a worker thread). */
    @Test
    void aJobThatReportsProgressShowsTheLastReportAndKeepsItOnceDone() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Jobs.Job started = jobs.startReporting("import_qdpx", "forskare", progress -> {
            progress.accept(new JsonObject().put("codings", 250).put("of", 500));
            reported.countDown();
            release.await(1, TimeUnit.MINUTES);
            progress.accept(new JsonObject().put("codings", 500).put("of", 500));
            return new JsonObject().put("codings", 500);
        });
        assertThat(reported.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(jobs.find(started.id()).orElseThrow().toJson().getJsonObject("progress").getInteger("codings")).isEqualTo(250);
        release.countDown();
        Jobs.Job done = finished(started.id());
        assertThat(done.toJson().getJsonObject("progress").getInteger("codings")).isEqualTo(500);
        assertThat(done.startedBy()).isEqualTo("forskare");
    }

    /** Starts a reindex on {@code jobs} that reports 3 documents of 10 and runs until {@code release}; returns once it has reported. */
    private static Jobs.Job reindexThreeOfTenUntil(Jobs jobs, CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Jobs.Job reindexing = jobs.startReporting("reindex", "admin", progress -> {
            progress.accept(new JsonObject().put("documents", 3).put("of", 10));
            running.countDown();
            release.await(1, TimeUnit.MINUTES);
            return new JsonObject().put("documents", 10);
        });
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        return reindexing;
    }

    /** The jobs of an instance as the application makes them: its id is its node id, its members the cluster's. */
    private static Jobs jobsOf(Vertx vertx) {
        ClusterMembers members = ClusterMembers.of(vertx);
        Jobs jobs = new Jobs(vertx, Clock.systemUTC(), members.instanceId(), members::now);
        // From here on a job started on one instance is heard by this one (in the application, a moment after it starts).
        jobs.listening().await();
        return jobs;
    }

    private Jobs.Job finished(String id) throws Exception {
        return finished(jobs, id);
    }

    private static Jobs.Job finished(Jobs jobs, String id) throws Exception {
        return Eventually.until(() -> jobs.find(id).orElseThrow(), job -> job.state() != Jobs.State.RUNNING, Duration.ofSeconds(30));
    }
}
