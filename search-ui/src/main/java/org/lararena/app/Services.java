package org.lararena.app;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.List;
import java.util.Optional;
import org.apache.jena.query.Dataset;
import org.lararena.codebook.CodebookActions;
import org.lararena.coding.MemoStore;
import org.lararena.erasure.Erasure;
import org.lararena.erasure.ErasureLog;
import org.lararena.exchange.RefiQdaImports;
import org.lararena.ingest.describe.TextPipeline;
import org.lararena.ingest.extract.DocumentExtractor;
import org.lararena.ingest.index.FacetFollower;
import org.lararena.ingest.index.PassageConcepts;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.ingest.pipeline.DocumentAnnotation;
import org.lararena.ingest.pipeline.Reannotation;
import org.lararena.ingest.store.DocumentStore;
import org.lararena.ingest.suggester.Suggester;
import org.lararena.insights.Insights;
import org.lararena.modules.LearningModules;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.AnnotationStore;
import org.lararena.ontology.store.rdf.StoreCompaction;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.store.remote.RemoteTransactions;
import org.lararena.platform.InstanceId;
import org.lararena.platform.audit.AuditLog;
import org.lararena.platform.web.RequestWork;
import org.lararena.search.IndexChangeWatch;
import org.lararena.search.PassageSearch;
import org.lararena.search.SearchAnswerCache;
import org.lararena.web.Jobs;

/**
 * What the application is made of, built once from the configuration by {@link Wiring#services}: the stores, the
 * ontology and what annotates with it, the pipeline's parts, search, and the shared parts of the web application.
 * The verticles and the routes ({@link Routes}) are made from these and nothing else.
 *
 * @param self this process among the instances of a cluster: every message it tells the others is signed with it
 * @param members who this instance is in its cluster, and who the members are now
 * @param elasticsearch the Elasticsearch client of everything but the updates of facets ({@code passageConcepts})
 * @param jena the TDB2 dataset in {@code data/jena}: ontology, codebook and annotations
 * @param suggestionJena with the embedded store, the TDB2 dataset in {@code data/jena-suggestions}: the annotator's
 *     suggestions nobody has decided on yet ({@link org.lararena.ontology.store.rdf.SplitAnnotationStore})
 * @param documents originals, records and kept passages in {@code data/documents}
 * @param annotations the Web Annotations of every document ({@link Wiring#annotationStore})
 * @param rdfStore the shared RDF store the annotations live in, when they do not live in {@code jena}
 *     ({@code LARARENA_RDF}, {@code LARARENA_RDF_URL})
 * @param rdf the transactions of the store the annotations, the codebook's and the ontology's graphs are in: the
 *     shared one, else {@code jena}
 * @param suggester what the annotator learned from researchers' decisions
 * @param storeCompactions compact the TDB2 datasets' files once writes have grown them, one per dataset
 * @param documentAnnotation annotates a document's passages in short write transactions (the annotation verticle's work)
 * @param reannotation annotates documents again after an ontology change
 * @param extractor the extraction worker processes (Tika)
 * @param textPipeline repairs, segments and describes extracted text
 * @param index the passage index (alias and mapping) and {@code indexer} writing to it
 * @param facetFollower writes changed annotations' concepts and themes to the index in the background
 * @param passageConcepts those writes, and a re-annotation's, on Elasticsearch connections of their own
 * @param search searches the passage index; {@code answers} keeps recent answers while the index is unchanged
 * @param othersChanges sees other processes' changes to the index (deployed only when answers are kept)
 * @param requestWork the request pool: blocking work of requests, or an honest 503
 * @param jobs long work (reindex, re-annotation, imports) followed at {@code /api/jobs/{id}}
 * @param demoCoding codes the demo documents as researchers would, once indexed
 */
record Services(
        InstanceId self,
        ClusterMembers members,
        ElasticsearchClient elasticsearch,
        Dataset jena,
        Optional<Dataset> suggestionJena,
        DocumentStore documents,
        AuditLog audit,
        MemoStore memos,
        ErasureLog erasureLog,
        Erasure erasure,
        Ontology ontology,
        AnnotationStore annotations,
        Optional<RemoteTransactions> rdfStore,
        StoreTransactions rdf,
        Suggester suggester,
        List<StoreCompaction> storeCompactions,
        DocumentAnnotation documentAnnotation,
        Reannotation reannotation,
        CodebookActions codebookActions,
        DocumentExtractor extractor,
        TextPipeline textPipeline,
        PassageIndex index,
        PassageIndexer indexer,
        FacetFollower facetFollower,
        PassageConcepts passageConcepts,
        PassageSearch search,
        IndexChangeWatch othersChanges,
        SearchAnswerCache answers,
        RequestWork requestWork,
        Jobs jobs,
        RefiQdaImports imports,
        Insights insights,
        LearningModules modules,
        DemoCoding demoCoding) implements AutoCloseable {

    /** Blocking: stops the background writers and the request pool, then closes the stores and the worker processes. */
    @Override
    public void close() throws Exception {
        facetFollower.stop();
        passageConcepts.close();
        requestWork.close();
        suggester.close();
        jena.close();
        suggestionJena.ifPresent(Dataset::close);
        extractor.close();
        elasticsearch.close();
    }
}
