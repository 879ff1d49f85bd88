package org.lararena.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
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
        return create(config, Optional.empty());
    }

    /**
     * A client of its own that gives up on a request with no connection or no answer within {@code limit}, for
     * updates that are tried again when they fail: a stalled request then fails rather than holding its caller for
     * ever, which is the default, and which a snapshot or a merge of a large index needs. The limit is the client's:
     * Elasticsearch's Java client (9.2) builds each HTTP request anew and leaves out a limit given with a request.
     */
    public static ElasticsearchClient createAnsweringWithin(LararenaConfig.Elasticsearch config, Duration limit) {
        return create(config, Optional.of(limit));
    }

    private static ElasticsearchClient create(LararenaConfig.Elasticsearch config, Optional<Duration> limit) {
        Rest5ClientBuilder builder = Rest5Client.builder(config.urls())
                .setHttpClientConfigCallback(http -> http.disableContentCompression());
        config.apiKey().ifPresent(key -> builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + key)}));
        limit.ifPresent(within -> builder.setRequestConfigCallback(request ->
                request.setConnectionRequestTimeout(Timeout.of(within)).setResponseTimeout(Timeout.of(within))));
        return new ElasticsearchClient(new Rest5ClientTransport(builder.build(), new JacksonJsonpMapper()));
    }
}
