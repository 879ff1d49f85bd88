package org.lararena.app;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.describe.TextPipeline;
import org.lararena.ingest.extract.DocumentExtractor;
import org.lararena.ingest.extract.ExtractionConfig;
import org.lararena.ingest.extract.ExtractionException;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.pipeline.ExtractionVerticle;
import org.lararena.ingest.pipeline.AnnotationVerticle;
import org.lararena.ingest.pipeline.IndexingVerticle;
import org.lararena.ingest.pipeline.PendingIndexingVerticle;
import org.lararena.ingest.pipeline.WatchedFolderVerticle;
import org.lararena.ingest.store.DocumentRecord;
import org.lararena.ingest.store.DocumentStatus;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.web.DocumentsEndpoint;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.search.PassageSearch;
import org.lararena.search.SearchEndpoint;
import org.lararena.web.AdminEndpoint;
import org.lararena.web.HealthEndpoint;
import org.lararena.web.HttpServerVerticle;
import org.lararena.web.auth.TokenAuthentication;
import org.lararena.web.auth.WebAuthentication;
import org.lararena.modules.LearningModules;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.modules.Themes;
import org.lararena.web.pages.DocumentPage;
import org.lararena.web.pages.ModulesPage;
import org.lararena.web.pages.UploadPage;
import org.lararena.web.pages.SearchPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the application from its configuration: stores, the pipeline's worker verticles and the HTTP server.
 * Fails to deploy (and so the platform does not start half-way) on invalid configuration or a realm without
 * keys; a dependency that is merely down later shows in {@code /health}.
 */
