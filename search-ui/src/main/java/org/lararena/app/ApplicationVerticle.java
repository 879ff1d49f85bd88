package org.lararena.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.lararena.ingest.index.FacetFollower;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.pipeline.AnnotationVerticle;
import org.lararena.ingest.pipeline.ExtractionVerticle;
import org.lararena.ingest.pipeline.IndexingVerticle;
import org.lararena.ingest.pipeline.OrphanedDocumentsVerticle;
import org.lararena.ingest.pipeline.PendingIndexingVerticle;
import org.lararena.ingest.pipeline.UnfinishedDocuments;
import org.lararena.ingest.pipeline.WatchedFolderVerticle;
import org.lararena.ontology.store.rdf.StoreCompaction;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.services.ServiceSupervisor;
import org.lararena.web.HttpServerVerticle;
import org.lararena.web.auth.TokenAuthentication;
import org.lararena.web.auth.WebAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the application from its configuration: the services ({@link Wiring}), then the pipeline's verticles and
 * the HTTP server with its routes ({@link Routes}), then the work a start owes (unfinished documents, demo data,
 * re-annotation). Fails to deploy (and so the platform does not start half-way) on invalid configuration or a
 * realm without keys; a dependency that is merely down later shows in {@code /health}.
 */
public final class ApplicationVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationVerticle.class);
    /** How often an instance of a cluster looks for documents left unfinished by an instance that left it. */
    private static final Duration ORPHAN_LOOK_INTERVAL = Duration.ofSeconds(5);

    private final LararenaConfig config;
    private final Supplier<List<ServiceSupervisor.Status>> managedServers;
    private Services services;
    private HttpServerVerticle http;

    public ApplicationVerticle(LararenaConfig config) {
        this(config, List::of);
    }

    /** @param managedServers what the supervisors of the managed servers say now ({@code /health} names one that is away) */
    public ApplicationVerticle(LararenaConfig config, Supplier<List<ServiceSupervisor.Status>> managedServers) {
        this.config = Objects.requireNonNull(config);
        this.managedServers = Objects.requireNonNull(managedServers);
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> services = Wiring.services(vertx, config))
                .compose(v -> TokenAuthentication.discover(vertx, config.keycloak(), services.self()))
                .compose(tokens -> WebAuthentication.discover(vertx, config, tokens)
                        .compose(web -> deployVerticles(tokens, web)))
                .compose(v -> vertx.executeBlocking(this::resumeAndLoadDemo))
                .onSuccess(v -> reannotateOutdated())
                .onSuccess(v -> LOG.info("Lärarena listens on {}", config.publicUrl()));
    }

    /** The port the HTTP server bound. */
    public int httpPort() {
        return http.actualPort();
    }

    private Future<?> deployVerticles(TokenAuthentication authentication, WebAuthentication web) {
        // Every write leaves copied pages behind in TDB2's files: compacted once they have grown enough.
        vertx.setPeriodic(config.annotation().compactCheck().toMillis(), timer -> vertx.executeBlocking(
                () -> services.storeCompactions().stream().map(StoreCompaction::compactIfGrown).toList(), false)
                .onFailure(e -> LOG.warn("The annotation store could not be compacted: {}", e.getMessage())));
        http = Routes.httpServer(vertx, config, services, authentication, web, managedServers);
        DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
        return vertx.executeBlocking(() -> {
                    ensureIndex(services.index(), services.facetFollower());
                    // Before the HTTP server answers: an erased document is never served, not even while a restore is replayed.
                    replayErasures();
                    return null;
                })
                // One extraction verticle keeping its own queue, so that stopping never waits for the files queued in it.
                .compose(v -> vertx.deployVerticle(new ExtractionVerticle(services.documents(), services.extractor(), services.textPipeline(),
                        config.extraction().workers())))
                // One annotation verticle: documents take turns in steps of a short write transaction each.
                .compose(v -> vertx.deployVerticle(new AnnotationVerticle(services.documents(), services.documentAnnotation())))
                // One indexer: it gathers documents into batches, one bulk request and one refresh each.
                .compose(v -> vertx.deployVerticle(new IndexingVerticle(services.documents(), services.indexer(), config.indexing()), worker))
                .compose(v -> vertx.deployVerticle(new PendingIndexingVerticle(services.documents(), Duration.ofSeconds(10),
                        config.indexing().batchDocuments()), worker))
                // In a cluster, a document whose instance left it is finished by another (every 5 s a look), and a
                // restarted cluster resumes its unfinished documents the same way; a single instance resumes them below.
                .compose(v -> vertx.isClustered() ? vertx.deployVerticle(new OrphanedDocumentsVerticle(services.documents(),
                        services.members()::now, ORPHAN_LOOK_INTERVAL)) : Future.succeededFuture())
                .compose(v -> config.search().answerCacheBytes() > 0 ? vertx.deployVerticle(services.othersChanges(), worker) : Future.succeededFuture())
                .compose(v -> config.watchDir().isPresent()
                        ? vertx.deployVerticle(new WatchedFolderVerticle(config.watchDir().get(), services.documents(), Duration.ofSeconds(2)), worker)
                        : Future.succeededFuture())
                // Serves once it hears the cluster's jobs, so a job another instance runs is listed from the first request.
                .compose(v -> services.jobs().listening())
                .compose(v -> vertx.deployVerticle(http));
    }

    /** Elasticsearch may be down at start: the application still starts, /health says so, and indexing waits. */
    private static void ensureIndex(PassageIndex index, FacetFollower facets) {
        try {
            // An index of an older mapping is copied with the passages' facets as the annotation store holds them.
            index.ensureExists(facets::facetsOf);
        } catch (RuntimeException e) {
            LOG.warn("The passage index could not be checked now ({}); documents wait until Elasticsearch answers", e.getMessage());
        }
    }

    /**
     * Erasures recorded but not carried out everywhere (one stopped half-way, or recorded after the backup this
     * directory was restored from) are finished before any document is resumed. Elasticsearch away: the next start tries again.
     */
    private void replayErasures() {
        try {
            services.erasure().replayUnfinished();
        } catch (RuntimeException e) {
            LOG.error("Recorded erasures could not be finished now ({}); they are tried again at the next start", e.getMessage());
        }
    }

    private Void resumeAndLoadDemo() {
        if (!vertx.isClustered()) {
            UnfinishedDocuments.resume(services.documents(), vertx.eventBus());
        }
        if (config.loadDemoData()) {
            DemoData.loadOnce(config.dataPath("demo-loaded"), services.documents(), services.demoCoding(), vertx.eventBus());
        }
        return null;
    }

    /** Documents annotated with another ontology version are annotated again, in the background. */
    private void reannotateOutdated() {
        vertx.executeBlocking(services.reannotation()::outdated, false)
                .onFailure(e -> LOG.warn("Re-annotation with the current ontology failed: {}", e.getMessage()));
    }

    @Override
    public Future<?> stop() {
        return services == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
            services.close();
            return null;
        });
    }
}
