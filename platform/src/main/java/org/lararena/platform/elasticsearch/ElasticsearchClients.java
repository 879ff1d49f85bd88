package org.lararena.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.lararena.platform.LararenaConfig;

/**
 * Makes the application's Elasticsearch client: every configured node, with the API key when one is set. Answers
 * come uncompressed: the HTTP client asks for gzip by default, and compressing a search's answer cost the node about
 * a third of what answering it from its request cache costs (and the application as much again to inflate it), to
 * save bytes on a local network.
 */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    public static ElasticsearchClient create(LararenaConfig.Elasticsearch config) {
        Rest5ClientBuilder builder = Rest5Client.builder(config.urls())
                .setHttpClientConfigCallback(http -> http.disableContentCompression());
        config.apiKey().ifPresent(key -> builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + key)}));
        return new ElasticsearchClient(new Rest5ClientTransport(builder.build(), new JacksonJsonpMapper()));
    }
}