public final class ApplicationVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationVerticle.class);

    private final LararenaConfig config;
    private ElasticsearchClient elasticsearch;
    private Dataset jena;
    private DocumentStore documents;
    private HttpServerVerticle http;
    private LearningModules modules;
    private AuditLog audit;
    private ExtractionConfig extractionConfig;
    private DocumentExtractor extractor;
    private Ontology ontology;
    private PassageAnnotator annotator;

    public ApplicationVerticle(LararenaConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(this::openStores)
                .compose(v -> TokenAuthentication.discover(vertx, config.keycloak()))
                .compose(tokens -> WebAuthentication.discover(vertx, config, tokens)
                        .compose(web -> deployVerticles(tokens, web)))
                .compose(v -> vertx.executeBlocking(this::resumeAndLoadDemo))
                .onSuccess(v -> LOG.info("Lärarena listens on {}", config.publicUrl()));
    }

    /** The port the HTTP server bound. */
    public int httpPort() {
        return http.actualPort();
    }

    private Void openStores() throws IOException, ExtractionException {
        config.requireWritableDataDir();
        elasticsearch = ElasticsearchClients.create(config.elasticsearch());
        Files.createDirectories(config.dataPath("jena"));
        jena = TDB2Factory.connectDataset(config.dataPath("jena").toString());
        documents = new DocumentStore(config.dataPath("documents"));
        audit = new AuditLog(config.dataPath("audit"));
        // Extraction runs in worker processes of its own: started here, so the first upload does not wait for them.
        ontology = OntologyLoader.fromClasspath();
        annotator = new PassageAnnotator(ontology);
        extractionConfig = ExtractionConfig.defaults()
                .withTimePerFile(config.extraction().timePerFile())
                .withWorkerHeapMegabytes(config.extraction().workerHeapMb())
                .withWorkers(config.extraction().workers())
                .withMaxOutputCharacters(config.extraction().maxOutputChars())
                .withMaxPackageDepth(config.extraction().maxNesting())
                .withMaxCompressionRatio(config.extraction().maxZipRatio());
        extractor = new DocumentExtractor(extractionConfig);
        extractor.warmUp();
        Files.createDirectories(config.dataPath("uploads"));
        modules = LearningModules.load(config.home().resolve("modules"), Themes.TOP_THEME_LABELS);
        modules.problems().forEach(problem -> LOG.warn("Learning module left out: {}", problem));
        return null;
    }

    private Future<?> deployVerticles(TokenAuthentication authentication, WebAuthentication web) {
        PassageIndex index = new PassageIndex(elasticsearch, config.elasticsearch().indexPrefix());
        PassageIndexer indexer = new PassageIndexer(elasticsearch, index);
        PassageSearch search = new PassageSearch(elasticsearch, index.alias(), this::themeLabel);
        DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
        http = new HttpServerVerticle(config, web,
                List.of(new HealthEndpoint(vertx, elasticsearch, authentication, jena)::addRoutes),
                List.of(new DocumentsEndpoint(vertx, documents, config.maxUploadBytes(), config.dataPath("uploads"), search::passagesOf,
                                indexer, audit)::addRoutes,
                        new SearchEndpoint(vertx, search)::addRoutes,
                        new AdminEndpoint(vertx, index, audit)::addRoutes),
                List.of(new SearchPage(vertx, search)::addRoutes,
                        new DocumentPage(vertx, documents, search)::addRoutes,
                        new ModulesPage(modules)::addRoutes,
                        new UploadPage()::addRoutes));
        return vertx.executeBlocking(() -> {
                    ensureIndex(index);
                    return null;
                })
                .compose(v -> vertx.deployVerticle(() -> new ExtractionVerticle(documents, extractor, new TextPipeline()),
                        new DeploymentOptions(worker).setInstances(extractionConfig.workers())))
                .compose(v -> vertx.deployVerticle(() -> new AnnotationVerticle(documents, ontology, annotator), worker))
                // Several indexers: each waits for Elasticsearch's refresh, so they overlap the waiting.
                .compose(v -> vertx.deployVerticle(() -> new IndexingVerticle(documents, indexer), new DeploymentOptions(worker).setInstances(4)))
                .compose(v -> vertx.deployVerticle(new PendingIndexingVerticle(documents, Duration.ofSeconds(10)), worker))
                .compose(v -> config.watchDir().isPresent()
                        ? vertx.deployVerticle(new WatchedFolderVerticle(config.watchDir().get(), documents, Duration.ofSeconds(2)), worker)
                        : Future.succeededFuture())
                .compose(v -> vertx.deployVerticle(http));
    }

    /** Elasticsearch may be down at start: the application still starts, /health says so, and indexing waits. */
    private static void ensureIndex(PassageIndex index) {
        try {
            index.ensureExists();
        } catch (RuntimeException e) {
            LOG.warn("The passage index could not be checked now ({}); documents wait until Elasticsearch answers", e.getMessage());
        }
    }

    private Void resumeAndLoadDemo() {
        for (DocumentRecord unfinished : documents.unfinished()) {
            if (documents.pendingIndexing().contains(unfinished.id())) {
                continue; // waits in the durable indexing queue, which PendingIndexingVerticle drains
            }
            LOG.info("Resuming {} ({}), left {}", unfinished.id(), unfinished.filename(), unfinished.status().wireName());
            // From the last completed step: passages kept by extraction go straight to indexing.
            var extracted = unfinished.status() == DocumentStatus.QUEUED || unfinished.status() == DocumentStatus.EXTRACTING
                    ? java.util.Optional.<JsonObject>empty() : documents.passages(unfinished.id());
            if (extracted.isPresent()) {
                vertx.eventBus().send(IngestAddresses.DOCUMENT_EXTRACTED, extracted.get());
            } else {
                vertx.eventBus().send(IngestAddresses.DOCUMENT_RECEIVED, new JsonObject().put("documentId", unfinished.id()));
            }
        }
        if (config.loadDemoData()) {
            DemoData.loadOnce(config.dataPath("demo-loaded"), documents,
                    record -> vertx.eventBus().send(IngestAddresses.DOCUMENT_RECEIVED, new JsonObject().put("documentId", record.id())));
        }
        return null;
    }

    /** A theme's Swedish label; an IRI the ontology no longer knows (after a change) shows as itself. */
    private String themeLabel(String iri) {
        return ontology.concept(iri).isPresent() ? ontology.labelSv(iri) : iri;
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            if (jena != null) {
                jena.close();
            }
            if (extractor != null) {
                extractor.close();
            }
            if (elasticsearch != null) {
                elasticsearch.close();
            }
            return null;
        });
    }
}
