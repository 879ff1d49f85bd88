package org.lararena.ontology.store;

import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.AfterEach;
import org.lararena.ontology.store.remote.InJvmFuseki;
import org.lararena.ontology.store.remote.RemoteTransactions;

/** Every test of {@link TeamCodingStoreTest}, with the store reaching its TDB2 dataset through a real Fuseki (SPARQL over HTTP). */
class FusekiTeamCodingStoreTest extends TeamCodingStoreTest {

    private final InJvmFuseki fuseki = new InJvmFuseki();

    @Override
    TdbAnnotationStore storeOver(Dataset dataset, Supplier<String> annotatorVersion) {
        return new TdbAnnotationStore(new RemoteTransactions(fuseki.serve(dataset)), annotatorVersion);
    }

    @AfterEach
    void stopFuseki() {
        fuseki.close();
    }
}
