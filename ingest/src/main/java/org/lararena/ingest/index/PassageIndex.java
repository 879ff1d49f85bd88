package org.lararena.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.lararena.platform.LararenaException;

/**
 * The passage index behind its alias {@code <prefix>-passages}. The first index is {@code <prefix>-passages-000001};
 * a reindex writes the next one and moves the alias.
 */
public final class PassageIndex {

    private static final String MAPPING_RESOURCE = "passage-index.json";

    private final ElasticsearchClient client;
    private final String alias;

    public PassageIndex(ElasticsearchClient client, String indexPrefix) {
        this.client = Objects.requireNonNull(client);
        this.alias = indexPrefix + "-passages";
    }

    /** The name searches and indexing use. */
    public String alias() {
        return alias;
    }

    /** Creates the first index and its alias unless the alias exists. Blocking. */
    public void ensureExists() {
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                return;
            }
            String index = alias + "-000001";
            try (InputStream mapping = PassageIndex.class.getResourceAsStream(MAPPING_RESOURCE)) {
                client.indices().create(c -> c.index(index).withJson(mapping).aliases(alias, a -> a.isWriteIndex(true)));
            }
        } catch (IOException | RuntimeException e) {
            throw LararenaException.unavailable("the passage index " + alias + " could not be created: " + e.getMessage(), e);
        }
    }
}
