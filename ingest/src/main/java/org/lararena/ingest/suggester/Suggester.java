package org.lararena.ingest.suggester;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.ontology.suggest.SuggesterTraining;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suggester model in service, and its training. The model lives in {@code suggester/model.json} of the data
 * directory, with its version; without one the dictionary decides alone (version 0). Training reads the whole decision
 * log, so a model can always be rebuilt from it; it runs on one thread of its own, never on an event loop and never
 * holding the annotation store: a run of researchers' decisions is followed, {@code retrainAfter} after the last
 * one, by one training in the background; an explicit one ({@link #train()}) waits its turn. A model is put in
 * service only when it passes the {@link org.lararena.ontology.suggest.ServiceCheck} on held-out decisions (enough of them, and
 * better than the dictionary's alone by a margin; {@code lastTraining.reason} says why or why not); new documents are
 * annotated with the model in service ({@link #get()}), annotations already made stay as they are.
 */
public final class Suggester implements Supplier<SuggesterModel>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Suggester.class);
    static final String MODEL_FILE = "model.json";

    private final DecisionLog decisions;
    private final SuggesterTraining training;
    private final Path directory;
    private final Duration retrainAfter;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "suggester-training");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile SuggesterModel current;
    /** The last training's outcome, also when its model was not put in service. */
    private volatile JsonObject lastTraining;
    private ScheduledFuture<?> pending;

    /** Reads the model in service from {@code directory}; blocking. */
    public Suggester(DecisionLog decisions, SuggesterTraining training, Path directory, Duration retrainAfter) {
        this.decisions = Objects.requireNonNull(decisions);
        this.training = Objects.requireNonNull(training);
        this.directory = Objects.requireNonNull(directory);
        this.retrainAfter = Objects.requireNonNull(retrainAfter);
        this.current = load(directory.resolve(MODEL_FILE));
    }

    private static SuggesterModel load(Path file) {
        try {
            return SuggesterModel.fromJson(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return SuggesterModel.DICTIONARY_ONLY;
        } catch (IOException | RuntimeException e) {
            // The decision log is the source: the next training builds the model again.
            LOG.warn("The suggester model in {} could not be read ({}); the dictionary suggests alone until the next training", file,
                    e.getMessage());
            return SuggesterModel.DICTIONARY_ONLY;
        }
    }

    /** The model in service. */
    @Override
    public SuggesterModel get() {
        return current;
    }

    /**
     * {@code {version, decisions, trainedAt, evaluation, lastTraining?}}: the model in service and the last training's outcome
     * ({@code lastTraining.inService}, {@code lastTraining.reason}).
     */
    public JsonObject status() {
        JsonObject status = current.status();
        JsonObject last = lastTraining;
        return last == null ? status : status.put("lastTraining", last);
    }

    /** A researcher decided something: a training follows once decisions have paused for {@code retrainAfter}. */
    public synchronized void decisionRecorded() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = thread.schedule(this::trainLogged, retrainAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Trains from the whole decision log now (after a training under way); completes with {@link #status()}. */
    public CompletableFuture<JsonObject> train() {
        return CompletableFuture.supplyAsync(() -> {
            trainNow();
            return status();
        }, thread);
    }

    /** Puts the dictionary alone back in service under a new version; completes with {@link #status()}. */
    public CompletableFuture<JsonObject> reset() {
        return CompletableFuture.supplyAsync(() -> {
            putInService(SuggesterModel.DICTIONARY_ONLY.withVersion(current.version() + 1));
            lastTraining = null;
            return status();
        }, thread);
    }

    private void trainLogged() {
        try {
            trainNow();
        } catch (RuntimeException e) {
            LOG.warn("The suggester could not learn from the decisions: {}", e.getMessage(), e);
        }
    }

    private void trainNow() {
        long started = System.nanoTime();
        SuggesterTraining.Outcome outcome = training.train(decisions.passages(), current.version() + 1);
        SuggesterModel model = outcome.model();
        if (outcome.inService()) {
            putInService(model);
        }
        // Published after the model is in service: whoever sees this training's outcome sees its model in service.
        lastTraining = model.status().put("inService", outcome.inService()).put("reason", outcome.reason());
        LOG.info("Suggester trained on {} decisions in {} ms, version {}: {}", model.decisions(), (System.nanoTime() - started) / 1_000_000,
                model.version(), outcome.reason());
    }

    private void putInService(SuggesterModel model) {
        try {
            Files.createDirectories(directory);
            Path written = directory.resolve(MODEL_FILE + ".tmp");
            Files.writeString(written, model.toJson().encode(), StandardCharsets.UTF_8);
            Files.move(written, directory.resolve(MODEL_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the suggester model could not be saved", e);
        }
        current = model;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
