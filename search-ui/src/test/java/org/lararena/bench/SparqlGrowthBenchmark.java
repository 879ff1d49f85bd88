package org.lararena.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.TdbAnnotationStore;
import org.lararena.ontology.store.StoreTransactions;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.web.Caller;
import org.lararena.sparql.ReadableGraphs;
import org.lararena.sparql.SparqlService;

/**
 * How the three typical SPARQL queries of the growth benchmark grow with the corpus, as a pilot asks them (the
 * caller-restricted dataset): passages per theme, passages of a concept in one pilot's documents, and theme
 * co-occurrence. Each size doubles the documents; a ratio near 2 per doubling is linear growth. Run with
 * {@code ./mvnw -Pbench -pl search-ui -am verify -DskipITs -Dtest=SparqlGrowthBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.documents=250,500,1000,2000} for other sizes).
 */
class SparqlGrowthBenchmark {

    private static final String PREFIXES = "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ";
    private static final String[] QUERIES = {
        PREFIXES + "SELECT ?concept (COUNT(DISTINCT ?passage) AS ?passages) { ?a oa:hasBody ?concept ; oa:hasTarget/oa:hasSource ?passage } "
                + "GROUP BY ?concept",
        PREFIXES + "SELECT DISTINCT ?passage { ?a oa:hasBody <https://w3id.org/lararena/tema/samverkan> ; oa:hasTarget/oa:hasSource ?passage ; "
                + "<https://w3id.org/lararena/vocab#documentId> ?doc } LIMIT 10000",
        PREFIXES + "SELECT ?x ?y (COUNT(*) AS ?n) { ?a oa:hasBody ?x ; oa:hasTarget/oa:hasSource ?p . ?b oa:hasBody ?y ; "
                + "oa:hasTarget/oa:hasSource ?p FILTER(STR(?x) < STR(?y)) } GROUP BY ?x ?y",
    };
    private static final String[] TEXTS = {
        "Samverkan mellan kommunen och regionen kring hemsjukvården har blivit bättre.",
        "Patienterna vill ha kontinuitet och en fast läkarkontakt på vårdcentralen.",
        "Digitala vårdmöten gör det lättare för äldre i glesbygd att få kontakt.",
        "Ledarskapet och arbetsmiljön avgör om kompetensförsörjningen håller.",
    };
    private static final int PASSAGES_PER_DOCUMENT = 20;

    @TempDir
    Path dir;

    @Test
    void queriesGrowWithTheCorpus() {
        var ontology = OntologyLoader.fromClasspath();
        PassageAnnotator annotator = new PassageAnnotator(ontology);
        Caller pilot = new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland"));
        int[] sizes = Arrays.stream(System.getProperty("bench.documents", "250,500,1000,2000").split(",")).mapToInt(Integer::parseInt).toArray();
        Dataset dataset = TDB2Factory.connectDataset(dir.resolve("tdb").toString());
        TdbAnnotationStore store = new TdbAnnotationStore(dataset);
        DocumentStore documents = new DocumentStore(dir.resolve("documents"));
        SparqlService.publishOntology(StoreTransactions.local(dataset), ontology);
        SparqlService sparql = new SparqlService(StoreTransactions.local(dataset), ReadableGraphs.of(documents), new LararenaConfig.Sparql(Duration.ofMinutes(10), 1_000_000));
        int stored = 0;
        double[] previous = null;
        System.out.printf("%10s %12s %14s %14s %14s%n", "documents", "annotations", "per theme ms", "concept ms", "co-occur ms");
        for (int size : sizes) {
            for (; stored < size; stored++) {
                String id = "d" + stored;
                documents.save(new DocumentRecord(id, id + ".txt", id, "rapport", "Värmland", null, Visibility.PILOT, "0".repeat(64), 1,
                        "forskare", Instant.now(), DocumentStatus.INDEXED, null, null, PASSAGES_PER_DOCUMENT, "sv"));
                List<AnnotationStore.PassageSuggestions> passages = new ArrayList<>();
                for (int p = 0; p < PASSAGES_PER_DOCUMENT; p++) {
                    String text = TEXTS[(stored + p) % TEXTS.length] + " " + TEXTS[(stored * 7 + p) % TEXTS.length];
                    passages.add(new AnnotationStore.PassageSuggestions(new PassageText(id + "-" + p, text), annotator.annotate(text)));
                }
                store.storeAutomatic(id, "bench", passages);
            }
            long annotations = dataset.calculateRead(() -> dataset.asDatasetGraph().stream().filter(q -> q.getPredicate().getURI()
                    .equals("http://www.w3.org/1999/02/22-rdf-syntax-ns#type") && q.getObject().isURI()
                    && q.getObject().getURI().equals("http://www.w3.org/ns/oa#Annotation")).count());
            double[] millis = new double[QUERIES.length];
            for (int q = 0; q < QUERIES.length; q++) {
                sparql.query(QUERIES[q], pilot, null); // warm
                long started = System.nanoTime();
                int runs = 3;
                for (int r = 0; r < runs; r++) {
                    sparql.query(QUERIES[q], pilot, null).body();
                }
                millis[q] = (System.nanoTime() - started) / 1e6 / runs;
            }
            System.out.printf("%10d %12d %14.1f %14.1f %14.1f%s%n", size, annotations, millis[0], millis[1], millis[2],
                    previous == null ? "" : String.format("   ×%.2f ×%.2f ×%.2f for ×2 documents", millis[0] / previous[0], millis[1] / previous[1],
                            millis[2] / previous[2]));
            previous = millis;
        }
        dataset.close();
    }
}
