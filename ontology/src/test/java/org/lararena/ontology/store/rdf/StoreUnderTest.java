package org.lararena.ontology.store.rdf;

import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lararena.ontology.store.remote.InJvmFuseki;

/**
 * The annotation store under test, over a fresh in-memory TDB2 dataset the test may also read and change directly,
 * reached the two ways the application reaches it. Registered as a field of a test class parameterised by {@link
 * Reach}, it closes the dataset and any Fuseki after each test.
 */
final class StoreUnderTest implements AfterEachCallback {

    /** How the store reaches its dataset. */
    enum Reach {
        /** In the same process, as a single instance does. */
        EMBEDDED,
        /** Through a real Fuseki over HTTP (SPARQL), as the instances of a cluster do. */
        THROUGH_FUSEKI
    }

    private final InJvmFuseki fuseki = new InJvmFuseki();
    private Dataset dataset;

    /** A store over this test's dataset (made at the first call), reached {@code reach}. */
    RdfAnnotationStore open(Reach reach, Supplier<String> annotatorVersion) {
        return switch (reach) {
            case EMBEDDED -> new RdfAnnotationStore(dataset(), annotatorVersion);
            case THROUGH_FUSEKI -> fuseki.store(dataset(), annotatorVersion);
        };
    }

    /** The dataset every store of this test keeps its quads in. */
    Dataset dataset() {
        if (dataset == null) {
            dataset = TDB2Factory.createDataset();
        }
        return dataset;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        fuseki.close();
        if (dataset != null) {
            dataset.close();
        }
    }
}
