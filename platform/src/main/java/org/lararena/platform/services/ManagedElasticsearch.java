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
 * A single-node Elasticsearch on loopback, unpacked into {@code <data dir>/elasticsearch}, with the project's
 * Swedish analysis plugin installed and the {@link ElasticsearchConfigFiles} of the class path in its config directory. Run as the unprivileged account {@value #ACCOUNT} when started by root,
 * because Elasticsearch refuses to run as root.
 */
public final class ManagedElasticsearch {

    public static final String ACCOUNT = "lararena-es";
    /** The node's snapshot repository folder (its {@code path.repo}), under its root: where backups take their snapshots. */
    public static final String SNAPSHOT_FOLDER = "snapshots";
    private static final Logger LOG = LoggerFactory.getLogger(ManagedElasticsearch.class);

    private final ServerDistributions distributions;
    private final Path root;
    private final int port;
    private final int heapMb;
    private final Path javaHome;

    /**
     * @param root     folder for the node's program, data and logs
     * @param javaHome the JDK (21+) the node runs on
     */
    public ManagedElasticsearch(ServerDistributions distributions, Path root, int port, int heapMb, Path javaHome) {
        this.distributions = Objects.requireNonNull(distributions);
        this.root = Objects.requireNonNull(root).toAbsolutePath();
        this.port = port;
        this.heapMb = heapMb;
        this.javaHome = Objects.requireNonNull(javaHome);
    }

    public static ManagedElasticsearch forConfig(LararenaConfig config, ServerDistributions distributions) {
        return new ManagedElasticsearch(distributions, config.dataPath("elasticsearch"), config.elasticsearch().port(),
                config.elasticsearch().heapMb(), Path.of(System.getProperty("java.home")));
    }

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

    /** Unpacks (once), installs the plugin (every start, so a rebuilt plugin is picked up), starts and waits. */
    public ManagedProcess start(Duration timeout) {
        Ports.requireFree(LararenaConfig.LOOPBACK, port, "LARARENA_ES_PORT");
        Path home = ServerDistributions.unpackOnce(distributions.elasticsearchZip(),
                root.resolve("elasticsearch-" + distributions.elasticsearchVersion()));
        Path data = root.resolve("data");
        Path logs = root.resolve("logs");
        Path tmp = root.resolve("tmp");
        Path snapshots = snapshotRepository(root);
        try {
            Path plugin = home.resolve("plugins").resolve(distributions.analysisPluginName());
            ServerDistributions.deleteTree(plugin);
            ServerDistributions.unzip(distributions.analysisPluginZip(), plugin, false);
            writeConfigFiles(home.resolve("config"));
            Files.createDirectories(data);
            Files.createDirectories(logs);
            Files.createDirectories(tmp);
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
            account.own(root);
            command.addAll(account.commandPrefix());
            LOG.info("Running as root: Elasticsearch runs as the account '{}'", ACCOUNT);
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        for (String setting : List.of(
                "cluster.name=lararena",
                "node.name=lararena-local",
                "discovery.type=single-node",
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
                "HOME", root.toString());
        ManagedProcess process = ManagedProcess.start("Elasticsearch", command, env, root, logs.resolve("console.log"));
        process.awaitReady(url().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"), timeout);
        return process;
    }
}
