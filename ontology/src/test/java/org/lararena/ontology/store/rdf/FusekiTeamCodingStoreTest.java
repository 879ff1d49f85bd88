package org.lararena.ontology.store.rdf;

import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lararena.ontology.store.remote.InJvmFuseki;

/** Every test of {@link TeamCodingStoreTest}, with the store reaching its TDB2 dataset through a real Fuseki (SPARQL over HTTP). */
class FusekiTeamCodingStoreTest extends TeamCodingStoreTest {

    @RegisterExtension
    final InJvmFuseki fuseki = new InJvmFuseki();

    @Override
    RdfAnnotationStore storeOver(Dataset dataset, Supplier<String> annotatorVersion) {
        return fuseki.store(dataset, annotatorVersion);
    }
}
