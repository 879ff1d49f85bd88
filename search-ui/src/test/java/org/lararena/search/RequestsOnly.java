package org.lararena.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Map;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.elasticsearch.ElasticsearchClients;

/** For unit tests that look at the requests a search builds: a client that is never called. */
final class RequestsOnly {

    private RequestsOnly() {
    }

    /** Requests are only built with it, never sent: nothing listens at this address. Close it after the tests. */
    static ElasticsearchClient client() {
        return ElasticsearchClients.create(LararenaConfig.fromMap(Map.of("LARARENA_ES_URLS", "http://127.0.0.1:9")).elasticsearch());
    }
}
