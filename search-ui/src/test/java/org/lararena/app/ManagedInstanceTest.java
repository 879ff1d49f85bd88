package org.lararena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.services.Ports;

/** The instances {@code ./lararena up --instances N} starts: their ports, folders and settings, and the starts it refuses. */
class ManagedInstanceTest {

    @Test
    void eachInstanceGetsConsecutivePortsItsOwnFolderAndTheSharedServers() {
        int http = freeRange(3);
        int cluster = freeRange(3);
        Map<String, String> settings = settings(http, cluster, "3");
        settings.put("LARARENA_WATCH_DIR", "/srv/drop");
        LararenaConfig config = LararenaConfig.fromMap(settings);

        List<ManagedInstance> instances = ManagedInstance.plan(config, settings);

        assertThat(instances).extracting(ManagedInstance::url)
                .containsExactly(URI.create("http://127.0.0.1:" + http), URI.create("http://127.0.0.1:" + (http + 1)),
                        URI.create("http://127.0.0.1:" + (http + 2)));
        assertThat(instances).extracting(ManagedInstance::service).containsExactly("instance-1", "instance-2", "instance-3");
        for (ManagedInstance instance : instances) {
            Map<String, String> env = instance.environment();
            int offset = instance.number() - 1;
            assertThat(env).containsEntry("LARARENA_HTTP_PORT", String.valueOf(http + offset))
                    .containsEntry("LARARENA_CLUSTER_PORT", String.valueOf(cluster + offset))
                    .containsEntry("LARARENA_CLUSTER_MEMBERS", "127.0.0.1:" + cluster + ",127.0.0.1:" + (cluster + 1) + ",127.0.0.1:" + (cluster + 2))
                    .containsEntry("LARARENA_DATA_DIR", "/srv/lararena/instances/" + instance.number())
                    .containsEntry("LARARENA_SHARED_DIR", "/srv/lararena/shared")
                    .containsEntry("LARARENA_RDF_URL", config.rdf().url().orElseThrow().toString())
                    .containsEntry("LARARENA_ES_URLS", "http://127.0.0.1:19200")
                    .containsEntry("LARARENA_KEYCLOAK_URL", config.keycloak().url().toString())
                    .containsEntry("LARARENA_INSTANCES", "1");
            LararenaConfig own = LararenaConfig.fromMap(env);
            assertThat(own.instances()).isEqualTo(1);
            assertThat(own.elasticsearch().managed() || own.keycloak().managed() || own.rdf().managed())
                    .as("an instance starts none of the servers the launcher manages").isFalse();
            assertThat(own.elasticsearch().analysisFiles()).as("the managed nodes have the ontology's files").isTrue();
            assertThat(own.loadDemoData()).as("demo documents once for the platform").isEqualTo(instance.number() == 1);
            assertThat(own.watchDir().isPresent()).as("a watched folder ingested once").isEqualTo(instance.number() == 1);
        }
    }

    @Test
    void portsBeyondTheRangeOrClashingWithAManagedServerAreRefusedSayingWhich() {
        assertThatThrownBy(() -> plan(settings(65_535, freeRange(2), "2")))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.isClientError()).isTrue())
                .hasMessageContaining("LARARENA_HTTP_PORT").hasMessageContaining("65535");
        assertThatThrownBy(() -> plan(settings(19_199, freeRange(2), "2")))
                .isInstanceOfSatisfying(LararenaException.class, e -> assertThat(e.isClientError()).isTrue())
                .hasMessageContaining("19200").hasMessageContaining("LARARENA_ES_PORT").hasMessageContaining("instance 2");
    }

    @Test
    void aTakenPortIsRefusedNamingTheInstanceAndTheSetting() throws Exception {
        int http = freeRange(2);
        try (ServerSocket taken = new ServerSocket(http + 1, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> plan(settings(http, freeRange(2), "2")))
                    .isInstanceOf(LararenaException.class)
                    .hasMessageContaining(String.valueOf(http + 1)).hasMessageContaining("LARARENA_HTTP_PORT").hasMessageContaining("instance 2");
        }
    }

    @Test
    void clusterMembersOfTheirOwnAreRefusedForInstancesTheLauncherLists() {
        Map<String, String> settings = settings(freeRange(2), freeRange(2), "2");
        settings.put("LARARENA_CLUSTER_MEMBERS", "10.0.0.1:5701");

        assertThatThrownBy(() -> plan(settings)).hasMessageContaining("LARARENA_CLUSTER_MEMBERS");
    }

    private static List<ManagedInstance> plan(Map<String, String> settings) {
        return ManagedInstance.plan(LararenaConfig.fromMap(settings), settings);
    }

    private static Map<String, String> settings(int httpPort, int clusterPort, String instances) {
        Map<String, String> settings = new HashMap<>();
        settings.put("LARARENA_HOME", "/srv/checkout");
        settings.put("LARARENA_DATA_DIR", "/srv/lararena");
        settings.put("LARARENA_HTTP_PORT", String.valueOf(httpPort));
        settings.put("LARARENA_CLUSTER_PORT", String.valueOf(clusterPort));
        settings.put("LARARENA_ES_PORT", "19200");
        settings.put("LARARENA_INSTANCES", instances);
        return settings;
    }

    /** The first of {@code count} consecutive ports that are free now. */
    private static int freeRange(int count) {
        while (true) {
            int first = Ports.freePort();
            if (first + count - 1 <= 65_535 && isFree(first, count)) {
                return first;
            }
        }
    }

    private static boolean isFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try {
                Ports.requireFree("127.0.0.1", port, "test");
            } catch (LararenaException e) {
                return false;
            }
        }
        return true;
    }
}
