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
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.tdb2.TDB2Factory;
import org.lararena.backup.BackupEndpoint;
import org.lararena.backup.DataBackup;
import org.lararena.backup.DataFormat;
import org.lararena.erasure.Erasure;
import org.lararena.erasure.ErasureEndpoint;
import org.lararena.erasure.ErasureLog;
import org.lararena.erasure.Retention;
import org.lararena.ingest.IngestAddresses;
import org.lararena.ingest.describe.TextPipeline;
import org.lararena.ingest.extract.DocumentExtractor;
import org.lararena.ingest.extract.ExtractionException;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.pipeline.ExtractionVerticle;
import org.lararena.ingest.pipeline.AnnotationVerticle;
import org.lararena.ingest.pipeline.IndexRebuild;
import org.lararena.ingest.pipeline.IndexingVerticle;
import org.lararena.ingest.pipeline.PendingIndexingVerticle;
import org.lararena.ingest.pipeline.WatchedFolderVerticle;
import org.lararena.ingest.pipeline.DocumentAnnotation;
import org.lararena.ingest.pipeline.Reannotation;
import org.lararena.ingest.pipeline.UnfinishedDocuments;
import org.lararena.ingest.index.FacetFollower;
import org.lararena.ingest.index.PassageConcepts;
import org.lararena.annotations.AnnotationsEndpoint;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.StoreCompaction;
import org.lararena.ontology.store.StoreTransactions;
import org.lararena.ontology.store.TdbAnnotationStore;
import org.lararena.ontology.store.remote.RemoteTransactions;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.web.DocumentsEndpoint;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.RequestWork;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.services.ServiceSupervisor;
import org.lararena.search.IndexChangeWatch;
import org.lararena.search.PassageSearch;
import org.lararena.search.SearchAnswerCache;
import org.lararena.search.SearchEndpoint;
import org.lararena.search.SuggestEndpoint;
import org.lararena.search.Suggestions;
import org.lararena.sparql.ReadableGraphs;
import org.lararena.sparql.SparqlEndpoint;
import org.lararena.sparql.SparqlService;
import org.lararena.themes.ThemesEndpoint;
import org.lararena.search.AnalysisEndpoint;
import org.lararena.ontology.Concept;
import org.lararena.web.pages.AnalysisPage;
import org.lararena.web.pages.InsightsPage;
import org.lararena.insights.InsightStore;
import org.lararena.insights.Insights;
import org.lararena.insights.InsightsEndpoint;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lararena.web.AdminEndpoint;
import org.lararena.web.Jobs;
import org.lararena.web.HealthEndpoint;
import org.lararena.web.HttpServerVerticle;
import org.lararena.web.OpenApiEndpoint;
import org.lararena.web.auth.TokenAuthentication;
import org.lararena.web.auth.WebAuthentication;
import org.lararena.modules.LearningModules;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.suggest.SuggesterTraining;
import org.lararena.ingest.suggester.DecisionLog;
import org.lararena.ingest.suggester.Suggester;
import org.lararena.suggester.SuggesterEndpoint;
import org.lararena.ontology.Suggestion;
import org.lararena.codebook.CodebookActions;
import org.lararena.codebook.CodebookEndpoint;
import org.lararena.codebook.SynonymProposals;
import org.lararena.coding.ConceptsEndpoint;
import org.lararena.ontology.codebook.Codebook;
import org.lararena.web.pages.CodebookPage;
import org.lararena.web.pages.ImportPage;
import java.util.concurrent.atomic.AtomicLong;
import org.lararena.coding.MemoStore;
import org.lararena.coding.MemosEndpoint;
import org.lararena.exchange.ExchangeEndpoint;
import org.lararena.exchange.RefiQdaImports;
import org.lararena.web.pages.CodingPage;
import org.lararena.web.pages.DocumentPage;
import org.lararena.web.pages.AgreementPage;
import org.lararena.web.pages.ModulesPage;
import org.lararena.web.pages.UploadPage;
import org.lararena.web.pages.SearchPage;
import org.lararena.teamcoding.AgreementEndpoint;
import org.lararena.teamcoding.TeamCodingEndpoint;
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
    private final Supplier<List<ServiceSupervisor.Status>> managedServers;
    private ElasticsearchClient elasticsearch;
    private Dataset jena;
    /** The shared RDF store the annotations live in, when they do not live in {@link #jena} (LARARENA_RDF_URL). */
    private Optional<RemoteTransactions> rdfStore = Optional.empty();
    private StoreCompaction storeCompaction;
    private DocumentStore documents;
    private HttpServerVerticle http;
    private LearningModules modules;
    private AuditLog audit;
    private DocumentExtractor extractor;
    private Ontology ontology;
    private Codebook codebook;
    /** Moves with every codebook change, so that cached search answers (with concept labels) are made again. */
    private final AtomicLong codebookChanges = new AtomicLong();
    private PassageAnnotator annotator;
    private Suggester suggester;
    /** {@link #themesNamedIn}'s answers for the last {@value #RECENT_QUERIES} query texts, least recently used out first. */
    private final Map<String, Set<String>> themesNamedInRecentQueries = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                    return size() > RECENT_QUERIES;
                }
            });
    private static final int RECENT_QUERIES = 2_000;
    private MemoStore memos;
    private AnnotationStore annotations;
    private DocumentAnnotation documentAnnotation;
    private Reannotation reannotation;
    private DemoCoding demoCoding;
    private InsightStore insightStore;
    private FacetFollower facetFollower;
    private TextPipeline textPipeline;
    private RequestWork requestWork;
    private ErasureLog erasureLog;
    private Erasure erasure;

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
        return vertx.executeBlocking(this::openStores)
                .compose(v -> TokenAuthentication.discover(vertx, config.keycloak()))
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

    private Void openStores() throws IOException, ExtractionException {
        config.requireWritableDataDir();
        DataFormat.prepare(config.dataDir());
        elasticsearch = ElasticsearchClients.create(config.elasticsearch());
        Files.createDirectories(config.dataPath("jena"));
        jena = TDB2Factory.connectDataset(config.dataPath("jena").toString());
        documents = new DocumentStore(config.dataPath("documents"));
        audit = new AuditLog(config.dataPath("audit"));
        memos = new MemoStore(config.dataPath("memos"), config.maxMemoChars(), Clock.systemUTC());
        // Extraction runs in worker processes of its own: started here, so the first upload does not wait for them.
        // An ontology of this application's own, not the process-wide shipped one: the codebook changes it in place,
        // and another application in the same JVM (a test's) must not see those changes.
        ontology = OntologyLoader.fromClasspath();
        // The annotator as an agent carries the suggester model's version (asked at each run; the suggester comes below).
        annotations = annotationStore(() -> TdbAnnotationStore.annotatorVersion(suggester == null ? 0 : suggester.get().version()));
        // The shipped ontology is the seed; researchers' changes to the codebook are laid over it before anything reads it.
        codebook = new Codebook(jena, ontology, annotations, Clock.systemUTC());
        codebook.open().forEach(conflict -> LOG.warn("Codebook: {}", conflict));
        // The annotator asks the suggester for the model in service at each passage; the suggester trains against it.
        annotator = new PassageAnnotator(ontology, PassageAnnotator.DEFAULT_THRESHOLD, () -> suggester.get());
        suggester = new Suggester(new DecisionLog(documents, annotations, ontology), new SuggesterTraining(annotator, ontology, Clock.systemUTC()),
                config.dataPath("suggester"), config.annotation().suggesterRetrainAfter());
        SparqlService.publishOntology(jena, ontology);
        storeCompaction = new StoreCompaction(jena, config.dataPath("jena"), config.annotation().compactGrowthBytes());
        documentAnnotation = new DocumentAnnotation(annotations, ontology, annotator, config.annotation().batchPassages());
        // The workers' temporary files (warm-up samples, parsers' spooled copies) stay in the data directory.
        extractor = new DocumentExtractor(config.extraction(), config.dataPath("extraction"));
        extractor.warmUp();
        // Its vocabulary reads the word lists and the ontology: made here, off the event loop.
        textPipeline = new TextPipeline(ontology);
        Files.createDirectories(config.dataPath("uploads"));
        Files.createDirectories(config.dataPath("exchange"));
        modules = LearningModules.load(config.home().resolve("modules"), ontology.topThemeLabels());
        modules.problems().forEach(problem -> LOG.warn("Learning module left out: {}", problem));
        insightStore = new InsightStore(config.dataPath("insights"));
        erasureLog = new ErasureLog(config.dataDir());
        return null;
    }

    /**
     * The annotation store: in the embedded TDB2 of the data directory, or, with {@code LARARENA_RDF=fuseki} or
     * {@code LARARENA_RDF_URL}, in the RDF store several instances share (docs/scaling.md), which must answer now.
     */
    private AnnotationStore annotationStore(Supplier<String> annotatorVersion) {
        rdfStore = config.rdf().url().map(url -> RemoteTransactions.reachable(url.toString()));
        StoreTransactions store = rdfStore.<StoreTransactions>map(remote -> remote).orElseGet(() -> StoreTransactions.local(jena));
        return new TdbAnnotationStore(store, annotatorVersion);
    }

    private Future<?> deployVerticles(TokenAuthentication authentication, WebAuthentication web) {
        PassageIndex index = new PassageIndex(elasticsearch, config.elasticsearch());
        PassageIndexer indexer = new PassageIndexer(elasticsearch, index);
        erasure = new Erasure(documents, annotations, indexer, memos, insightStore, erasureLog, audit, Clock.systemUTC(),
                storeCompaction::compact);
        // Every write leaves copied pages behind in TDB2's files: compacted once they have grown enough.
        vertx.setPeriodic(config.annotation().compactCheck().toMillis(), timer -> vertx.executeBlocking(storeCompaction::compactIfGrown, false)
                .onFailure(e -> LOG.warn("The annotation store could not be compacted: {}", e.getMessage())));
        PassageSearch search = new PassageSearch(elasticsearch, index.alias(), ontology::labelSvOrIri, this::themesNamedIn,
                config.search().requestCache()).withDecisionCounts((concept, term) -> suggester.get().decisionsAbout(concept, term));
        IndexChangeWatch othersChanges = new IndexChangeWatch(elasticsearch, index.alias(), config.search().changePoll());
        SearchAnswerCache answers = new SearchAnswerCache(config.search().answerCacheBytes(),
                // A new suggester model changes how many decisions a hit's suggestions were learned from.
                () -> index.changes() + othersChanges.changes() + codebookChanges.get() + suggester.get().version());
        PassageConcepts passageConcepts = new PassageConcepts(elasticsearch, index);
        facetFollower = new FacetFollower(vertx, annotations, ontology, passageConcepts);
        requestWork = new RequestWork(vertx, config.requests().workers(), config.requests().busyAfter());
        reannotation = new Reannotation(documents, annotations, documentAnnotation, passageConcepts);
        demoCoding = new DemoCoding(vertx, annotations, ontology, passageConcepts);
        AnalysisEndpoint analysis = new AnalysisEndpoint(requestWork, search, ontology.topThemes().stream().map(Concept::iri).toList());
        Insights insights = new Insights(insightStore, modules.insights().stream().map(i -> Insights.fromModule(i, ontology::topThemeIri)).toList(),
                iri -> ontology.concept(iri).isPresent(), ontology::labelSv, search::passagesById, Clock.systemUTC(), config.maxInsightChars());
        SynonymProposals proposals = new SynonymProposals(codebook::ontology, suggester, config.dataPath("codebook").resolve("rejected-proposals.json"));
        CodebookActions codebookActions = new CodebookActions(codebook, annotations, audit, facetFollower::changed, this::codebookChanged, proposals);
        // One list of jobs: an admin follows every job there, a researcher the imports they started.
        Jobs jobs = new Jobs(vertx, Clock.systemUTC());
        RefiQdaImports imports = new RefiQdaImports(vertx, documents, annotations, memos, codebookActions, audit, jobs, config.exchange(),
                config.maxMemoChars(), config.dataPath("exchange"));
        Map<String, String> themeChoices = new LinkedHashMap<>();
        ontology.topThemes().forEach(theme -> themeChoices.put(theme.iri(), theme.labelSv()));
        DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
        http = new HttpServerVerticle(config, web,
                List.of(new HealthEndpoint(vertx, elasticsearch, authentication, jena, managedServers, rdfStore)::addRoutes, new OpenApiEndpoint()::addRoutes),
                List.of(new DocumentsEndpoint(vertx, requestWork, documents, config.maxUploadBytes(), config.dataPath("uploads"), search::passagesOf,
                                indexer, audit, ontology)::addRoutes,
                        new SearchEndpoint(vertx, requestWork, search, answers)::addRoutes,
                        new SuggestEndpoint(requestWork, new Suggestions(elasticsearch, index.alias(), ontology))::addRoutes,
                        new ThemesEndpoint(requestWork, ontology, search)::addRoutes,
                        new AdminEndpoint(vertx, requestWork, new IndexRebuild(documents, annotations, ontology, index, indexer,
                                config.indexing().batchDocuments()), reannotation, jobs, audit)::addRoutes,
                        new AnnotationsEndpoint(requestWork, documents, annotations, ontology, facetFollower, audit,
                                suggester::decisionRecorded, suggester)::addRoutes,
                        new SuggesterEndpoint(vertx, requestWork, suggester, audit)::addRoutes,
                        new TeamCodingEndpoint(requestWork, documents, annotations, facetFollower, audit)::addRoutes,
                        new AgreementEndpoint(requestWork, documents, annotations, ontology)::addRoutes,
                        analysis::addRoutes,
                        new InsightsEndpoint(requestWork, insights)::addRoutes,
                        new MemosEndpoint(requestWork, memos, (passageId, caller) -> search.context(passageId, 0, 0, caller))::addRoutes,
                        new ConceptsEndpoint(ontology)::addRoutes,
                        new CodebookEndpoint(requestWork, codebookActions)::addRoutes,
                        new ExchangeEndpoint(vertx, requestWork, documents, annotations, memos, codebookActions, audit, imports, config.exchange(),
                                config.dataPath("exchange"), Clock.systemUTC())::addRoutes,
                        new BackupEndpoint(vertx, new DataBackup(config, elasticsearch, jena, Clock.systemUTC()), audit, erasureLog)::addRoutes,
                        new ErasureEndpoint(requestWork, erasure, new Retention(documents, config.retention(), config.dataDir(), erasure::eraseDocuments,
                                Clock.systemUTC()))::addRoutes),
                List.of(new SearchPage(vertx, search, answers, ontology)::addRoutes,
                        new DocumentPage(vertx, documents, search, ontology, annotations)::addRoutes,
                        new CodingPage(vertx, documents, search, ontology, config.maxMemoChars())::addRoutes,
                        new ModulesPage(modules, themeIrisByLabel(ontology))::addRoutes,
                        new UploadPage(ontology)::addRoutes,
                        // /sparql sits beside the pages (the protocol's path); it refuses anonymous callers itself.
                        new SparqlEndpoint(requestWork, new SparqlService(jena, ReadableGraphs.of(documents), config.sparql(), config.rdf().url()), audit)::addRoutes,
                        new AnalysisPage(analysis)::addRoutes,
                        new CodebookPage(requestWork, codebookActions)::addRoutes,
                        new ImportPage(requestWork, imports, codebookActions, jobs, config.exchange(), config.dataPath("exchange"))::addRoutes,
                        new AgreementPage(requestWork, documents, annotations, ontology)::addRoutes,
                        new InsightsPage(vertx, insights, themeChoices)::addRoutes));
        return vertx.executeBlocking(() -> {
                    ensureIndex(index, facetFollower);
                    // Before the HTTP server answers: an erased document is never served, not even while a restore is replayed.
                    replayErasures();
                    return null;
                })
                // One extraction verticle keeping its own queue, so that stopping never waits for the files queued in it.
                .compose(v -> vertx.deployVerticle(new ExtractionVerticle(documents, extractor, textPipeline, config.extraction().workers())))
                // One annotation verticle: documents take turns in steps of a short write transaction each.
                .compose(v -> vertx.deployVerticle(new AnnotationVerticle(documents, documentAnnotation)))
                // One indexer: it gathers documents into batches, one bulk request and one refresh each.
                .compose(v -> vertx.deployVerticle(new IndexingVerticle(documents, indexer, config.indexing()), worker))
                .compose(v -> vertx.deployVerticle(new PendingIndexingVerticle(documents, Duration.ofSeconds(10),
                        config.indexing().batchDocuments()), worker))
                .compose(v -> config.search().answerCacheBytes() > 0 ? vertx.deployVerticle(othersChanges, worker) : Future.succeededFuture())
                .compose(v -> config.watchDir().isPresent()
                        ? vertx.deployVerticle(new WatchedFolderVerticle(config.watchDir().get(), documents, Duration.ofSeconds(2)), worker)
                        : Future.succeededFuture())
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

    /** Documents annotated with another ontology version are annotated again, in the background. */
    private void reannotateOutdated() {
        vertx.executeBlocking(reannotation::outdated, false)
                .onFailure(e -> LOG.warn("Re-annotation with the current ontology failed: {}", e.getMessage()));
    }

    private Void resumeAndLoadDemo() {
        UnfinishedDocuments.resume(documents, vertx.eventBus());
        if (config.loadDemoData()) {
            DemoData.loadOnce(config.dataPath("demo-loaded"), documents, record -> {
                demoCoding.watch(record);
                vertx.eventBus().send(IngestAddresses.DOCUMENT_RECEIVED, new JsonObject().put("documentId", record.id()));
            });
        }
        return null;
    }

    /**
     * Erasures recorded but not carried out everywhere (one stopped half-way, or recorded after the backup this
     * directory was restored from) are finished before any document is resumed. Elasticsearch away: the next start tries again.
     */
    private void replayErasures() {
        try {
            erasure.replayUnfinished();
        } catch (RuntimeException e) {
            LOG.error("Recorded erasures could not be finished now ({}); they are tried again at the next start", e.getMessage());
        }
    }

    /**
     * The concepts a search text names, as the annotator finds them in passages (inflections, compounds, OCR forms).
     * Every search asks, on the event loop, and people repeat their queries (paging, facets, shared links): the
     * answers of the most recent texts are kept rather than annotated again.
     */
    private Set<String> themesNamedIn(String text) {
        return themesNamedInRecentQueries.computeIfAbsent(text,
                query -> Set.copyOf(annotator.annotate(query).stream().map(Suggestion::conceptIri).collect(Collectors.toSet())));
    }

    /**
     * After a codebook change (blocking, on a worker): SPARQL's copy of the ontology and the caches of answers made
     * with the earlier version follow. The annotator and every holder of the ontology see the new version already.
     */
    private void codebookChanged() {
        SparqlService.publishOntology(jena, ontology);
        themesNamedInRecentQueries.clear();
        codebookChanges.incrementAndGet();
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            if (facetFollower != null) {
                facetFollower.stop();
            }
            if (requestWork != null) {
                requestWork.close();
            }
            if (suggester != null) {
                suggester.close();
            }
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

    /** The top themes' IRIs by their Swedish labels, the names learning modules use for them. */
    private static Map<String, String> themeIrisByLabel(Ontology ontology) {
        Map<String, String> iris = new LinkedHashMap<>();
        ontology.topThemes().forEach(theme -> iris.put(theme.labelSv(), theme.iri()));
        return iris;
    }
}
