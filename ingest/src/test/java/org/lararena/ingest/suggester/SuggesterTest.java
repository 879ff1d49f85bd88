package org.lararena.ingest.suggester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.store.Visibility;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageText;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.suggest.ServiceCheck;
import org.lararena.ontology.suggest.SuggesterTraining;
import org.lararena.ontology.suggest.TrainingPassage;
import org.lararena.platform.StillWorkingException;

/** Decisions read from the real annotation store as training data, and the suggester's background training, file and reset. */
class SuggesterTest {

    /** One held-out passage suffices here: these tests are about the model's life in service, not about its check. */
    private static final ServiceCheck ANY_HELD_OUT = new ServiceCheck(1, 0);
    private static final Duration A_MINUTE = Duration.ofMinutes(1);
    private static final String TEXT = "Avdelningschefen berättade att väntetiderna på vårdcentralen har blivit kortare.";

    @TempDir
    Path dataDir;

    private static Ontology ontology;
    private static PassageAnnotator annotator;
    private AnnotationStore annotations;
    private DocumentStore documents;
    private DecisionLog log;
    private String documentId;
    private String passageId;

    @BeforeAll
    static void load() {
        ontology = OntologyLoader.fromClasspath();
        annotator = new PassageAnnotator(ontology);
    }

    @BeforeEach
    void storeADocumentWithSuggestions() throws Exception {
        annotations = new RdfAnnotationStore(TDB2Factory.createDataset());
        documents = new DocumentStore(dataDir.resolve("documents"));
        Path file = Files.writeString(dataDir.resolve("anteckning.txt"), TEXT, StandardCharsets.UTF_8);
        DocumentRecord record = documents.store(file, "anteckning.txt",
                new DocumentStore.UploadFields(null, null, null, null, Visibility.PUBLIC), "forskare");
        documentId = record.id();
        passageId = PassageIndexer.passageId(documentId, 0);
        documents.savePassages(documentId, new JsonObject().put("passages", new JsonArray().add(new JsonObject().put("ordinal", 0).put("text", TEXT))));
        annotations.storeAutomatic(documentId, ontology.version(),
                List.of(new AnnotationStore.PassageSuggestions(new PassageText(passageId, TEXT), annotator.annotate(TEXT))));
        log = new DecisionLog(documents, annotations, ontology);
    }

    @Test
    void twoResearchersWhoDisagreeGiveOneAcceptAndOneRejectAndATagCountsForItsAuthor() {
        assertThat(log.passages()).as("no decision yet").isEmpty();
        StoredAnnotation suggestion = annotations.annotationsOf(documentId).get(0);
        annotations.review(documentId, List.of(suggestion.id()), ReviewState.ACCEPTED, "forskare");
        annotations.review(documentId, List.of(suggestion.id()), ReviewState.REJECTED, "forskare2");
        annotations.addManual(documentId, new PassageText(passageId, TEXT), 0, 16, ontology.topThemes().get(0).iri(), ontology.version(),
                "forskare");

        List<TrainingPassage> passages = log.passages();

        assertThat(passages).singleElement().satisfies(p -> {
            assertThat(p.passageId()).isEqualTo(passageId);
            assertThat(p.text()).isEqualTo(TEXT);
            assertThat(p.judgements()).anySatisfy(j -> {
                assertThat(j.matchedTerm()).isEqualTo(suggestion.matchedTerm());
                assertThat(j.accepts()).isEqualTo(1);
                assertThat(j.rejects()).isEqualTo(1);
            });
            assertThat(p.judgements()).anySatisfy(j -> {
                assertThat(j.manual()).isTrue();
                assertThat(j.exact()).isEqualTo("Avdelningschefen");
                assertThat(j.accepts()).isEqualTo(1);
            });
            assertThat(p.decisions()).isEqualTo(3);
        });
    }

