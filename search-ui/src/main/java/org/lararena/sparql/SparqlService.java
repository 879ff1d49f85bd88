package org.lararena.sparql;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.update.UpdateFactory;
import org.lararena.ontology.Ontology;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.ontology.vocabulary.LAR;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/**
 * Read-only SPARQL 1.1 queries over the store, each against a dataset that holds only the graphs the caller may
 * read ({@link ReadableGraphs}): the ontology and the annotation graphs of their documents. Updates are refused,
 * {@code SERVICE} never leaves the process, every query has a time limit and its answer a row limit. People in
 * the annotations' history are one neutral agent to everyone but researchers
 * ({@link org.lararena.ontology.store.PersonAgents}). Blocking: one read transaction per call, on the calling worker
 * thread.
 */
public final class SparqlService {

    public static final String RESULTS_JSON = "application/sparql-results+json";
    public static final String TURTLE = "text/turtle";
    public static final String N_TRIPLES = "application/n-triples";

    private final StoreTransactions store;
    /** The dataset of the annotator's undecided suggestions, beside the embedded store; none beside a shared one. */
    private final Optional<StoreTransactions> suggestions;
    private final ReadableGraphs graphs;
    private final Duration timeout;
    private final int maxRows;

    /**
     * @param store where the annotations and the ontology's graph are: the embedded TDB2, or the shared RDF store, whose
     *              graphs a query reads as it needs them (a question over every document reads every readable one)
     */
    public SparqlService(StoreTransactions store, ReadableGraphs graphs, LararenaConfig.Sparql limits) {
        this(store, Optional.empty(), graphs, limits);
    }

    private SparqlService(StoreTransactions store, Optional<StoreTransactions> suggestions, ReadableGraphs graphs, LararenaConfig.Sparql limits) {
        this.store = Objects.requireNonNull(store);
        this.suggestions = Objects.requireNonNull(suggestions);
        this.graphs = Objects.requireNonNull(graphs);
        this.timeout = Objects.requireNonNull(limits.timeout());
        this.maxRows = limits.maxRows();
    }

    /**
     * This service over {@code store} and the dataset of the annotator's undecided suggestions
     * ({@link org.lararena.ontology.store.rdf.SplitAnnotationStore}): a document's graph is the union of its graphs in
     * both.
     */
    public SparqlService withSuggestions(StoreTransactions suggestions) {
        return new SparqlService(store, Optional.of(suggestions), graphs, new LararenaConfig.Sparql(timeout, maxRows));
    }

    /**
     * Replaces the ontology's named graph ({@link LAR#OntologyGraph}) with {@code ontology}, in one write transaction,
     * so queries see the running version of the ontology beside the annotations. Blocking.
     */
    public static void publishOntology(StoreTransactions store, Ontology ontology) {
        Node name = LAR.OntologyGraph.asNode();
        Graph now = ontology.model().getGraph();
        store.executeWrite(() -> {
            // Triple by triple, so that a shared store is sent only the difference (none when another instance published it).
            DatasetGraph dataset = store.dataset().asDatasetGraph();
            Graph published = dataset.getGraph(name);
            published.find().filterDrop(now::contains).toList().forEach(published::delete);
            now.find().filterDrop(published::contains).toList().forEach(published::add);
        });
    }

    /**
     * Runs {@code queryText} for {@code caller}.
     *
     * @param accept the request's {@code Accept} header (may be null): N-Triples or Turtle for graph results
     * @throws LararenaException 400 for an update, a query that does not parse, {@code SERVICE}, or one over the time limit
     */
    public SparqlAnswer query(String queryText, Caller caller, String accept) {
        Query query = parse(queryText);
        // The suggestions' read transaction first: a suggestion decided on meanwhile is then seen, if in both stores, never in neither.
        return suggestions.orElse(store).calculateRead(() -> store.calculateRead(() -> {
            List<DatasetGraph> stores = new ArrayList<>();
            stores.add(store.dataset().asDatasetGraph());
            suggestions.ifPresent(undecided -> stores.add(undecided.dataset().asDatasetGraph()));
            DatasetGraph view = CallerDataset.over(stores, graphs.graphsFor(caller), !caller.isResearcher(),
                    caller.isResearcher() ? null : graphs::namesIn);
            return run(query, view, accept);
        }));
    }

