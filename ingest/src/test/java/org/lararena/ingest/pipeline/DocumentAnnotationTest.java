package org.lararena.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.PassageFacets;
import org.lararena.ontology.store.ReviewState;
import org.lararena.ontology.store.StoredAnnotation;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.platform.DiskFull;

/** A run of short steps over a real (in-memory) annotation store. */
class DocumentAnnotationTest {

    private static final Ontology ONTOLOGY = OntologyLoader.fromClasspath();
    /** Steps of 100 ms, as with a shared store: the shortest the platform takes. */
    private static final Duration STEP = Duration.ofMillis(100);

    @Test
    void aStepWhoseWriteFailsForAFullDiskIsTriedAgainWithTheSamePassagesAndTheRunEndsWithEverySuggestionOnce() {
        AnnotationStore store = new RdfAnnotationStore(TDB2Factory.createDataset());
        AtomicBoolean diskFull = new AtomicBoolean();
        AnnotationStore failingOnce = beforeEachStep(store, () -> {
            if (diskFull.getAndSet(false)) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
        });
        DocumentAnnotation annotation = new DocumentAnnotation(failingOnce, ONTOLOGY, new PassageAnnotator(ONTOLOGY), 3, STEP);
        JsonArray passages = new JsonArray();
        for (int i = 0; i < 9; i++) {
            passages.add(new JsonObject().put("ordinal", i).put("text", "Samverkan mellan kommunen och regionen, möte " + i + ", gav patienterna kontinuitet."));
        }

        DocumentAnnotation.Run run = annotation.start("doc", passages);
        assertThat(run.step()).isFalse();
        int doneBefore = run.done();
        diskFull.set(true);
        assertThatThrownBy(run::step).satisfies(failure -> assertThat(DiskFull.causedBy(failure)).isTrue());
        assertThat(run.done()).as("the failed step's passages are not counted as done").isEqualTo(doneBefore);
        while (!run.step()) {
            assertThat(run.done()).isLessThanOrEqualTo(run.total());
        }
        run.finish();

        List<StoredAnnotation> stored = store.annotationsOf("doc");
        assertThat(stored.stream().map(StoredAnnotation::passageId).distinct()).as("every passage annotated").hasSize(9);
        assertThat(stored.stream().map(StoredAnnotation::id).distinct().count()).as("each suggestion once").isEqualTo(stored.size());
        DocumentAnnotation.Run again = new DocumentAnnotation(store, ONTOLOGY, new PassageAnnotator(ONTOLOGY), 100, STEP).start("doc-reference", passages);
        while (!again.step()) {
            // one step holds all nine
        }
        assertThat(store.annotationsOf("doc-reference")).as("the same suggestions as a run without the failure").hasSameSizeAs(stored);
    }

    @Test
    void onADiskWhereEveryCommitIsSlowALargeDocumentIsStillStoredInStepsOfManyPassagesNotOneCommitPerPassage() {
        AnnotationStore store = new RdfAnnotationStore(TDB2Factory.createDataset());
        AtomicInteger writes = new AtomicInteger();
        // Every write reports that it held the writer lock for 400 ms, as on a disk busy with another ingest.
        AnnotationStore slowDisk = holding(store, writes, stored -> Duration.ofMillis(400));
        JsonArray passages = meetings(400);

        DocumentAnnotation.Run run = new DocumentAnnotation(slowDisk, ONTOLOGY, new PassageAnnotator(ONTOLOGY), 100, STEP).start("large", passages);
        while (!run.step()) {
            // one write transaction per step
        }
        run.finish();

        assertThat(store.annotationsOf("large").stream().map(StoredAnnotation::passageId).distinct()).as("every passage annotated").hasSize(400);
        assertThat(writes.get()).as("write transactions for 400 passages when every commit is slow: ten passages or more each")
                .isLessThanOrEqualTo(40);
    }

    @Test
    void aStepWhoseTimeRunsOutAfterOnePassageLeavesTheRestToTheNextStepAndEveryPassageIsStoredOnce() {
        AnnotationStore store = new RdfAnnotationStore(TDB2Factory.createDataset());
        AtomicInteger writes = new AtomicInteger();
        AnnotationStore counted = beforeEachStep(store, writes::incrementAndGet);
        JsonArray passages = meetings(30);

        // A step of one nanosecond: each write's time is up after its first passage, whatever it was given.
        DocumentAnnotation.Run run = new DocumentAnnotation(counted, ONTOLOGY, new PassageAnnotator(ONTOLOGY), 100, Duration.ofNanos(1))
                .start("cut", passages);
        assertThat(run.step()).isFalse();
        assertThat(run.done()).as("a write given 20 passages stops after one when its time is up").isEqualTo(1);
        while (!run.step()) {
            assertThat(run.done()).isLessThanOrEqualTo(run.total());
        }
        Map<String, PassageFacets> facets = run.finish();

        assertThat(writes.get()).as("one write per passage").isEqualTo(30);
        List<StoredAnnotation> stored = store.annotationsOf("cut");
        assertThat(stored.stream().map(StoredAnnotation::passageId).distinct()).as("every passage annotated").hasSize(30);
        assertThat(stored.stream().map(StoredAnnotation::id).distinct().count()).as("each suggestion once").isEqualTo(stored.size());
        assertThat(facets).as("every passage's facets").hasSize(30);
        new DocumentAnnotation(store, ONTOLOGY, new PassageAnnotator(ONTOLOGY), 100, STEP).annotate("uncut", passages);
        assertThat(store.annotationsOf("uncut")).as("the same suggestions as a run whose steps were not cut").hasSameSizeAs(stored);
    }