    @Test
    void decisionsAreFollowedByATrainingInTheBackgroundAndAResetPutsTheDictionaryBackUnderANewVersion() throws Exception {
        StoredAnnotation suggestion = annotations.annotationsOf(documentId).get(0);
        annotations.review(documentId, List.of(suggestion.id()), ReviewState.REJECTED, "forskare");
        Path directory = dataDir.resolve("suggester");
        SuggesterTraining training = new SuggesterTraining(annotator, ontology, Clock.systemUTC(), ANY_HELD_OUT);
        int afterReset;
        try (Suggester suggester = new Suggester(log, training, directory, Duration.ofMillis(50), A_MINUTE)) {
            assertThat(suggester.get().version()).isZero();

            suggester.decisionRecorded();
            suggester.decisionRecorded();
            awaitTrue(() -> suggester.status().containsKey("lastTraining"));
            JsonObject last = suggester.status().getJsonObject("lastTraining");
            assertThat(last.getInteger("decisions")).isEqualTo(1);
            // Whether the one passage was held out follows its (random) document id: in service only then.
            int trained = suggester.get().version();
            assertThat(trained).isEqualTo(last.getBoolean("inService") ? 1 : 0);
            assertThat(last.getString("reason")).as("why it is in service or not").startsWith(trained == 1 ? "In service" : "Not put in service");

            JsonObject reset = suggester.reset().get(30, TimeUnit.SECONDS);
            assertThat(reset.getInteger("version")).isEqualTo(trained + 1);
            assertThat(reset.getInteger("decisions")).isZero();
            afterReset = reset.getInteger("version");
        }
        try (Suggester reopened = new Suggester(log, training, directory, A_MINUTE, A_MINUTE)) {
            assertThat(reopened.get().version()).as("the model in service is read back from the data directory").isEqualTo(afterReset);
            assertThat(reopened.get().decisions()).isZero();
        }
    }

    @Test
    void anUnreadableModelFileLeavesTheDictionaryInService() throws Exception {
        Path directory = Files.createDirectories(dataDir.resolve("suggester"));
        Files.writeString(directory.resolve(Suggester.MODEL_FILE), "{ not json", StandardCharsets.UTF_8);
        try (Suggester suggester = new Suggester(log, new SuggesterTraining(annotator, ontology, Clock.systemUTC(), ANY_HELD_OUT), directory, A_MINUTE, A_MINUTE)) {
            assertThat(suggester.get().version()).isZero();
            assertThat(suggester.train().get(60, TimeUnit.SECONDS).getInteger("version")).isZero();
        }
    }

    @Test
    void anAdminsTrainingThatOutlastsTheWaitIsAnswered503AndGoesOnToItsEnd() throws Exception {
        annotations.review(documentId, List.of(annotations.annotationsOf(documentId).get(0).id()), ReviewState.REJECTED, "forskare");
        HeldThread thread = new HeldThread();
        try (Suggester suggester = new Suggester(log, new SuggesterTraining(annotator, ontology, Clock.systemUTC(), ANY_HELD_OUT),
                dataDir.resolve("suggester"), A_MINUTE, Duration.ofMillis(200), thread)) {
            CompletableFuture<JsonObject> answer = suggester.train();

            assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).as("answered while the training waits for its thread")
                    .cause().isInstanceOfSatisfying(StillWorkingException.class, still -> {
                        assertThat(still.status()).isEqualTo(503);
                        assertThat(still.getMessage()).contains("goes on").contains("GET /api/suggester");
                    });
            assertThat(suggester.status().containsKey("lastTraining")).isFalse();

            thread.release();
            awaitTrue(() -> suggester.status().containsKey("lastTraining"));
            assertThat(suggester.status().getJsonObject("lastTraining").getInteger("decisions")).isEqualTo(1);
        }
    }

    @Test
    void requestsToTrainMadeWhileATrainingWaitsForTheThreadJoinIt() throws Exception {
        annotations.review(documentId, List.of(annotations.annotationsOf(documentId).get(0).id()), ReviewState.REJECTED, "forskare");
        HeldThread thread = new HeldThread();
        try (Suggester suggester = new Suggester(log, new SuggesterTraining(annotator, ontology, Clock.systemUTC(), ANY_HELD_OUT),
                dataDir.resolve("suggester"), A_MINUTE, A_MINUTE, thread)) {
            CompletableFuture<JsonObject> first = suggester.train();
            CompletableFuture<JsonObject> second = suggester.train();
            thread.release();

            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(second.get(60, TimeUnit.SECONDS));
            assertThat(thread.tasksRun()).as("the held task and one training").isEqualTo(2);

            suggester.train().get(60, TimeUnit.SECONDS);
            assertThat(thread.tasksRun()).as("a request after the training began gets one of its own").isEqualTo(3);
        }
    }

    /** The suggester's one thread, held by a first task until {@link #release()}; counts the tasks it ran. */
    private static final class HeldThread extends ScheduledThreadPoolExecutor {

        private final CountDownLatch held = new CountDownLatch(1);
        private final AtomicInteger run = new AtomicInteger();

        HeldThread() {
            super(1);
            execute(() -> {
                try {
                    held.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Override
        protected void beforeExecute(Thread t, Runnable r) {
            run.incrementAndGet();
        }

        void release() {
            held.countDown();
        }

        int tasksRun() {
            return run.get();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
