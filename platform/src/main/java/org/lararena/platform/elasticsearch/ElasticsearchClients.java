package org.lararena.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.lararena.platform.LararenaConfig;

/** Makes the application's Elasticsearch client: every configured node, with the API key when one is set. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    public static ElasticsearchClient create(LararenaConfig.Elasticsearch config) {
        return ElasticsearchClient.of(builder -> {
            builder.hosts(config.urls());
            config.apiKey().ifPresent(builder::apiKey);
            return builder;
        });
    }
}
