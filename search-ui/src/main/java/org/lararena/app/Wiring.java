package org.lararena.app;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.lararena.backup.DataFormat;
import org.lararena.codebook.CodebookActions;
import org.lararena.codebook.SynonymProposals;
import org.lararena.coding.MemoStore;
import org.lararena.erasure.Erasure;
import org.lararena.erasure.ErasureLog;
import org.lararena.exchange.RefiQdaImports;
import org.lararena.ingest.describe.TextPipeline;
import org.lararena.ingest.extract.DocumentExtractor;
import org.lararena.ingest.extract.ExtractionException;
import org.lararena.ingest.index.FacetFollower;
import org.lararena.ingest.index.PassageConcepts;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.pipeline.DocumentAnnotation;
import org.lararena.ingest.pipeline.Reannotation;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.suggester.DecisionLog;
import org.lararena.ingest.suggester.Suggester;
import org.lararena.insights.InsightStore;
import org.lararena.insights.Insights;
import org.lararena.modules.LearningModules;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.PassageAnnotator;
import org.lararena.ontology.codebook.Codebook;
import org.lararena.ontology.store.AnnotationIris;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.rdf.RdfAnnotationStore;
import org.lararena.ontology.store.rdf.SplitAnnotationStore;
import org.lararena.ontology.store.rdf.StoreCompaction;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.store.rdf.TdbStores;
import org.lararena.ontology.store.remote.RemoteTransactions;
import org.lararena.ontology.suggest.ServiceCheck;
import org.lararena.ontology.suggest.SuggesterTraining;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.InstanceId;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.shared.ChangeNotices;
import org.lararena.platform.shared.SharedCollections;
import org.lararena.platform.web.RequestWork;
import org.lararena.search.IndexChangeWatch;
import org.lararena.search.PassageSearch;
import org.lararena.search.QueryThemes;
import org.lararena.search.SearchAnswerCache;
import org.lararena.sparql.SparqlService;
import org.lararena.web.Explanation;
import org.lararena.web.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the application's {@link Services} from its configuration, each part handed the
 * parts it works with. Holds no logic of its own beyond the order things must be made in.
 */
