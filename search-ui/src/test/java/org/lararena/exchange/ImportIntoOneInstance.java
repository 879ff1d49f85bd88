package org.lararena.exchange;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ontology.Concept;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;

/**
 * The setting of an import test: a fresh instance's stores for each test, with a codebook of their own copied from
 * the shipped ontology (so concepts a test creates stay in its instance), and the reader with the default limits.
 */
abstract class ImportIntoOneInstance {

    static final QdpxReader READER = new QdpxReader(10_000_000, Optional.empty());

    static Ontology shipped;
    /** A top theme of the shipped codebook, for codes mapped to an existing concept. */
    static Concept theme;

    @TempDir
    Path dir;
    QdpxExchangeTest.Stores stores;

    @BeforeAll
    static void loadOntology() {
        shipped = OntologyLoader.fromClasspath();
        theme = shipped.topThemes().get(0);
    }

    @BeforeEach
    void freshInstance() {
        stores = QdpxExchangeTest.Stores.in(dir.resolve("instance"), shipped);
    }
}
