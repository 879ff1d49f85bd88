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
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.lararena.ontology.suggest.SuggesterModel;
import org.lararena.ontology.suggest.SuggesterTraining;
import org.lararena.platform.StillWorkingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suggester model in service, and its training. The model lives in {@code suggester/model.json} of the data
 * directory, with its version; without one the dictionary decides alone (version 0). Training reads the whole decision
 * log, so a model can always be rebuilt from it; it runs on one thread of its own, never on an event loop and never
 * holding the annotation store: a run of researchers' decisions is followed, {@code retrainAfter} after the last
 * one, by one training in the background; an explicit one ({@link #train()}) waits its turn, and is answered within
 * {@code trainWait} whether it has ended or not. A model is put in service only when it passes the
 * {@link org.lararena.ontology.suggest.ServiceCheck} on held-out decisions (enough of them, and an F1 and a precision
 * not lower than the dictionary's alone; {@code lastTraining.reason} says why or why not); new documents are annotated
 * with the model in service ({@link #get()}), annotations already made stay as they are.
 */
public final class Suggester implements Supplier<SuggesterModel>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Suggester.class);
    static final String MODEL_FILE = "model.json";
    /** When a caller told that the training goes on may look again; a training of many decisions takes a minute or so. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final DecisionLog decisions;
    private final SuggesterTraining training;
    private final Path directory;
    private final Duration retrainAfter;
    private final Duration trainWait;
    private final ScheduledExecutorService thread;
    private volatile SuggesterModel current;
    /** The last training's outcome, also when its model was not put in service. */
    private volatile JsonObject lastTraining;
    private ScheduledFuture<?> pending;
    /** An explicit training asked for and not yet started, which every later request joins; null when there is none. */
    private CompletableFuture<JsonObject> queuedTraining;

    /**
     * Reads the model in service from {@code directory}; blocking. {@code trainWait}: the longest {@link #train()}
     * keeps its caller waiting.
     */
    public Suggester(DecisionLog decisions, SuggesterTraining training, Path directory, Duration retrainAfter, Duration trainWait) {
        this(decisions, training, directory, retrainAfter, trainWait, Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "suggester-training");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        }));
    }

    /** With the one thread every training runs on, for tests that hold it. */
    Suggester(DecisionLog decisions, SuggesterTraining training, Path directory, Duration retrainAfter, Duration trainWait,
              ScheduledExecutorService thread) {
        this.decisions = Objects.requireNonNull(decisions);
        this.training = Objects.requireNonNull(training);
        this.directory = Objects.requireNonNull(directory);
        this.retrainAfter = Objects.requireNonNull(retrainAfter);
        this.trainWait = Objects.requireNonNull(trainWait);
        this.thread = Objects.requireNonNull(thread);
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

    /**
     * Trains from the whole decision log now (after a training under way); completes with {@link #status()}, or
     * after {@code trainWait} with a {@link StillWorkingException} while the training goes on.
     *
     * <p>A request made while another request's training waits for the thread joins it rather than queueing one more:
     * that training reads the decision log when it starts, so it learns from every decision made before either
     * request. A training that has started does not see later decisions, so a request made then gets one of its own.
     */
    public CompletableFuture<JsonObject> train() {
        CompletableFuture<JsonObject> training;
        synchronized (this) {
            if (queuedTraining == null) {
                CompletableFuture<JsonObject> queued = new CompletableFuture<>();
                thread.execute(() -> runQueued(queued));
                queuedTraining = queued;
            }
            training = queuedTraining;
        }
        return training.copy()
                .orTimeout(trainWait.toMillis(), TimeUnit.MILLISECONDS)
                // The wait's end arrives as it is; a training's own failure passes on as futures pass failures on.
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(failure instanceof TimeoutException ? stillTraining() : failure));
    }

    private void runQueued(CompletableFuture<JsonObject> queued) {
        synchronized (this) {
            queuedTraining = null;
        }
        try {
            trainNow();
            queued.complete(status());
        } catch (Throwable e) {
            // Whatever ends the training, its requests are answered now rather than told after their wait that it goes on.
            queued.completeExceptionally(e);
        }
    }

    private StillWorkingException stillTraining() {
        String waited = trainWait.toMillis() % 1000 == 0 ? trainWait.toSeconds() + " s" : trainWait.toMillis() + " ms";
        return new StillWorkingException("The suggester is still learning from the decisions after " + waited
                + ", longer than this request waits (LARARENA_SUGGESTER_TRAIN_WAIT_SECONDS). The training goes on; GET"
                + " /api/suggester shows its outcome (lastTraining) once it ends.", RETRY_AFTER);
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
