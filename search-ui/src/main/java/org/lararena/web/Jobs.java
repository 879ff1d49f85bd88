package org.lararena.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lararena.platform.ClusterAddresses;
import org.lararena.platform.InstanceId;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administration work that takes minutes (rebuilding the index, annotating every document again) as jobs: the
 * request that starts one is answered at once with the job, which the caller follows at {@code GET /api/jobs/{id}},
 * instead of a request held open for minutes through proxies and timeouts. The work runs on a worker pool of its own
 * ({@code lararena-jobs}), not the request pool, whose few threads serve quick requests. One job of a kind runs at a time, in the whole
 * cluster when instances form one (a second on another instance fails at once with 409). The newest
 * {@value #KEPT} jobs are kept in memory: a restart forgets them (the audit log keeps who started what, and the
 * work itself is safe to start again). In a cluster every change of a job is published
 * ({@link ClusterAddresses#JOB_CHANGED}), so each instance lists and shows the jobs of all: a job started through one
 * instance is followed through any; an instance that joins asks the others for theirs ({@link
 * ClusterAddresses#JOBS_ASKED}), so it lists a job started before it joined. A job whose instance left the cluster
 * before it finished (stopped, crashed, killed) is shown failed on the others, and no longer stops another of its
 * kind from starting.
 */
public final class Jobs {

    /** The cluster-wide lock of a kind of job is this and the kind. */
    private static final String LOCK_PREFIX = "lararena.job.";
    /** How long a job waits for the lock another instance's job of its kind holds: a moment, not its end. */
    private static final Duration LOCK_WAIT = Duration.ofMillis(500);
    /** Threads for jobs: one for each kind that may run beside the others (reindex, re-annotation, an import). */
    private static final int JOB_THREADS = 4;
    /**
     * How long a job may take before Vert.x calls its thread blocked: a job takes minutes by design (a reindex of
     * 100,000 passages about six), and on the common worker pool every second past its 60 s limit printed a warning
     * with a stack trace into the log.
     */
    private static final Duration LONGEST_JOB = Duration.ofHours(12);
    /** How many finished jobs are remembered. */
    static final int KEPT = 50;
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /** Where a job stands. */
    public enum State {
        RUNNING, DONE, FAILED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A job as it stands: {@code progress} as the work last reported it (null when it reports none), {@code result} once
     * done, {@code error} ({@code status}, {@code error}, {@code detail}) once failed; {@code runBy} the instance whose
     * thread runs it ({@link InstanceId}: this process's, or the sender's of the change heard), not part of its JSON.
     */
    public record Job(String id, String kind, String startedBy, Instant startedAt, State state, Instant finishedAt, JsonObject result,
                      JsonObject error, JsonObject progress, String runBy) {

        public JsonObject toJson() {
            JsonObject json = new JsonObject().put("id", id).put("kind", kind).put("state", state.wireName()).put("startedBy", startedBy)
                    .put("startedAt", startedAt.toString()).put("href", "/api/jobs/" + id);
            if (finishedAt != null) {
                json.put("finishedAt", finishedAt.toString());
            }
            if (progress != null) {
                json.put("progress", progress);
            }
            if (result != null) {
                json.put("result", result);
            }
            if (error != null) {
                json.put("error", error);
            }
            return json;
        }

        Job finished(State to, Instant at, JsonObject result, JsonObject error) {
            return new Job(id, kind, startedBy, startedAt, to, at, result, error, progress, runBy);
        }

        Job reported(JsonObject now) {
            return new Job(id, kind, startedBy, startedAt, state, finishedAt, result, error, now, runBy);
        }

        static Job fromJson(JsonObject json, String runBy) {
            String finishedAt = json.getString("finishedAt");
            return new Job(json.getString("id"), json.getString("kind"), json.getString("startedBy"), Instant.parse(json.getString("startedAt")),
                    State.valueOf(json.getString("state").toUpperCase(Locale.ROOT)), finishedAt == null ? null : Instant.parse(finishedAt),
                    json.getJsonObject("result"), json.getJsonObject("error"), json.getJsonObject("progress"), runBy);
        }
    }

    /** Work that says how far it has come: each report replaces the last, and {@code GET /api/jobs/{id}} shows it. */
    @FunctionalInterface
    public interface Work {
        JsonObject run(Consumer<JsonObject> progress) throws Exception;
    }

    private final Vertx vertx;
    private final WorkerExecutor workers;
    private final Clock clock;
    /** Tells this instance's job changes from the others'. */
    private final InstanceId self;
    /** The instances of the cluster now, by their ids: a job of one no longer among them will never finish. */
    private final Supplier<Set<String>> members;
    /** In the order started; guarded by {@code this}. */
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    /** Completes once the other instances tell this one their jobs, and it theirs. */
    private final Future<Void> listening;

    /**
     * The jobs of the process {@code self}, and those the other instances of its cluster run.
     *
     * @param members the ids of the instances of the cluster now ({@code self} alone when there is no cluster)
     */
    public Jobs(Vertx vertx, Clock clock, InstanceId self, Supplier<Set<String>> members) {
        this.vertx = Objects.requireNonNull(vertx);
        this.clock = Objects.requireNonNull(clock);
        this.self = Objects.requireNonNull(self);
        this.members = Objects.requireNonNull(members);
        this.workers = vertx.createSharedWorkerExecutor("lararena-jobs", JOB_THREADS, LONGEST_JOB.toMillis(), TimeUnit.MILLISECONDS);
        MessageConsumer<JsonObject> changes = self.hearOthers(vertx.eventBus(), ClusterAddresses.JOB_CHANGED,
                change -> heard(Job.fromJson(change.getJsonObject("job"), InstanceId.senderOf(change))));
        MessageConsumer<JsonObject> asks = self.hearOthers(vertx.eventBus(), ClusterAddresses.JOBS_ASKED, asked -> tellOwn());
        // Asked only once both are known to the whole cluster: the answers then reach this instance, and a later
        // joiner's question reaches it.
        this.listening = Future.all(changes.completion(), asks.completion())
                .onSuccess(registered -> self.publish(vertx.eventBus(), ClusterAddresses.JOBS_ASKED, new JsonObject())).mapEmpty();
    }

    /**
     * Completes once this instance listens to the cluster's jobs and has asked the others for theirs (at once when
     * it is alone); the answers follow as they arrive.
     */
    public Future<Void> listening() {
        return listening;
    }

    /**
     * Starts {@code work} as a job of {@code kind} and returns it, running. While a job of the same kind runs, a second
     * is refused with 409 naming the one to follow.
     */
    public Job start(String kind, String startedBy, Callable<JsonObject> work) {
        return startReporting(kind, startedBy, progress -> work.call());
    }

    /** As {@link #start(String, String, Callable)}, for work that reports its progress. */
    public synchronized Job startReporting(String kind, String startedBy, Work work) {
        settleDeparted();
        Optional<Job> running = jobs.values().stream().filter(j -> j.kind().equals(kind) && j.state() == State.RUNNING).findFirst();
        if (running.isPresent()) {
            throw new LararenaException(409, kind + "_running", "a " + kind + " is running already (started by " + running.get().startedBy()
                    + " at " + running.get().startedAt() + "); follow it at /api/jobs/" + running.get().id() + " and start another once it is done");
        }
        Job job = new Job(UUID.randomUUID().toString(), kind, startedBy, clock.instant(), State.RUNNING, null, null, null, null, self.value());
        jobs.put(job.id(), job);
        forgetOldest();
        tell(job);
        clusterWide(kind).compose(onlyOne -> workers.executeBlocking(() -> work.run(progress -> report(job.id(), progress)), false)
                .andThen(done -> onlyOne.release())).onComplete(done -> {
            if (done.succeeded()) {
                finish(job.id(), State.DONE, done.result(), null);
            } else {
                LOG.warn("The {} job {} failed", kind, job.id(), done.cause());
                finish(job.id(), State.FAILED, null, errorOf(kind, done.cause()));
            }
        });
        return job;
    }

    /**
     * The lock that lets one job of a kind run in a whole cluster of instances (a single instance's own lock when
     * it is alone, always free after the check in {@link #startReporting}). Held by an instance that dies, it is
     * released by the cluster. A job that cannot take it fails with 409.
     */
    private Future<Lock> clusterWide(String kind) {
        return vertx.sharedData().getLockWithTimeout(LOCK_PREFIX + kind, LOCK_WAIT.toMillis())
                .recover(refused -> Future.failedFuture(new LararenaException(409, kind + "_running", "a " + kind
                        + " is running on another instance of the platform; start another once it is done")));
    }

    /** The job of this id, if it is remembered. */
    public synchronized Optional<Job> find(String id) {
        settleDeparted();
        return Optional.ofNullable(jobs.get(id));
    }

    /** The job {@code id} if {@code caller} may follow it: an admin every job, anyone else only the jobs they started. */
    public Optional<Job> findFor(String id, Caller caller) {
        return find(id).filter(job -> caller.has(Caller.ADMIN) || job.startedBy().equals(caller.username()));
    }

    /** The remembered jobs, newest first. */
    public synchronized List<Job> newestFirst() {
        settleDeparted();
        List<Job> all = new ArrayList<>(jobs.values());
        Collections.reverse(all);
        return all;
    }

    private synchronized void report(String id, JsonObject progress) {
        tell(jobs.computeIfPresent(id, (key, job) -> job.reported(progress.copy())));
    }

    private synchronized void finish(String id, State to, JsonObject result, JsonObject error) {
        tell(jobs.computeIfPresent(id, (key, job) -> job.finished(to, clock.instant(), result, error)));
    }

    /** Publishes a change of a job this instance runs, for the other instances of a cluster (a single one hears itself only). */
    private void tell(Job job) {
        if (job != null) {
            self.publish(vertx.eventBus(), ClusterAddresses.JOB_CHANGED, new JsonObject().put("job", job.toJson()));
        }
    }

    /** Tells the others every job this instance runs or ran, for one that joined. */
    private synchronized void tellOwn() {
        jobs.values().stream().filter(job -> self.value().equals(job.runBy())).forEach(this::tell);
    }

    /** Another instance's job, as it stands now. */
    private synchronized void heard(Job job) {
        jobs.put(job.id(), job);
        forgetOldest();
    }

    /**
     * Marks failed the running jobs of instances that left the cluster: their work stopped with them, and the lock of
     * their kind was released by the cluster, so another may start. Asked whenever the jobs are read; cheap (the
     * cluster manager's member list, in memory).
     */
    private void settleDeparted() {
        if (jobs.values().stream().noneMatch(job -> job.state() == State.RUNNING && !self.value().equals(job.runBy()))) {
            return;
        }
        Set<String> now = members.get();
        jobs.replaceAll((id, job) -> job.state() != State.RUNNING || now.contains(job.runBy()) ? job
                : job.finished(State.FAILED, clock.instant(), null, instanceStopped(job.kind())));
    }

    private static JsonObject instanceStopped(String kind) {
        return new JsonObject().put("status", 503).put("error", "instance_stopped")
                .put("detail", "the instance of the platform that ran this " + kind + " stopped before it finished; start it again");
    }

    /** Forgets the oldest finished jobs beyond {@link #KEPT}; a running job is never forgotten. */
    private void forgetOldest() {
        var finished = jobs.values().stream().filter(j -> j.state() != State.RUNNING).map(Job::id).toList();
        for (int i = 0; i < finished.size() && jobs.size() > KEPT; i++) {
            jobs.remove(finished.get(i));
        }
    }

    /** What a failed job says: a refusal in its own words, anything else without the internals. */
    private static JsonObject errorOf(String kind, Throwable failure) {
        if (failure instanceof InterruptedException || failure.getCause() instanceof InterruptedException) {
            // Its instance is stopping and took the job's thread with it: what the others show once it has left.
            return instanceStopped(kind);
        }
        if (failure instanceof LararenaException refusal) {
            return new JsonObject().put("status", refusal.status()).put("error", refusal.error()).put("detail", refusal.getMessage());
        }
        return new JsonObject().put("status", 500).put("error", "internal")
                .put("detail", "the job stopped on an unexpected error; the application log says more");
    }
}
