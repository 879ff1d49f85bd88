package org.lararena.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lararena.ingest.index.PassageIndex;
import org.lararena.ingest.index.PassageIndexer;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.testing.TestServices;

/**
 * A passage index of its own, of the current mapping, on the tests' Elasticsearch node, with a client and an indexer:
 * what a test of search or indexing against the real node starts from. Closing it deletes the index.
 */
public record FreshPassageIndex(ElasticsearchClient client, PassageIndex index, PassageIndexer indexer) implements AutoCloseable {

    /** A new index whose name begins with {@code prefix} and is unique to this run. */
    public static FreshPassageIndex create(String prefix) {
        LararenaConfig config = LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", TestServices.get().elasticsearchUrl().toString()));
        ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch());
        PassageIndex index = new PassageIndex(client, prefix + "-" + Long.toHexString(System.nanoTime()));
        index.ensureExists(CurrentMappingOnly.FACETS);
        return new FreshPassageIndex(client, index, new PassageIndexer(client, index));
    }

    public String alias() {
        return index.alias();
    }

    /** The passage ids of a search's hits, in order. */
    public static List<String> hitIds(JsonObject result) {
        List<String> ids = new ArrayList<>();
        result.getJsonArray("hits").forEach(hit -> ids.add(((JsonObject) hit).getString("passageId")));
        return ids;
    }

    @Override
    public void close() throws Exception {
        try {
            // A test may have deleted it.
            client.indices().delete(d -> d.index(index.alias() + "-000001").ignoreUnavailable(true));
        } finally {
            client.close();
        }
    }
}
