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
    void anUnknownOptionOrAMissingCountIsRefusedSayingWhatUpTakes() {
        assertThatThrownBy(() -> Lararena.upEnvironment(Map.of(), List.of("--instances", "2")))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.isClientError()).isTrue())
                .hasMessageContaining("--es-nodes").hasMessageContaining("--instances 2");
        assertThatThrownBy(() -> Lararena.upEnvironment(Map.of(), List.of("--es-nodes"))).hasMessageContaining("--es-nodes");
    }
}
