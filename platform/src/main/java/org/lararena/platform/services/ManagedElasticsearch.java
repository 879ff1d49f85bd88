package org.lararena.platform.services;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import org.lararena.platform.LararenaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Elasticsearch node on loopback, alone or one of a managed cluster of several ({@code LARARENA_ES_NODES}),
 * unpacked into its own folder ({@code <data dir>/elasticsearch}, the second node's {@code elasticsearch-2}, …), with
 * the project's Swedish analysis plugin installed and the {@link ElasticsearchConfigFiles} of the class path in its
 * config directory. Run as the unprivileged account {@value #ACCOUNT} when started by root, because Elasticsearch
 * refuses to run as root.
 *
 * <p>The nodes of a cluster find each other on their transport ports, and all take part in electing the master (a
 * cluster of two cannot elect one without both, so losing the elected master of two stops writes until it is back;
 * three nodes survive the loss of any one). They share one snapshot repository, the first node's.
 */
public final class ManagedElasticsearch {

    public static final String ACCOUNT = "lararena-es";
    /** The node's snapshot repository folder (its {@code path.repo}), under its root: where backups take their snapshots. */
    public static final String SNAPSHOT_FOLDER = "snapshots";
    private static final Logger LOG = LoggerFactory.getLogger(ManagedElasticsearch.class);

    /**
     * A node's place in a managed cluster.
     *
     * @param index          its number, from 0: its name is {@code lararena-local-<index>}
     * @param transportPorts every node's transport port, in node order (one: a single node that forms a cluster alone)
     * @param snapshots      the cluster's shared snapshot repository folder
     */
    public record Member(int index, List<Integer> transportPorts, Path snapshots) {
        public Member {
            transportPorts = List.copyOf(transportPorts);
            if (index < 0 || index >= transportPorts.size()) {
                throw new IllegalArgumentException("node " + index + " of " + transportPorts.size());
            }
            snapshots = snapshots.toAbsolutePath();
        }

        boolean alone() {
            return transportPorts.size() == 1;
        }

        String nodeName() {
            return nodeName(index);
        }

        static String nodeName(int index) {
            return "lararena-local-" + index;
        }
    }

    private final ServerDistributions distributions;
    private final Path root;
    private final int port;
    private final int heapMb;
    private final Path javaHome;
    private final Member member;

    /**
     * A node that forms a cluster alone.
     *
     * @param root     folder for the node's program, data and logs
     * @param javaHome the JDK (21+) the node runs on
     */
    public ManagedElasticsearch(ServerDistributions distributions, Path root, int port, int heapMb, Path javaHome) {
        this(distributions, root, port, heapMb, javaHome, new Member(0, List.of(0), snapshotRepository(root)));
    }

    /** One node of a managed cluster (see {@link Member}). */
    public ManagedElasticsearch(ServerDistributions distributions, Path root, int port, int heapMb, Path javaHome, Member member) {
        this.distributions = Objects.requireNonNull(distributions);
        this.root = Objects.requireNonNull(root).toAbsolutePath();
        this.port = port;
        this.heapMb = heapMb;
        this.javaHome = Objects.requireNonNull(javaHome);
        this.member = Objects.requireNonNull(member);
    }

    /** The first node of the configuration's managed cluster (the only one by default). */
    public static ManagedElasticsearch forConfig(LararenaConfig config, ServerDistributions distributions) {
        return forConfig(config, distributions, 0);
    }

    /**
     * Node {@code index} of the configuration's managed cluster: HTTP on {@code LARARENA_ES_PORT + index}, transport
     * on {@value #TRANSPORT_PORT_OFFSET} above its HTTP port (9300 beside 9200, as Elasticsearch's own defaults).
     */
    public static ManagedElasticsearch forConfig(LararenaConfig config, ServerDistributions distributions, int index) {
        LararenaConfig.Elasticsearch es = config.elasticsearch();
        List<Integer> transportPorts = new ArrayList<>();
        for (int node = 0; node < es.nodes(); node++) {
            transportPorts.add(es.port() + node + TRANSPORT_PORT_OFFSET);
        }
        Path first = config.dataPath(folderName(0));
        Path root = config.dataPath(folderName(index));
        return new ManagedElasticsearch(distributions, root, es.port() + index, es.heapMb(), Path.of(System.getProperty("java.home")),
                new Member(index, transportPorts, snapshotRepository(first)));
    }

    /** The data directory's folder of node {@code index}: {@code elasticsearch}, then {@code elasticsearch-2}, … */
    public static String folderName(int index) {
        return index == 0 ? NODE_FOLDER : NODE_FOLDER + "-" + (index + 1);
    }

    /** Whether a folder of the data directory is a managed node's (its program, data and logs: {@link #folderName}). */
    public static boolean isNodeFolder(String name) {
        return name.equals(NODE_FOLDER) || name.startsWith(NODE_FOLDER + "-");
    }

    private static final String NODE_FOLDER = "elasticsearch";

    /**
     * The supervised service name of node {@code index} of {@code nodes}: {@code elasticsearch} for a single node,
     * {@code elasticsearch-1}, {@code elasticsearch-2}, … for the nodes of a cluster.
     */
    public static String serviceName(int index, int nodes) {
        return nodes == 1 ? "elasticsearch" : CLUSTER_NODE_SERVICE + (index + 1);
    }

    /** Whether {@code service} names one node of a managed cluster of several (see {@link #serviceName}). */
    public static boolean isClusterNode(String service) {
        return service.startsWith(CLUSTER_NODE_SERVICE);
    }

    private static final String CLUSTER_NODE_SERVICE = "elasticsearch-";

    /** How far above a managed node's HTTP port its transport port is. */
    public static final int TRANSPORT_PORT_OFFSET = 100;

    /** The folder of the snapshot repository of the node kept in {@code root} (the data directory's {@code elasticsearch}). */
    public static Path snapshotRepository(Path root) {
        return root.toAbsolutePath().resolve(SNAPSHOT_FOLDER);
    }

    public URI url() {
        return URI.create("http://" + LararenaConfig.LOOPBACK + ":" + port);
    }

    /** Writes every {@link ElasticsearchConfigFiles} contribution on the class path under {@code configDir}. */
    static void writeConfigFiles(Path configDir) throws IOException {
        Path base = configDir.toAbsolutePath().normalize();
        for (ElasticsearchConfigFiles contribution : ServiceLoader.load(ElasticsearchConfigFiles.class)) {
            for (Map.Entry<String, String> file : contribution.files().entrySet()) {
                Path target = base.resolve(file.getKey()).normalize();
                if (!target.startsWith(base)) {
                    throw new IOException("config file " + file.getKey() + " would leave " + base);
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    /** How the node finds the others, or that it is alone (a single node keeps the name and discovery it always had). */
    private List<String> clusterSettings() {
        if (member.alone()) {
            return List.of("cluster.name=lararena", "node.name=lararena-local", "discovery.type=single-node");
        }
        List<String> peers = member.transportPorts().stream().map(p -> LararenaConfig.LOOPBACK + ":" + p).toList();
        List<String> names = new ArrayList<>();
        for (int node = 0; node < member.transportPorts().size(); node++) {
            names.add(Member.nodeName(node));
        }
        return List.of("cluster.name=lararena", "node.name=" + member.nodeName(),
                "transport.port=" + member.transportPorts().get(member.index()),
                "discovery.seed_hosts=" + String.join(",", peers),
                // Read only when the cluster first forms; later starts join the cluster their data belongs to.
                "cluster.initial_master_nodes=" + String.join(",", names));
    }

    /** Unpacks (once), installs the plugin (every start, so a rebuilt plugin is picked up), starts and waits. */
    public ManagedProcess start(Duration timeout) {
        Ports.requireFree(LararenaConfig.LOOPBACK, port, "LARARENA_ES_PORT");
        if (!member.alone()) {
            // A node's transport port is TRANSPORT_PORT_OFFSET above its HTTP port, so both move with LARARENA_ES_PORT.
            Ports.requireFree(LararenaConfig.LOOPBACK, member.transportPorts().get(member.index()), "LARARENA_ES_PORT");
        }
        Path home = ServerDistributions.unpackOnce(distributions.elasticsearchZip(),
                root.resolve("elasticsearch-" + distributions.elasticsearchVersion()));
        Path data = root.resolve("data");
        Path logs = root.resolve("logs");
        Path tmp = root.resolve("tmp");
        Path snapshots = member.snapshots();
        try {
            Path plugin = home.resolve("plugins").resolve(distributions.analysisPluginName());
            ServerDistributions.deleteTree(plugin);
            ServerDistributions.unzip(distributions.analysisPluginZip(), plugin, false);
            writeConfigFiles(home.resolve("config"));
            Files.createDirectories(data);
            Files.createDirectories(logs);
            Files.createDirectories(tmp);
            forgetLauncherLeftovers(tmp);
            Files.createDirectories(snapshots);
        } catch (IOException e) {
            throw new ServiceStartException("could not prepare Elasticsearch in " + root + " (" + e.getMessage() + ")", e);
        }

        List<String> command = new ArrayList<>();
        if (UnprivilegedAccount.runningAsRoot()) {
            Path blocked = UnprivilegedAccount.firstUntraversable(root);
            if (blocked != null) {
                throw new ServiceStartException("Elasticsearch runs as the unprivileged account '" + ACCOUNT + "' when started by root, and it cannot pass "
                        + blocked + ": set LARARENA_DATA_DIR to a folder outside it (for example /var/lib/lararena)");
            }
            UnprivilegedAccount account = new UnprivilegedAccount(ACCOUNT).ensureExists();
            // The shared snapshot folder lies under the first node's folder, which another node may have made first.
            account.own(root, snapshots);
            command.addAll(account.commandPrefix());
            LOG.info("Running as root: Elasticsearch runs as the account '{}'", ACCOUNT);
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        for (String setting : clusterSettings()) {
            command.add("-E");
            command.add(setting);
        }
        for (String setting : List.of(
                "network.host=" + LararenaConfig.LOOPBACK,
                "http.port=" + port,
                "path.data=" + data,
                "path.logs=" + logs,
                // ./lararena backup snapshots the index here, then copies the repository into the backup.
                "path.repo=" + snapshots,
                // A local node with no security: it listens on loopback only.
                "xpack.security.enabled=false",
                // A nearly full developer disk must not turn every index read-only.
                "cluster.routing.allocation.disk.threshold_enabled=false",
                "action.destructive_requires_name=true")) {
            command.add("-E");
            command.add(setting);
        }
        Map<String, String> env = Map.of(
                "ES_JAVA_HOME", javaHome.toString(),
                "ES_JAVA_OPTS", "-Xms" + heapMb + "m -Xmx" + heapMb + "m",
                "ES_TMPDIR", tmp.toString(),
                // The launcher probes the JVM's flags in folders it makes in its own temporary directory (two a start)
                // and never removes: in the node's folder, not the machine's /tmp, and each start removes the last start's.
                "CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp,
                "HOME", root.toString());
        ManagedProcess process = ManagedProcess.start("Elasticsearch", command, env, root, logs.resolve("console.log"));
        process.awaitReady(url().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"), timeout);
        return process;
    }

    /** The folder prefix of the launcher's JVM probe ({@code JvmOption.flagsFinal} in Elasticsearch's server CLI). */
    static final String LAUNCHER_PROBE_PREFIX = "final-flags";

    /** Removes what earlier starts' launchers left in {@code tmp}: the node is not running in this folder now. */
    private static void forgetLauncherLeftovers(Path tmp) throws IOException {
        try (var found = Files.list(tmp)) {
            for (Path left : found.filter(f -> f.getFileName().toString().startsWith(LAUNCHER_PROBE_PREFIX)).toList()) {
                ServerDistributions.deleteTree(left);
            }
        }
    }
}
