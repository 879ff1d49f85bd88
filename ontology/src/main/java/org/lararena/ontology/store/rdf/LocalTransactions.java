package org.lararena.ontology.store.rdf;

import java.util.Objects;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;

/** The transactions of an embedded Jena dataset: Jena's own, one per call, joined when the thread is already in one. */
final class LocalTransactions implements StoreTransactions {

    private final Dataset dataset;

    LocalTransactions(Dataset dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    @Override
    public <T> T calculateRead(Supplier<T> read) {
        return dataset.calculateRead(read);
    }

    @Override
    public <T> T calculateWrite(Supplier<T> write) {
        return dataset.calculateWrite(write);
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    @Override
    public boolean isInTransaction() {
        return dataset.isInTransaction();
    }
}
