package org.lararena.ontology.store.rdf;

import java.util.function.Supplier;
import org.apache.jena.query.Dataset;

/**
 * How the annotation store's logic gets its transactions: the one seam between {@link RdfAnnotationStore} and where the
 * quads live. The logic runs unchanged inside {@link #calculateRead} or {@link #calculateWrite} and reads and writes the
 * {@link #dataset()} of the transaction it is in: the embedded TDB2 dataset itself ({@link #local}), or a snapshot of
 * a remote SPARQL store whose changes are sent as one guarded update at the end ({@code remote.RemoteTransactions}).
 *
 * <p>A write function may run more than once (a remote store runs it again from fresh reads when another writer
 * changed the same graph meanwhile): it must do nothing outside the dataset that it cannot repeat.
 */
public interface StoreTransactions {

    /** Runs {@code read} in a read transaction; inside a caller's transaction, as part of it. */
    <T> T calculateRead(Supplier<T> read);

    /** Runs {@code write} in one write transaction, committed when it returns, none of it kept when it throws. */
    <T> T calculateWrite(Supplier<T> write);

    default void executeWrite(Runnable write) {
        calculateWrite(() -> {
            write.run();
            return null;
        });
    }

    /** The dataset of the transaction this thread is in. */
    Dataset dataset();

    /** Whether this thread is inside a transaction of this store. */
    boolean isInTransaction();

    /** The transactions of an embedded Jena dataset (TDB2 in the data directory, in-memory TDB2 in tests). */
    static StoreTransactions local(Dataset dataset) {
        return new LocalTransactions(dataset);
    }
}
