package org.lararena.ontology.store.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.Decision;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.LararenaException;

/** Two application instances' stores over one real Fuseki: researchers coding the same document at once lose nothing. */
class RemoteStoreConcurrencyTest {

    private static final String DOC = "k0nkurrent";
    private static final String TEXT = "Samverkan och tillgänglighet och kontinuitet.";
    /** Times an action refused as busy is sent before the test fails. */
    private static final int BUSY_RETRIES = 5;
    private static PassageAnnotator annotator;

    @RegisterExtension
    final InJvmFuseki fuseki = new InJvmFuseki();
    private Dataset dataset;
    private String url;

    @BeforeAll
    static void loadAnnotator() {
        annotator = new PassageAnnotator(OntologyLoader.fromClasspath());
    }

    @BeforeEach
    void start() {
        InJvmFuseki.Served served = fuseki.serveNew();
        dataset = served.dataset();
        url = served.url();
    }

    /** One application instance's store over the shared Fuseki. */
    private RdfAnnotationStore instance() {
        return new RdfAnnotationStore(new RemoteTransactions(url), () -> PassageAnnotator.VERSION);
    }

    private static List<AnnotationStore.PassageSuggestions> passages(int count) {
        List<AnnotationStore.PassageSuggestions> passages = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            passages.add(new AnnotationStore.PassageSuggestions(new PassageText(DOC + "-" + n, TEXT), annotator.annotate(TEXT)));
        }
        return passages;
    }

    @Test
    void twoInstancesReviewingAndTaggingTheSameDocumentAtOnceLoseNoUpdate() throws Exception {
        RdfAnnotationStore one = instance();
        RdfAnnotationStore two = instance();
        List<String> ids = one.storeAutomatic(DOC, "v1", passages(8)).stream().map(StoredAnnotation::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(16);
        PassageText passage = new PassageText(DOC + "-0", TEXT);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        try {
            work.add(pool.submit(researcher(go, () -> ids.forEach(id ->
                    untilAcknowledged(() -> one.review(DOC, List.of(id), ReviewState.ACCEPTED, "forskare"))))));
            work.add(pool.submit(researcher(go, () -> ids.forEach(id ->
                    untilAcknowledged(() -> two.review(DOC, List.of(id), ReviewState.REJECTED, "forskare2"))))));
            work.add(pool.submit(researcher(go, () -> {
                for (int n = 0; n < 10; n++) {
                    untilAcknowledged(() -> one.addManual(DOC, passage, 0, 9, LAR.BASE + "tema/samverkan", "v1", "forskare3"));
                }
            })));
            work.add(pool.submit(researcher(go, () -> {
                for (int n = 0; n < 10; n++) {
                    untilAcknowledged(() -> two.addManual(DOC, passage, 13, 28, LAR.BASE + "tema/samverkan", "v1", "forskare4"));
                }
            })));
            go.countDown();
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // Read as a third instance would, and straight from the store's dataset.
        RdfAnnotationStore reader = instance();
        Map<String, List<Decision>> decisions = reader.decisions(DOC);
        for (String id : ids) {
            assertThat(decisions.get(id)).as("both researchers' decisions about " + id).extracting(Decision::coder)
                    .contains("forskare", "forskare2");
            assertThat(reader.find(id).orElseThrow().state()).as("accepted by someone: accepted").isEqualTo(ReviewState.ACCEPTED);
        }
        List<StoredAnnotation> all = reader.annotationsOf(DOC);
        assertThat(all.stream().filter(StoredAnnotation::manual).map(StoredAnnotation::creator))
                .as("every acknowledged tag").hasSize(20);
        long states = dataset.calculateRead(() -> dataset.getNamedModel(LAR.documentGraph(DOC).getURI())
                .listStatements(null, LAR.reviewState, (RDFNode) null).toList().size());
        assertThat(states).as("one review state per annotation, never two").isEqualTo(all.size());
    }

    /**
     * Sends an action again while the store answers that it is too busy (503, nothing written), as the Kodning page
     * does: four writers on one document with no pause between actions is more than a team makes, and an honest busy
     * answer is allowed; an acknowledged action that is lost is not.
     */
    private static void untilAcknowledged(Runnable action) {
        for (int sent = 1; ; sent++) {
            try {
                action.run();
                return;
            } catch (LararenaException busy) {
                if (busy.status() != 503 || sent == BUSY_RETRIES) {
                    throw busy;
                }
            }
        }
    }

    private static Callable<Void> researcher(CountDownLatch go, Runnable actions) {
        return () -> {
            go.await();
            actions.run();
            return null;
        };
    }

    @Test
    void aFusekiThatIsAwayIsA503NamingItAndWhatWasAcknowledgedIsThereWhenItIsBack() {
        Dataset kept = TDB2Factory.createDataset();
        FusekiServer server = FusekiServer.create().loopback(true).port(0).add("/lararena", kept.asDatasetGraph()).build().start();
        int port = server.getHttpPort();
        RdfAnnotationStore store = new RdfAnnotationStore(new RemoteTransactions("http://127.0.0.1:" + port + "/lararena"),
                () -> PassageAnnotator.VERSION);
        List<StoredAnnotation> stored = store.storeAutomatic(DOC, "v1", passages(1));
        store.review(DOC, List.of(stored.get(0).id()), ReviewState.ACCEPTED, "forskare");
        server.stop();

        assertThatThrownBy(() -> store.review(DOC, List.of(stored.get(1).id()), ReviewState.ACCEPTED, "forskare"))
                .isInstanceOfSatisfying(LararenaException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("RDF store").contains("127.0.0.1:" + port);
                });
        assertThatThrownBy(() -> store.annotationsOf(DOC)).isInstanceOfSatisfying(LararenaException.class,
                e -> assertThat(e.status()).isEqualTo(503));

        FusekiServer again = FusekiServer.create().loopback(true).port(port).add("/lararena", kept.asDatasetGraph()).build().start();
        try {
            assertThat(store.find(stored.get(0).id()).orElseThrow().state()).as("acknowledged before the outage").isEqualTo(ReviewState.ACCEPTED);
            store.review(DOC, List.of(stored.get(1).id()), ReviewState.ACCEPTED, "forskare");
            assertThat(store.find(stored.get(1).id()).orElseThrow().state()).as("coding resumes").isEqualTo(ReviewState.ACCEPTED);
        } finally {
            again.stop();
            kept.close();
        }
    }

    @Test
    void anUpdateThatAppliedIsNotAppliedTwiceAndLeavesOneRevisionPerGraph() {
        RdfAnnotationStore store = instance();
        store.storeAutomatic(DOC, "v1", passages(1));
        store.storeAutomatic(DOC, "v1", passages(1));
        long revisions = dataset.calculateRead(() -> {
            Node graph = LAR.documentGraph(DOC).asNode();
            return (long) dataset.getNamedModel(LAR.RevisionGraph.getURI()).getGraph().find(graph, LAR.revision.asNode(), Node.ANY).toList().size();
        });
        assertThat(revisions).isEqualTo(1);
    }
}
