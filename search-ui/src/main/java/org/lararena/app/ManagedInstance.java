package org.lararena.app;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.services.ManagedElasticsearch;
import org.lararena.platform.services.ManagedProcess;
import org.lararena.platform.services.Ports;

/**
 * One application instance of {@code ./lararena up --instances N}: {@code ./lararena up} itself, run as a JVM of its
 * own (so that it can die alone and is started again by its supervisor, like Elasticsearch), with one instance and
 * the addresses of the servers the launcher manages for all of them.
 *
 * <p>Instance {@code i} (from 1) listens on {@code LARARENA_HTTP_PORT + i - 1}, is the cluster member on
 * {@code LARARENA_CLUSTER_PORT + i - 1}, and keeps what is its own in {@code <data dir>/instances/i}. Work that must
 * happen once for the platform (the demo documents, a watched folder) is given to instance 1 alone.
 */
final class ManagedInstance {

    /** Added to the run state's service names: {@code instance-1}, {@code instance-2}, … */
    static final String SERVICE_PREFIX = "instance-";

    private final int number;
    private final String host;
    private final int httpPort;
    private final int clusterPort;
    private final Path dataDir;
    private final Map<String, String> environment;

    private ManagedInstance(int number, String host, int httpPort, int clusterPort, Path dataDir, Map<String, String> environment) {
        this.number = number;
        this.host = host;
        this.httpPort = httpPort;
        this.clusterPort = clusterPort;
        this.dataDir = dataDir;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The {@code config.instances()} instances of a start whose settings are {@code settings} (the environment with
     * {@code up}'s options in it), after checking that their ports lie within range, clash with none of the managed
     * servers' and are free now.
     */
    static List<ManagedInstance> plan(LararenaConfig config, Map<String, String> settings) {
        int count = config.instances();
        if (config.cluster().enabled()) {
            throw LararenaException.badRequest("LARARENA_CLUSTER_MEMBERS is set, but ./lararena up --instances " + count
                    + " lists the instances it starts itself: unset LARARENA_CLUSTER_MEMBERS (it is for instances on several machines)");
        }
        requireRange("LARARENA_HTTP_PORT", config.httpPort(), count);
        requireRange("LARARENA_CLUSTER_PORT", config.cluster().port(), count);
        Map<Integer, String> taken = managedServerPorts(config);
        List<String> members = IntStream.range(0, count).mapToObj(i -> LararenaConfig.LOOPBACK + ":" + (config.cluster().port() + i)).toList();
        Path sharedDir = config.cluster().sharedDir().orElse(config.dataPath("shared"));
        List<ManagedInstance> instances = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            int httpPort = config.httpPort() + number - 1;
            int clusterPort = config.cluster().port() + number - 1;
            claim(taken, httpPort, "LARARENA_HTTP_PORT of instance " + number);
            claim(taken, clusterPort, "LARARENA_CLUSTER_PORT of instance " + number);
            Path dataDir = config.dataPath("instances").resolve(String.valueOf(number));
            instances.add(new ManagedInstance(number, config.httpHost(), httpPort, clusterPort, dataDir,
                    environment(config, settings, number, httpPort, clusterPort, members, dataDir, sharedDir)));
        }
        for (ManagedInstance instance : instances) {
            Ports.requireFree(instance.host, instance.httpPort, "LARARENA_HTTP_PORT (instance " + instance.number + " of " + count
                    + " uses LARARENA_HTTP_PORT+" + (instance.number - 1) + ")");
            Ports.requireFree(LararenaConfig.LOOPBACK, instance.clusterPort, "LARARENA_CLUSTER_PORT (instance " + instance.number + " of "
                    + count + " uses LARARENA_CLUSTER_PORT+" + (instance.number - 1) + ")");
        }
        return instances;
    }

    /** The settings of instance {@code number}: the launcher's, with the shared servers named and the instance's own ports and folder. */
    private static Map<String, String> environment(LararenaConfig config, Map<String, String> settings, int number, int httpPort,
                                                   int clusterPort, List<String> members, Path dataDir, Path sharedDir) {
        Map<String, String> env = new HashMap<>(settings);
        // What the launcher starts for all instances, named to each as an external server. Blank, not removed: the
        // process inherits the launcher's own environment, and a blank setting counts as unset.
        List.of("LARARENA_ES_NODES", "LARARENA_RDF", "LARARENA_WATCH_DIR").forEach(key -> env.put(key, ""));
        env.put("LARARENA_INSTANCES", "1");
        env.put("LARARENA_HOME", config.home().toString());
        env.put("LARARENA_ES_URLS", config.elasticsearch().urls().stream().map(URI::toString).collect(Collectors.joining(",")));
        // As the managed cluster has them; an external cluster's defaults differ.
        env.put("LARARENA_ES_ANALYSIS_FILES", String.valueOf(config.elasticsearch().analysisFiles()));
        env.put("LARARENA_ES_SHARDS", String.valueOf(config.elasticsearch().shards()));
        env.put("LARARENA_ES_REPLICAS", String.valueOf(config.elasticsearch().replicas()));
        env.put("LARARENA_KEYCLOAK_URL", config.keycloak().url().toString());
        env.put("LARARENA_RDF_URL", config.rdf().url().orElseThrow().toString());
        env.put("LARARENA_HTTP_PORT", String.valueOf(httpPort));
        env.put("LARARENA_CLUSTER_HOST", LararenaConfig.LOOPBACK);
        env.put("LARARENA_CLUSTER_PORT", String.valueOf(clusterPort));
        env.put("LARARENA_CLUSTER_MEMBERS", String.join(",", members));
        env.put("LARARENA_DATA_DIR", dataDir.toString());
        env.put("LARARENA_SHARED_DIR", sharedDir.toString());
        // Once for the platform, not once per instance: the demo documents and a watched folder's files.
        env.put("LARARENA_DEMO_DATA", String.valueOf(number == 1 && config.loadDemoData()));
        if (number == 1) {
            config.watchDir().ifPresent(dir -> env.put("LARARENA_WATCH_DIR", dir.toString()));
        }
        return env;
    }

    /** Ports the managed servers listen on (HTTP, and Elasticsearch's transport), each with the setting it comes from. */
    private static Map<Integer, String> managedServerPorts(LararenaConfig config) {
        Map<Integer, String> taken = new LinkedHashMap<>();
        if (config.elasticsearch().managed()) {
            for (URI node : config.elasticsearch().urls()) {
                taken.put(node.getPort(), "LARARENA_ES_PORT (an Elasticsearch node)");
                taken.put(node.getPort() + ManagedElasticsearch.TRANSPORT_PORT_OFFSET, "LARARENA_ES_PORT+"
                        + ManagedElasticsearch.TRANSPORT_PORT_OFFSET + " (an Elasticsearch node's transport)");
            }
        }
        if (config.keycloak().managed()) {
            taken.put(config.keycloak().port(), "LARARENA_KEYCLOAK_PORT");
        }
        if (config.rdf().managed()) {
            taken.put(config.rdf().port(), "LARARENA_FUSEKI_PORT");
        }
        return taken;
    }

    private static void requireRange(String key, int first, int count) {
        if (first + count - 1 > 65_535) {
            throw LararenaException.badRequest(count + " instances need the ports " + key + "=" + first + " to " + (first + count - 1)
                    + ", beyond 65535: lower " + key + " or start fewer instances");
        }
    }

    private static void claim(Map<Integer, String> taken, int port, String what) {
        String other = taken.putIfAbsent(port, what);
        if (other != null) {
            throw LararenaException.badRequest("port " + port + " would be both the " + what + " and " + other
                    + ": choose ports further apart, or start fewer instances");
        }
    }

    /** The settings the instance starts with (the launcher's own environment beneath them). */
    Map<String, String> environment() {
        return environment;
    }

    int number() {
        return number;
    }

    String service() {
        return SERVICE_PREFIX + number;
    }

    String displayName() {
        return "Application instance " + number;
    }

    URI url() {
        return url(host, httpPort);
    }

    /** Where instance {@code number} of {@code config}'s instances answers (for {@code status} while none runs). */
    static URI url(LararenaConfig config, int number) {
        return url(config.httpHost(), config.httpPort() + number - 1);
    }

    private static URI url(String host, int port) {
        return URI.create("http://" + LararenaConfig.hostForUrl(host) + ":" + port);
    }

    /** Starts the instance and returns once its {@code /health} answers 200; its output goes to {@code logs/console.log} in its folder. */
    ManagedProcess start(Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The launcher's heap and VM settings (LARARENA_JAVA_OPTS), which each instance needs as one alone would.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-Xm") || option.startsWith("-Xss") || option.startsWith("-XX:")).forEach(command::add);
        command.addAll(List.of(Lararena.class.getName(), "up"));
        Map<String, String> env = new HashMap<>(environment);
        // The classpath (hundreds of jars) goes in the environment, so that the command logged stays readable.
        env.put("CLASSPATH", System.getProperty("java.class.path") + File.pathSeparator + env.getOrDefault("CLASSPATH", ""));
        ManagedProcess process = ManagedProcess.start(displayName(), command, env, Path.of(environment.get("LARARENA_HOME")),
                dataDir.resolve("logs/console.log"));
        process.awaitReady(url().resolve("/health"), timeout);
        return process;
    }
}