    /** The answer's row limit. */
    public int maxRows() {
        return maxRows;
    }

    /** The answer to a request without a query, naming the protocol's three ways to send one. */
    static final String NO_QUERY = "send a SPARQL query: ?query=..., the form field query, or a body of type application/sparql-query";

    static Query parse(String queryText) {
        if (queryText == null || queryText.isBlank()) {
            throw LararenaException.badRequest(NO_QUERY);
        }
        try {
            return QueryFactory.create(queryText, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            if (isUpdate(queryText)) {
                throw readOnly();
            }
            throw LararenaException.badRequest("the SPARQL query does not parse: " + firstLine(e.getMessage()));
        }
    }

    /** The one refusal of every update, however it is sent. */
    public static LararenaException readOnly() {
        return new LararenaException(400, "read_only",
                "the SPARQL endpoint is read-only: updates (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, ...) are not accepted");
    }

    private SparqlAnswer run(Query query, DatasetGraph view, String accept) {
        try (QueryExec exec = QueryExec.dataset(view).query(query)
                .set(ARQ.httpServiceAllowed, false)
                // ARQ would otherwise place a FILTER inside a basic graph pattern at the first point where the pattern's
                // triples, in written order, bind its variables, and split the pattern there: for theme co-occurrence
                // (two annotations of one passage, FILTER(STR(?x) < STR(?y))) the first half then holds the second
                // annotation's body unjoined to the passage, a cross product that grows with the square of the corpus
                // (12 s at 200 passages, against 50 ms with the filter after the whole pattern).
                .set(ARQ.optFilterPlacementBGP, false)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (query.isSelectType()) {
                RowSet rows = exec.select();
                List<Binding> kept = new ArrayList<>();
                while (kept.size() < maxRows && rows.hasNext()) {
                    kept.add(rows.next());
                }
                boolean truncated = rows.hasNext();
                ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(out, RowSetStream.create(rows.getResultVars(), kept.iterator()));
                return new SparqlAnswer(RESULTS_JSON, out.toByteArray(), truncated);
            }
            if (query.isAskType()) {
                ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(out, exec.ask());
                return new SparqlAnswer(RESULTS_JSON, out.toByteArray(), false);
            }
            if (query.isJsonType()) {
                throw LararenaException.badRequest("JSON queries are not supported: use SELECT, ASK, CONSTRUCT or DESCRIBE");
            }
            Iterator<Triple> triples = query.isConstructType() ? exec.constructTriples() : exec.describeTriples();
            Graph graph = GraphMemFactory.createDefaultGraph();
            while (graph.size() < maxRows && triples.hasNext()) {
                graph.add(triples.next());
            }
            boolean truncated = triples.hasNext();
            graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
            boolean nTriples = accept != null && accept.toLowerCase(Locale.ROOT).contains(N_TRIPLES);
            RDFDataMgr.write(out, graph, nTriples ? Lang.NTRIPLES : Lang.TURTLE);
            return new SparqlAnswer(nTriples ? N_TRIPLES : TURTLE, out.toByteArray(), truncated);
        } catch (QueryCancelledException e) {
            throw new LararenaException(400, "query_timeout", "the query ran longer than the limit of " + timeout.toSeconds()
                    + " s (LARARENA_SPARQL_TIMEOUT_SECONDS) and was stopped: narrow it with more specific patterns or a LIMIT", e);
        } catch (QueryException e) {
            // SERVICE (not allowed here) and other query-level refusals by the engine.
            throw new LararenaException(400, "bad_request", "the query cannot run here: " + firstLine(e.getMessage()), e);
        }
    }

    private static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text, Syntax.syntaxARQ);
            return true;
        } catch (QueryParseException e) {
            return false;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
