package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;

/** {@code ./lararena up}'s options, read into the configuration the platform starts with. */
class UpOptionsTest {

    @Test
    void esNodesStartsThatManyManagedNodesOnConsecutivePorts() {
        LararenaConfig config = LararenaConfig.fromMap(Lararena.upEnvironment(Map.of("LARARENA_ES_PORT", "9500"), List.of("--es-nodes", "2")));

        assertThat(config.elasticsearch().nodes()).isEqualTo(2);
        assertThat(config.elasticsearch().urls()).extracting(URI::getPort).containsExactly(9500, 9501);
    }

    @Test
    void instancesStartsThatManyInstancesSharingAManagedFuseki() {
        LararenaConfig config = LararenaConfig.fromMap(Lararena.upEnvironment(Map.of(), List.of("--instances", "3", "--es-nodes", "2")));

        assertThat(config.instances()).isEqualTo(3);
        assertThat(config.elasticsearch().nodes()).isEqualTo(2);
        assertThat(config.rdf().managed()).as("several instances need the shared RDF store").isTrue();
        assertThat(LararenaConfig.fromMap(Map.of()).instances()).isEqualTo(1);
        assertThat(LararenaConfig.fromMap(Map.of()).rdf().embedded()).isTrue();
    }

    @Test
    void badInstanceCountsAndAnEmbeddedStoreForSeveralAreRefusedNamingTheSetting() {
        for (String count : List.of("0", "-1", "two", String.valueOf(LararenaConfig.MAX_INSTANCES + 1))) {
            assertThatThrownBy(() -> LararenaConfig.fromMap(Lararena.upEnvironment(Map.of(), List.of("--instances", count))))
                    .as(count).isInstanceOf(LararenaException.class)
                    .hasMessageContaining("LARARENA_INSTANCES");
        }
        assertThatThrownBy(() -> LararenaConfig.fromMap(Map.of("LARARENA_INSTANCES", "2", "LARARENA_RDF", "embedded")))
                .hasMessageContaining("LARARENA_RDF").hasMessageContaining("fuseki");
    }

    @Test
    void anUnknownOptionOrAMissingCountIsRefusedSayingWhatUpTakes() {
        assertThatThrownBy(() -> Lararena.upEnvironment(Map.of(), List.of("--replicas", "2")))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.isClientError()).isTrue())
                .hasMessageContaining("--es-nodes").hasMessageContaining("--instances").hasMessageContaining("--replicas 2");
        assertThatThrownBy(() -> Lararena.upEnvironment(Map.of(), List.of("--es-nodes"))).hasMessageContaining("--es-nodes");
        assertThatThrownBy(() -> Lararena.upEnvironment(Map.of(), List.of("--instances"))).hasMessageContaining("--instances");
    }
}
