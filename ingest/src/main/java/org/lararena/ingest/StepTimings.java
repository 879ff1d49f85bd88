package org.lararena.ingest;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each ingest step took, logged at debug level on this class's logger: one line per step of a document
 * (or of an indexing batch), {@code step, subject, microseconds} as the log event's arguments. The end-to-end and
 * team-at-work benchmarks read them to give each step's share; an operator who turns on debug logging for this
 * logger sees where a slow document's time went. Costs nothing when debug logging is off.
 */
public final class StepTimings {

    private static final Logger LOG = LoggerFactory.getLogger(StepTimings.class);
    /**
     * The write transactions of annotation storage, one line each ({@code subject, microseconds}): how long each held
     * the writer, which is what another writer queued behind it waited at most. A child of {@link #LOG}, so that
     * turning that one on turns this one on too.
     */
    private static final Logger WRITES = LoggerFactory.getLogger(StepTimings.class.getName() + ".writes");

    /** The steps, in the order a document goes through them. */
    public enum Step { EXTRACTION, REPAIR, SEGMENTATION, DESCRIPTION, ANNOTATION, STORAGE, INDEXING }

    private StepTimings() {
    }

    /** Records that {@code step} of {@code subject} (a document id, or an indexing batch) took from {@code startedNanos} until now. */
    public static void record(Step step, String subject, long startedNanos) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} of {} took {} µs", step, subject, (System.nanoTime() - startedNanos) / 1_000);
        }
    }

    /** Records that {@code step} of {@code subject} took {@code took} (a time measured where the work was done). */
    public static void record(Step step, String subject, Duration took) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} of {} took {} µs", step, subject, took.toNanos() / 1_000);
        }
    }

    /**
     * Records that one write transaction of {@code subject}'s annotation storage held the writer for {@code held} (its
     * commit included, the wait for the writer left out), as a line of its own and as {@link Step#STORAGE} work.
     */
    public static void recordWrite(String subject, Duration held) {
        record(Step.STORAGE, subject, held);
        if (WRITES.isDebugEnabled()) {
            WRITES.debug("a write transaction of {} held the writer {} µs", subject, held.toNanos() / 1_000);
        }
    }

    /** Runs {@code work} as {@code step} of {@code subject} and records its time. */
    public static <T> T time(Step step, String subject, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(step, subject, started);
        }
    }
}
