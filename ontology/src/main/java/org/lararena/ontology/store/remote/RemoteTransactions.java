package org.lararena.ontology.store.remote;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.rdflink.RDFLinkHTTP;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.lararena.ontology.store.rdf.StoreTransactions;
import org.lararena.platform.LararenaException;
import org.lararena.platform.shared.LostRaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annotation store's transactions over a remote SPARQL 1.1 store (Apache Jena Fuseki with TDB2), reached through
 * Jena's {@link RDFLink}. The store's logic runs unchanged over a {@link RemoteSnapshot}: the graphs it touches are
 * read whole, once per transaction, and what it changes is sent at the end as one SPARQL Update, which Fuseki applies
 * in one transaction: all of it or nothing.
 *
 * <p>Several application instances may write the same document. Each written graph carries a revision (a fresh token
 * at every change, in {@code lar:graph/revisions}); the update deletes and inserts only {@code WHERE} every graph the
 * transaction read still has the revision it read. When another instance wrote meanwhile the update changes nothing,
 * and the transaction's function runs again from fresh reads, at most {@value #ATTEMPTS} times, then the caller gets a
 * 503. Whether an update applied is read back from its commit marker, so a lost answer never makes a change twice.
 * Every IRI the store writes is minted before the update (no blank nodes), so the update is the same however often it
 * is sent. The rule is in docs/scaling.md.
 *
 * <p>A store that does not answer is a 503 naming it ({@link #unavailable}); nothing the caller was told is stored can
 * be lost, since an update is only acknowledged once Fuseki committed it.
 */
public final class RemoteTransactions implements StoreTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteTransactions.class);

    /** Runs of one transaction's function before the caller is told the store is too busy. */
    static final int ATTEMPTS = 10;

    private final String url;
    private final HttpClient http;
    private final CommitMarkers markers = new CommitMarkers();
    private final ThreadLocal<RemoteSnapshot> current = new ThreadLocal<>();

    /** @param url the SPARQL dataset's URL, e.g. {@code http://localhost:3030/lararena} (query and update under it) */
    public RemoteTransactions(String url) {
        this.url = Objects.requireNonNull(url, "url").replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Transactions over the store at {@code url}, which must answer now: a start-up fails at once, naming it. */
    public static RemoteTransactions reachable(String url) {
        RemoteTransactions store = new RemoteTransactions(url);
        store.ping();
        return store;
    }

    /** Asks the store an empty question: what {@code /health} says of it; a 503 naming it when it does not answer. */
    public String ping() {
        try (RDFLink link = link()) {
            link.queryAsk("ASK {}");
            return "the RDF store at " + url + " answers";
        } catch (HttpException | QueryExceptionHTTP e) {
            throw unavailable(e);
        }
    }

    /** The store's URL, as given. */
    public String url() {
        return url;
    }

    /** A connection to the store: cheap (the HTTP client is shared), one per transaction. */
    RDFLink link() {
        return RDFLinkHTTP.newBuilder().destination(url).queryEndpoint("query").updateEndpoint("update").gspEndpoint("data")
                .httpClient(http).build();
    }

    @Override
    public <T> T calculateRead(Supplier<T> read) {
        if (current.get() != null) {
            return read.get();
        }
        RemoteSnapshot snapshot = new RemoteSnapshot(this, false);
        current.set(snapshot);
        try {
            return read.get();
        } finally {
            current.remove();
        }
    }

    @Override
    public <T> T calculateWrite(Supplier<T> write) {
        RemoteSnapshot outer = current.get();
        if (outer != null) {
            if (!outer.writable()) {
                throw new IllegalStateException("a write inside a read transaction of the RDF store");
            }
            return write.get();
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            RemoteSnapshot snapshot = new RemoteSnapshot(this, true);
            T result;
            current.set(snapshot);
            try {
                result = write.get();
            } finally {
                current.remove();
            }
            if (snapshot.commit(markers)) {
                return result;
            }
            LOG.debug("Another writer changed a graph of this transaction in the RDF store at {}; run {} of {} again", url, attempt, ATTEMPTS);
            LostRaces.pauseAfter(attempt, "a document in the RDF store at " + url);
        }
        throw new LararenaException(503, "service_unavailable", "the RDF store at " + url + " is too busy: the same document was changed by "
                + "other writers " + ATTEMPTS + " times while this change was made; try again");
    }

    @Override
    public Dataset dataset() {
        RemoteSnapshot snapshot = current.get();
        if (snapshot == null) {
            throw new IllegalStateException("the RDF store's dataset is read inside a transaction only");
        }
        return DatasetFactory.wrap(snapshot);
    }

    @Override
    public boolean isInTransaction() {
        return current.get() != null;
    }

    /** The 503 for a store that does not answer, naming it. */
    LararenaException unavailable(RuntimeException cause) {
        return LararenaException.unavailable("the RDF store (Fuseki) at " + url + " does not answer (" + rootCause(cause)
                + "); try again once it is back", cause);
    }

    /** What went wrong underneath (a refused connection, a status), not the whole request the message quotes. */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == failure && failure instanceof HttpException http && http.getStatusCode() > 0) {
            return "HTTP " + http.getStatusCode();
        }
        return root.getMessage() != null && root != failure ? root.getMessage() : root.getClass().getSimpleName();
    }
}
