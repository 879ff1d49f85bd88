package org.lararena.platform;

/**
 * The event-bus addresses on which the instances of a cluster ({@code LARARENA_CLUSTER_MEMBERS}) tell each other
 * what each must know. Messages are published: every instance hears them, its own included; a single instance
 * hears only itself. Each body carries {@code instance}, the sender's id ({@link InstanceId}, one for the process),
 * so that an instance skips what it said.
 */
public final class ClusterAddresses {

    /** A request from {@code address} had a missing or invalid token: {@code {instance, address}}. */
    public static final String TOKEN_FAILURE = "lararena.auth.token-failure";

    /**
     * A document of a shared collection was written or deleted: {@code {instance, collection, id}}. An instance that
     * holds the collection in memory reads the document again (org.lararena.platform.shared.CachedCollection).
     */
    public static final String SHARED_CHANGED = "lararena.shared.changed";

    /** A job (reindex, re-annotation, import) started, reported progress or ended: {@code {instance, job}}, the job as its API shows it. */
    public static final String JOB_CHANGED = "lararena.job.changed";

    /**
     * An instance that joined asks the others for their jobs, which it heard nothing of: {@code {instance}}. Each
     * answers by publishing every job it runs or ran at {@link #JOB_CHANGED}.
     */
    public static final String JOBS_ASKED = "lararena.jobs.asked";

    private ClusterAddresses() {
    }
}
