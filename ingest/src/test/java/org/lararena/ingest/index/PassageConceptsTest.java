package org.lararena.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lararena.ontology.store.PassageFacets;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.elasticsearch.ElasticsearchClients;

/** What an update of passages' facets does when Elasticsearch takes the request and never answers (a fake node). */
class PassageConceptsTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anUpdateWithNoAnswerFailsAsUnavailableInsteadOfWaitingForEver() throws Exception {
        LararenaConfig.Elasticsearch elasticsearch;
        try (SilentNode node = new SilentNode();
             ElasticsearchClient aliasOnly = ElasticsearchClients.create(elasticsearch = new LararenaConfig.Elasticsearch(false, 0,
                     List.of(node.url()), 0, "test", Optional.empty(), false, 1, 0, Duration.ofSeconds(1)));
             PassageConcepts concepts = PassageConcepts.connect(elasticsearch, new PassageIndex(aliasOnly, "test"))) {

            LararenaException failure = catchThrowableOfType(LararenaException.class,
                    () -> concepts.update(Map.of("doc-0", PassageFacets.NONE)));

            assertThat(failure).as("an update Elasticsearch never answers").isNotNull();
            assertThat(failure.status()).isEqualTo(503);
            assertThat(failure.getMessage()).contains("Elasticsearch could not be reached");
            assertThat(node.connections()).as("the request reached the node").isPositive();
        }
    }

    /** Accepts connections and reads nothing, answers nothing. */
    private static final class SilentNode implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    accepted.add(server.accept());
                }
            } catch (IOException closed) {
                // The test is over.
            }
        });

        SilentNode() throws IOException {
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws Exception {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
