package org.lararena.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.JsonData;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.lararena.platform.LararenaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a document's passages with the bulk API. Ids are {@code <documentId>-<ordinal>}, so a retry replaces
 * rather than duplicates; every item's result is checked, and 429 or a connection failure is retried with
 * backoff before the failure is reported. Blocking.
 */
public final class PassageIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(PassageIndexer.class);
    private static final int ATTEMPTS = 4;

    private final ElasticsearchClient client;
    private final PassageIndex index;

    public PassageIndexer(ElasticsearchClient client, PassageIndex index) {
        this.client = Objects.requireNonNull(client);
        this.index = Objects.requireNonNull(index);
    }

    public static String passageId(String documentId, int ordinal) {
        return documentId + "-" + ordinal;
    }

    /** Replaces the document's passages in the index by {@code passages} (each a passage document). */
    public void replaceDocument(String documentId, List<JsonObject> passages) {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index.alias()).refresh(Refresh.WaitFor);
        for (JsonObject passage : passages) {
            // Vert.x JSON straight through as JSON: nested arrays and objects stay what they are.
            JsonData source = JsonData.fromJson(passage.encode());
            bulk.operations(op -> op.index(i -> i.id(passage.getString("passageId")).document(source)));
        }
        BulkRequest request = bulk.build();
        for (int attempt = 1; ; attempt++) {
            try {
                if (!passages.isEmpty()) {
                    checkItems(client.bulk(request));
                }
                deleteOrdinalsFrom(documentId, passages.size());
                return;
            } catch (ElasticsearchException e) {
                if (e.status() != 429) {
                    throw new LararenaException(500, "indexing_failed", "Elasticsearch refused the passages of " + documentId + ": " + e.getMessage(), e);
                }
                if (attempt == ATTEMPTS) {
                    throw LararenaException.unavailable("Elasticsearch is overloaded; the passages of " + documentId + " wait", e);
                }
                backoff(attempt, e);
            } catch (IOException e) {
                // TransportException (it never got there) is an IOException too.
                if (attempt == ATTEMPTS) {
                    throw LararenaException.unavailable("Elasticsearch could not be reached to index " + documentId, e);
                }
                backoff(attempt, e);
            }
        }
    }

    /** Sets the visibility of every passage of a document; searches see it after the refresh this waits for. */
    public void updateVisibility(String documentId, String visibility) {
        try {
            java.util.List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
            while (true) {
                final var cursor = after;
                var page = client.search(s -> {
                    s.index(index.alias()).size(1000).source(src -> src.fetch(false)).sort(o -> o.field(f -> f.field("passageId")))
                            .query(q -> q.term(t -> t.field("documentId").value(documentId)));
                    if (cursor != null) {
                        s.searchAfter(cursor);
                    }
                    return s;
                }, Void.class);
                var hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                BulkRequest.Builder bulk = new BulkRequest.Builder().index(index.alias()).refresh(Refresh.WaitFor);
                JsonData change = JsonData.fromJson(new JsonObject().put("visibility", visibility).encode());
                hits.forEach(hit -> bulk.operations(op -> op.update(u -> u.id(hit.id()).action(a -> a.doc(change)))));
                checkItems(client.bulk(bulk.build()));
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (ElasticsearchException e) {
            throw new LararenaException(500, "indexing_failed", "Elasticsearch refused the visibility change of " + documentId + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch could not be reached to change the visibility of " + documentId, e);
        }
    }

    /**
     * Removes passages left from an earlier, longer version of the document. (The minimal distribution has no
     * delete-by-query: find the ids, then delete them in bulk.)
     */
    private void deleteOrdinalsFrom(String documentId, int firstStale) throws IOException {
        var stale = client.search(s -> s.index(index.alias()).size(10_000).source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("documentId").value(documentId)))
                        .filter(f -> f.range(r -> r.number(n -> n.field("ordinal").gte((double) firstStale)))))), Void.class);
        if (stale.hits().hits().isEmpty()) {
            return;
        }
        BulkRequest.Builder delete = new BulkRequest.Builder().index(index.alias()).refresh(Refresh.WaitFor);
        stale.hits().hits().forEach(hit -> delete.operations(op -> op.delete(d -> d.id(hit.id()))));
        checkItems(client.bulk(delete.build()));
    }

    private static void checkItems(BulkResponse response) {
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null) {
                throw new LararenaException(item.status() == 429 ? 503 : 500, "indexing_failed",
                        "passage " + item.id() + " was not indexed: " + item.error().reason());
            }
        }
    }

    private static void backoff(int attempt, Exception cause) {
        Duration wait = Duration.ofMillis(250L << attempt);
        LOG.warn("Indexing attempt {} failed ({}); retrying in {} ms", attempt, cause.getMessage(), wait.toMillis());
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LararenaException.unavailable("indexing interrupted", e);
        }
    }
}
