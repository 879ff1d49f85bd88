package org.lararena.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.lararena.ontology.store.PassageFacets;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.elasticsearch.ElasticsearchClients;

/**
 * Changes the concepts, themes, reviewed concepts and themes and suggestions ({@link PassageFacetFields}) of indexed passages in place (partial updates), after a review
 * or a re-annotation; returns when searches see the change (refresh {@code wait_for}). A passage that is not in
 * the index (not indexed yet) is skipped: indexing will carry the stored annotations. Blocking.
 */
public final class PassageConcepts implements FacetFollower.SearchFacets, AutoCloseable {

    private final ElasticsearchClient client;
    private final PassageIndex index;

    private PassageConcepts(ElasticsearchClient client, PassageIndex index) {
        this.client = Objects.requireNonNull(client);
        this.index = Objects.requireNonNull(index);
    }

    /**
     * Updates on Elasticsearch connections of their own, each given up after {@code config}'s facet update limit, so
     * that a stalled request fails and is tried again by its caller (under load an update once had no answer for over
     * a minute, and search did not follow the coding all that time).
     */
    public static PassageConcepts connect(LararenaConfig.Elasticsearch config, PassageIndex index) {
        return new PassageConcepts(ElasticsearchClients.createAnsweringWithin(config, config.facetUpdateLimit()), index);
    }

    /** Sets the facet fields of each passage (by passage id), returning once searches see them (refresh {@code wait_for}). */
    @Override
    public void update(Map<String, PassageFacets> passages) {
        if (passages.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index.alias()).requireAlias(true).refresh(Refresh.WaitFor);
        passages.forEach((passageId, facets) -> {
            JsonData change = JsonData.fromJson(PassageFacetFields.of(facets).encode());
            bulk.operations(op -> op.update(u -> u.id(passageId).action(a -> a.doc(change))));
        });
        try {
            check(client.bulk(bulk.build()));
        } catch (ElasticsearchException e) {
            throw new LararenaException(500, "indexing_failed", "Elasticsearch refused the concepts of the passages: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch could not be reached; the annotation is stored, search shows it"
                    + " after the next re-annotation", e);
        } finally {
            index.changed();
        }
    }

    private static void check(BulkResponse response) {
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != 404) {
                throw new LararenaException(item.status() == 429 ? 503 : 500, "indexing_failed",
                        "the concepts of passage " + item.id() + " were not updated: " + item.error().reason());
            }
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
