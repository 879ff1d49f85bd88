package org.lararena.ontology.store.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Researchers' small writes, committed together. A TDB2 commit forces a dozen files to disk; on a busy disk that is
 * tens of milliseconds, and three researchers' clicks each waiting for their own commit queue behind each other and
 * behind ingest. Here the writes that arrive while one commit runs wait for it, then go into the next transaction
 * together, and that transaction's commit answers all of them. Every caller still returns only after its own change
 * is committed, and a write that fails (an unknown annotation, a span outside its passage) fails alone: the batch it
 * was in is abandoned and its writes are run again one transaction each, so nobody else's change is lost or kept
 * half-done.
 *
 * <p>A remote store may run a transaction's function again (another writer changed the same graph meanwhile): each
 * write's result is that of the run that was committed.
 */
final class GroupCommit {

    /** Writes in one transaction at most: a batch stays a short write. */
    private static final int MAX_BATCH = 64;

    private final StoreTransactions store;
    private final ReentrantLock committer = new ReentrantLock();
    private final Queue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();

    GroupCommit(StoreTransactions store) {
        this.store = store;
    }

    /** Runs {@code write} in a write transaction, perhaps with others, and returns its result once committed. */
    <T> T calculate(Supplier<T> write) {
        if (store.isInTransaction()) {
            // Already inside a write of the caller's own (a test, a larger operation): part of that transaction.
            return write.get();
        }
        Pending<T> mine = new Pending<>(write);
        waiting.add(mine);
        committer.lock();
        try {
            if (!mine.settled) {
                commitWaiting();
            }
        } finally {
            committer.unlock();
        }
        return mine.outcome();
    }

    /** Commits the writes waiting now, the caller's among them; under {@link #committer}. */
    private void commitWaiting() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.size() == 1 || !together(batch)) {
            batch.forEach(this::alone);
        }
    }

    /** All of {@code batch} in one transaction; false (and nothing kept) when one of them failed. */
    private boolean together(List<Pending<?>> batch) {
        try {
            store.calculateWrite(() -> {
                for (Pending<?> pending : batch) {
                    pending.reset();
                    pending.run();
                    if (pending.failure != null) {
                        throw Abandoned.INSTANCE;
                    }
                }
                return null;
            });
            batch.forEach(Pending::settle);
            return true;
        } catch (RuntimeException | Error e) {
            batch.forEach(Pending::reset);
            return false;
        }
    }

    private void alone(Pending<?> pending) {
        try {
            store.calculateWrite(() -> {
                pending.reset();
                pending.run();
                if (pending.failure != null) {
                    throw Abandoned.INSTANCE;
                }
                return null;
            });
        } catch (Abandoned e) {
            // The write's own failure, kept by run(): nothing of it was committed.
        } catch (RuntimeException | Error e) {
            pending.failure = e;
        } finally {
            pending.settle();
        }
    }

    /** Thrown out of a transaction's function to abandon it when one write in it failed (its failure is kept apart). */
    private static final class Abandoned extends RuntimeException {
        static final Abandoned INSTANCE = new Abandoned();

        private Abandoned() {
            super("a write of the transaction failed", null, false, false);
        }
    }

    /** One caller's write and, once settled, its result or failure. Settled before the committer's lock is released. */
    private static final class Pending<T> {
        private final Supplier<T> write;
        private T result;
        private Throwable failure;
        private volatile boolean settled;

        Pending(Supplier<T> write) {
            this.write = write;
        }

        void run() {
            try {
                result = write.get();
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        void reset() {
            result = null;
            failure = null;
        }

        void settle() {
            settled = true;
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