    @Test
    void aRunOverADocumentWithoutSuggestionsDoesNotReadThemAtItsEndAndARunOverOneWithSuggestionsRetractsThoseItNoLongerMakes() {
        AnnotationStore store = new RdfAnnotationStore(TDB2Factory.createDataset());
        List<String> endings = new ArrayList<>();
        AnnotationStore watched = (AnnotationStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AnnotationStore.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("finish")) {
                        endings.add(method.getName());
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        // Five passages a step: thirty take several steps, so the run ends with a finish of its own.
        DocumentAnnotation annotation = new DocumentAnnotation(watched, ONTOLOGY, new PassageAnnotator(ONTOLOGY), 5, STEP);

        annotation.annotate("doc", meetings(30));
        assertThat(endings).as("a document annotated for the first time").containsExactly("finishFreshAutomatic");
        assertThat(store.ontologyVersions()).containsEntry("doc", ONTOLOGY.version());
        assertThat(store.annotationsOf("doc")).filteredOn(a -> a.exact().equals("Samverkan")).hasSize(30);

        // The same document extracted again, its passages now about something else.
        JsonArray other = new JsonArray();
        for (int i = 0; i < 30; i++) {
            other.add(new JsonObject().put("ordinal", i).put("text", "Kompetensförsörjningen och arbetsmiljön oroar cheferna, möte " + i + "."));
        }
        endings.clear();
        annotation.annotate("doc", other);

        assertThat(endings).containsExactly("finishAutomatic");
        assertThat(store.annotationsOf("doc")).filteredOn(a -> a.exact().equals("Samverkan")).as("the first run's suggestions, no longer made")
                .hasSize(30).allMatch(a -> a.state() == ReviewState.RETRACTED);
        assertThat(store.annotationsOf("doc")).filteredOn(a -> a.state() == ReviewState.SUGGESTED).isNotEmpty();
    }

    /** Write transactions an annotation of 400 passages takes when every passage holds the writer for 10 ms. */
    private int stepsAtTenMillisAPassage(Duration step) {
        AnnotationStore store = new RdfAnnotationStore(TDB2Factory.createDataset());
        AtomicInteger writes = new AtomicInteger();
        AnnotationStore tenMillisAPassage = holding(store, writes, stored -> Duration.ofMillis(10L * stored));
        JsonArray passages = meetings(400);
        new DocumentAnnotation(tenMillisAPassage, ONTOLOGY, new PassageAnnotator(ONTOLOGY), 400, step).annotate("large", passages);
        assertThat(store.annotationsOf("large").stream().map(StoredAnnotation::passageId).distinct()).as("every passage annotated").hasSize(400);
        return writes.get();
    }

    @Test
    void stepsHoldTheWriterForAboutTheConfiguredTime() {
        // 20 passages first, then as many as the step holds at 10 ms each: 100 for a second, the floor of 20 for 100 ms.
        assertThat(stepsAtTenMillisAPassage(Duration.ofSeconds(1))).isEqualTo(5);
        assertThat(stepsAtTenMillisAPassage(Duration.ofMillis(100))).isEqualTo(20);
    }

    /** {@code store}, running {@code before} ahead of each step's write ({@code storeSuggestions}): to count it, or to fail it. */
    private AnnotationStore beforeEachStep(AnnotationStore store, Runnable before) {
        return (AnnotationStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AnnotationStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("storeSuggestions")) {
                        before.run();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * {@code store}, its writes reporting that they held the writer lock for {@code held} of the passages they stored,
     * and counted in {@code writes}. Their real time does not cut them: each stores every passage it is given.
     */
    private AnnotationStore holding(AnnotationStore store, AtomicInteger writes, IntFunction<Duration> held) {
        return (AnnotationStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AnnotationStore.class},
                (proxy, method, args) -> {
                    if (args != null && args.length == 4 && args[3] instanceof Duration) {
                        args[3] = AnnotationStore.NO_BUDGET;
                    }
                    Object result = method.invoke(store, args);
                    if (result instanceof AnnotationStore.StoredBatch batch) {
                        writes.incrementAndGet();
                        return new AnnotationStore.StoredBatch(batch.made(), batch.passages(), held.apply(batch.stored()), batch.stored());
                    }
                    return result;
                });
    }

    /** {@code count} short passages of meeting notes, each with suggestions. */
    private static JsonArray meetings(int count) {
        JsonArray passages = new JsonArray();
        for (int i = 0; i < count; i++) {
            passages.add(new JsonObject().put("ordinal", i).put("text", "Samverkan med kommunen ger kontinuitet i vården av patienterna, möte " + i + "."));
        }
        return passages;
    }
}