final class Wiring {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);
    /** What a change notice of the codebook is about ({@link ChangeNotices}): its graph. */
    private static final String CODEBOOK = "codebook";

    private Wiring() {
    }

    /**
     * Opens the stores, loads and checks the ontology, starts and warms the extraction workers, and builds what
     * works with them. Blocking (files, Jena, worker processes): call it off the event loop.
     */
    static Services services(Vertx vertx, LararenaConfig config) throws IOException, ExtractionException {
        Clock clock = Clock.systemUTC();
        config.requireWritableDataDir();
        DataFormat.prepare(config.dataDir());
        ElasticsearchClient elasticsearch = ElasticsearchClients.create(config.elasticsearch());
        Files.createDirectories(config.dataPath("jena"));
        int nodeCache = config.rdf().nodeCacheNodesInThisJvm();
        Dataset jena = TdbStores.connect(config.dataPath("jena"), nodeCache);
        // A cluster's instances share the records, originals and passages; a single instance keeps them in its data directory.
        // One id for this process, which tells its own messages to the other instances of a cluster from theirs.
        ClusterMembers members = ClusterMembers.of(vertx);
        InstanceId self = members.instanceId();
        SharedCollections shared = SharedCollections.of(vertx, self, config, elasticsearch);
        DocumentStore documents = DocumentStore.open(shared, config.dataPath("documents"), members.self());
        // The audit log, memos and insights: files of a single instance, or collections every instance of a cluster shares.
        AuditLog audit = new AuditLog(shared.open(AuditLog.KIND, config.dataPath("audit")));
        MemoStore memos = new MemoStore(shared.cached(MemoStore.KIND, config.dataPath("memos"), MemoStore.CODEC), config.maxMemoChars(), clock);
        // An ontology of this application's own, not the process-wide shipped one: the codebook changes it in place,
        // and another application in the same JVM (a test's) must not see those changes.
        Ontology ontology = OntologyLoader.fromClasspath();
        // The store, the annotator and the suggester need one another: the suggester is made last and asked for at each use.
        AtomicReference<Suggester> suggesterOnceMade = new AtomicReference<>();
        Optional<RemoteTransactions> rdfStore = config.rdf().url().map(url -> RemoteTransactions.reachable(url.toString()));
        StoreTransactions rdf = rdf(rdfStore, jena);
        // With the embedded store, the annotator's undecided suggestions have a TDB2 dataset of their own (docs/architecture.md).
        Optional<Dataset> suggestionJena = rdfStore.isPresent() ? Optional.empty() : Optional.of(suggestionDataset(config, nodeCache));
        if (rdfStore.isEmpty()) {
            LOG.info("The embedded annotation store caches up to {} nodes each way (LARARENA_JENA_NODE_CACHE), and {} after a compaction"
                    + " (TDB2's settings in this process)", nodeCache, TdbStores.nodeCacheNodesAfterCompaction());
        }
        AnnotationStore annotations = annotationStore(rdf, suggestionJena.map(StoreTransactions::local),
                () -> suggesterOnceMade.get() == null ? 0 : suggesterOnceMade.get().get().version());
        // The shipped ontology is the seed; researchers' changes to the codebook are laid over it before anything reads
        // it. The codebook's graph is where the annotations are, so the instances of a cluster share it.
        Codebook codebook = new Codebook(rdf, ontology, annotations, clock);
        codebook.open().forEach(conflict -> LOG.warn("Codebook: {}", conflict));
        // The annotator asks the suggester for the model in service at each passage; the suggester trains against it.
        PassageAnnotator annotator = new PassageAnnotator(ontology, PassageAnnotator.DEFAULT_THRESHOLD,
                () -> suggesterOnceMade.get().get());
        ServiceCheck serviceCheck = ServiceCheck.of(config.suggester());
        Suggester suggester = new Suggester(new DecisionLog(documents, annotations, ontology),
                new SuggesterTraining(annotator, ontology, clock, serviceCheck), config.dataPath("suggester"),
                config.suggester().retrainAfter(), config.suggester().trainWait());
        suggesterOnceMade.set(suggester);
        if (SuggesterTraining.stopsTheApplication()) {
            LOG.warn("This JVM runs a full collection whenever a library asks for one: the suggester's learner (Apache OpenNLP) asks some"
                    + " 200 times a training, and each stops every request meanwhile. Start it with -XX:+DisableExplicitGC, as ./lararena does");
        }
        SparqlService.publishOntology(rdf, ontology);
        List<StoreCompaction> storeCompactions = new ArrayList<>();
        storeCompactions.add(new StoreCompaction(jena, config.dataPath("jena"), config.annotation().compactGrowthBytes()));
        suggestionJena.ifPresent(suggestions -> storeCompactions.add(new StoreCompaction(suggestions, config.dataPath(SplitAnnotationStore.DATA_FOLDER),
                config.annotation().compactGrowthBytes())));
        DocumentAnnotation documentAnnotation = new DocumentAnnotation(annotations, ontology, annotator, config.annotation().batchPassages(),
                config.annotation().step());
        // Extraction runs in worker processes of its own: started here, so the first upload does not wait for them.
        // The workers' temporary files (warm-up samples, parsers' spooled copies) stay in the data directory.
        DocumentExtractor extractor = new DocumentExtractor(config.extraction(), config.dataPath("extraction"));
        extractor.warmUp();
        // Its vocabulary reads the word lists and the ontology: made here, off the event loop.
        TextPipeline textPipeline = new TextPipeline(ontology);
        Files.createDirectories(config.dataPath("uploads"));
        Files.createDirectories(config.dataPath("exchange"));
        LearningModules modules = LearningModules.load(config.home().resolve("modules"), ontology.topThemeLabels());
        modules.problems().forEach(problem -> LOG.warn("Learning module left out: {}", problem));
        InsightStore insightStore = new InsightStore(shared.cached(InsightStore.KIND, config.dataPath("insights"), InsightStore.CODEC));
        ErasureLog erasureLog = new ErasureLog(config.dataDir());

        PassageIndex index = new PassageIndex(elasticsearch, config.elasticsearch());
        PassageIndexer indexer = new PassageIndexer(elasticsearch, index);
        Erasure erasure = new Erasure(documents, annotations, indexer, memos, insightStore, erasureLog, audit, clock,
                () -> storeCompactions.forEach(StoreCompaction::compact));
        QueryThemes queryThemes = new QueryThemes(annotator);
        PassageSearch search = new PassageSearch(elasticsearch, index.alias(), ontology::labelSvOrIri, queryThemes::namedIn,
                config.search().requestCache()).withDecisionCounts((concept, term, creator) -> Explanation.learnedFrom(suggester.get(), concept, term, creator));
        IndexChangeWatch othersChanges = new IndexChangeWatch(elasticsearch, index.alias(), config.search().changePoll());
        // Moves with every codebook change, so that cached search answers (with concept labels) are made again.
        AtomicLong codebookChanges = new AtomicLong();
        SearchAnswerCache answers = new SearchAnswerCache(config.search().answerCacheBytes(),
                // A new suggester model changes how many decisions a hit's suggestions were learned from.
                () -> index.changes() + othersChanges.changes() + codebookChanges.get() + suggester.get().version());
        PassageConcepts passageConcepts = PassageConcepts.connect(config.elasticsearch(), index);
        FacetFollower facetFollower = new FacetFollower(vertx, annotations, ontology, passageConcepts);
        RequestWork requestWork = new RequestWork(vertx, config.requests().workers(), config.requests().busyAfter(), config.requests().longestWork());
        Reannotation reannotation = new Reannotation(documents, annotations, documentAnnotation, passageConcepts);
        DemoCoding demoCoding = new DemoCoding(vertx, annotations, ontology, passageConcepts);
        Insights insights = new Insights(insightStore, modules.insights().stream().map(i -> Insights.fromModule(i, ontology::topThemeIri)).toList(),
                iri -> ontology.concept(iri).isPresent(), ontology::labelSv, search::passagesById, clock, config.maxInsightChars());
        SynonymProposals proposals = new SynonymProposals(codebook::ontology, suggester,
                config.dataPath("codebook").resolve("rejected-proposals.json"));
        // After a codebook change (blocking, on a worker): SPARQL's copy of the ontology and the caches of answers made
        // with the earlier version follow. The annotator and every holder of the ontology see the new version already.
        Runnable codebookChanged = () -> {
            SparqlService.publishOntology(rdf, ontology);
            queryThemes.forget();
            codebookChanges.incrementAndGet();
        };
        // Another instance's codebook change: its version is read in, and what was made with the earlier one follows.
        shared.notices().listen(CODEBOOK, graph -> {
            codebook.open();
            codebookChanged.run();
        });
        Runnable codebookChangedHere = () -> {
            codebookChanged.run();
            shared.notices().changed(CODEBOOK, LAR.CodebookGraph.getURI());
        };
        CodebookActions codebookActions = new CodebookActions(codebook, annotations, audit, facetFollower::changed, codebookChangedHere,
                proposals);
        // One list of jobs: an admin follows every job there, a researcher the imports they started.
        Jobs jobs = new Jobs(vertx, clock, self, members::now);
        RefiQdaImports imports = new RefiQdaImports(vertx, documents, annotations, memos, codebookActions, audit, jobs, config.exchange(),
                config.maxMemoChars(), config.dataPath("exchange"));
        return new Services(self, members, elasticsearch, jena, suggestionJena, documents, audit, memos, erasureLog, erasure, ontology, annotations,
                rdfStore, rdf, suggester, List.copyOf(storeCompactions), documentAnnotation, reannotation, codebookActions, extractor, textPipeline, index,
                indexer, facetFollower, passageConcepts, search, othersChanges, answers, requestWork, jobs, imports, insights, modules, demoCoding);
    }

    /** Where the annotations, the codebook's graph and the ontology's graph for SPARQL are: the shared store, else the embedded one. */
    private static StoreTransactions rdf(Optional<RemoteTransactions> shared, Dataset embedded) {
        return shared.<StoreTransactions>map(remote -> remote).orElseGet(() -> StoreTransactions.local(embedded));
    }

    private static Dataset suggestionDataset(LararenaConfig config, int nodeCache) throws IOException {
        return TdbStores.connect(Files.createDirectories(config.dataPath(SplitAnnotationStore.DATA_FOLDER)), nodeCache);
    }

    /**
     * The annotation store, over {@code store}'s transactions: the embedded TDB2 that holds the ontology and the
     * codebook, or, with {@code LARARENA_RDF=fuseki} or {@code LARARENA_RDF_URL}, the RDF store several instances share
     * (docs/scaling.md), which must answer at start. With {@code suggestions} (the embedded store only), the annotator's
     * undecided suggestions are kept there, so that ingest never holds the writer lock researchers' actions need
     * ({@link SplitAnnotationStore}). The annotator as an agent carries the version of the suggester model in service,
     * asked at each run.
     */
    static AnnotationStore annotationStore(StoreTransactions store, Optional<StoreTransactions> suggestions, IntSupplier suggesterModelVersion) {
        Supplier<String> annotatorVersion = () -> AnnotationIris.annotatorVersion(suggesterModelVersion.getAsInt());
        RdfAnnotationStore decided = new RdfAnnotationStore(store, annotatorVersion);
        // A removal of decided suggestions waits for the run's writer lock: in a thread of its own, after the click has its answer.
        return suggestions.<AnnotationStore>map(undecided -> new SplitAnnotationStore(decided, new RdfAnnotationStore(undecided, annotatorVersion),
                        Thread.ofVirtual().name("suggestions-tidying")::start))
                .orElse(decided);
    }
}
