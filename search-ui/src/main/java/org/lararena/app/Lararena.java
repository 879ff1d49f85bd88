package org.lararena.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.lararena.erasure.ErasureLog;
import org.lararena.backup.BackupManifest;
import org.lararena.backup.DataFormat;
import org.lararena.backup.DataRestore;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.TdbNodeCaches;
import org.lararena.platform.services.DemoLogins;
import org.lararena.platform.services.ManagedElasticsearch;
import org.lararena.platform.services.ManagedFuseki;
import org.lararena.platform.services.ManagedKeycloak;
import org.lararena.platform.services.ManagedProcess;
import org.lararena.platform.services.Ports;
import org.lararena.platform.services.RecordedServers;
import org.lararena.platform.services.ServerDistributions;
import org.lararena.platform.services.ServiceStartException;
import org.lararena.platform.services.ServiceSupervisor;

/**
 * The command line behind {@code ./lararena}: {@code up} starts the managed servers (unless external ones are
 * configured) under supervision (a server that dies is started again, see {@link SupervisedServers}) and the
 * application, and stops all of it on Ctrl-C; {@code down} stops a running {@code up};
 * {@code status} prints JSON. Every failure is one line on standard error and a non-zero exit code.
 */
public final class Lararena {

    private static final String USAGE = """
            usage: ./lararena <command>
              up [--instances N] [--es-nodes M]: start Elasticsearch (M nodes on consecutive ports, as LARARENA_ES_NODES),
                       Keycloak, Fuseki when LARARENA_RDF=fuseki or N > 1, and the application: N instances, each a
                       process of its own on consecutive ports, as LARARENA_INSTANCES (Ctrl-C stops everything)
              down     stop a running ./lararena up
              status   print the state and address of the application (each instance), Elasticsearch, Keycloak and
                       the RDF store as JSON
                       (a managed server that died says "restarting", or "gave up" after a crash loop)
              login    log in for the commands below (device login; --user U --password P where the realm allows it)
              ingest   PATH... [--pilot P] [--type T] [--visibility V] [--recursive]: send documents and follow them
              export   --qdpx FILE [--documents ID,...] [--pseudonyms]: the documents (default: all you may read) with
                       their codings and memos as a REFI-QDA project, for NVivo, ATLAS.ti, MAXQDA, QualCoder (researchers)
              import   FILE.qdpx | FILE.qdc: a REFI-QDA project (text sources, codings, notes) or codebook (researchers)
              reindex  [--from-originals]: rebuild the search index from the data directory into a fresh index, without
                       downtime (admin); --from-originals then extracts every document again from its original
              backup   DIR: back up the running platform into the empty or new folder DIR (admin)
              backup   --verify DIR: check a backup's manifest and checksums without restoring it
              restore  DIR [--erasures FILE]: restore a backup onto an empty data directory (LARARENA_DATA_DIR), with
                       Lärarena stopped; --erasures: the erasure log of the newer data directory (its
                       erasures/tombstones.jsonl), whose erasures since the backup the next start carries out again
              erase    --document ID | --participant NAME --reason TEXT: erase for good, leaving a tombstone
                       (data-steward or admin); erase --list: the tombstones
              retention [--erase-due [--reason TEXT]]: the documents whose retention date has come (and later ones);
                       --erase-due erases those due now, under one tombstone (data-steward or admin)
            configuration: LARARENA_* environment variables, see README.md""";

    private final PrintStream out;

    private Lararena(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        int exit;
        try {
            Map<String, String> settings = command.equals("up") ? upEnvironment(System.getenv(), List.of(args).subList(1, args.length))
                    : System.getenv();
            LararenaConfig config = LararenaConfig.fromMap(settings);
            // Before the first logger: logs of the application go to the data directory.
            System.setProperty("lararena.log.dir", config.dataPath("logs").toString());
            Lararena cli = new Lararena(System.out);
            exit = switch (command) {
                case "up" -> cli.up(config, settings);
                case "down" -> cli.down(config);
                case "status" -> cli.status(config);
                case "login" -> cli.login(config, List.of(args).subList(1, args.length));
                case "ingest" -> new CliIngest(config, new CliCredentials(config).accessToken(), System.out, System.err)
                        .run(CliIngest.parse(List.of(args).subList(1, args.length)));
                case "export" -> {
                    CliExchange.ExportOptions options = CliExchange.parseExport(List.of(args).subList(1, args.length));
                    yield new CliExchange(config, new CliCredentials(config).accessToken(), System.out).export(options);
                }
                case "import" -> {
                    Path file = CliExchange.parseImport(List.of(args).subList(1, args.length));
                    yield new CliExchange(config, new CliCredentials(config).accessToken(), System.out).importFile(file);
                }
                case "reindex" -> cli.reindex(config, List.of(args).subList(1, args.length));
                case "backup" -> cli.backup(config, List.of(args).subList(1, args.length));
                case "restore" -> cli.restore(config, List.of(args).subList(1, args.length));
                case "erase" -> cli.erase(config, List.of(args).subList(1, args.length));
                case "retention" -> cli.retention(config, List.of(args).subList(1, args.length));
                case "help", "-h", "--help" -> {
                    System.out.println(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.println("lararena: unknown command '" + command + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (LararenaException e) {
            System.err.println("lararena: " + e.getMessage());
            exit = e.isClientError() ? 2 : 1;
        } catch (IOException e) {
            System.err.println("lararena: " + e.getMessage());
            exit = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = 130;
        }
        System.exit(exit);
    }

    /** Who left the servers a start stops before its own ({@link RecordedServers#stop}). */
    private static final String EARLIER_UP = "an earlier ./lararena up";
    /** {@code up}'s options and the settings they stand for. */
    private static final Map<String, String> UP_OPTIONS = Map.of("--es-nodes", "LARARENA_ES_NODES", "--instances", "LARARENA_INSTANCES");

    /**
     * The environment with {@code up}'s options in it: {@code --es-nodes M} is {@code LARARENA_ES_NODES=M},
     * {@code --instances N} is {@code LARARENA_INSTANCES=N}.
     */
    static Map<String, String> upEnvironment(Map<String, String> environment, List<String> options) {
        Map<String, String> env = new HashMap<>(environment);
        for (int i = 0; i < options.size(); i++) {
            String setting = UP_OPTIONS.get(options.get(i));
            if (setting != null && i + 1 < options.size()) {
                env.put(setting, options.get(++i));
            } else {
                throw LararenaException.badRequest("up takes --instances N (how many application instances to start) and --es-nodes M"
                        + " (how many Elasticsearch nodes); got '" + String.join(" ", options) + "'");
            }
        }
        return env;
    }

    /**
     * Starts everything, prints where it is, and returns only when stopped (exit code 0) or failed. With one instance
     * the application runs in this process; with several, each is a process of its own ({@link ManagedInstance}),
     * started with {@code settings} (the environment with up's options) and supervised like the managed servers.
     */
    int up(LararenaConfig config, Map<String, String> settings) {
        config.requireWritableDataDir();
        requireFreeDisk(config);
        RunState run = RunState.acquire(config.dataDir());
        try {
            // Before any server starts: servers an earlier run left behind hold its ports and Elasticsearch's data lock.
            // Those it wrote down first, then any still running from this data directory: a run killed while its servers
            // started had not written them down yet.
            RecordedServers.stop(RunState.recordedServers(config.dataDir(), RecordedServers::isPlatformServer), EARLIER_UP, out);
            RecordedServers.stop(RecordedServers.runningFrom(config.dataDir()), EARLIER_UP, out);
            // Before any server starts: a directory of a newer Lärarena is refused untouched, an older one migrated.
            DataFormat.prepare(config.dataDir());
            // Before Jena is first used in this process: TDB2 reads its node caches' size once, and opens every generation
            // of the embedded store with it, those its compactions make included.
            TdbNodeCaches.useInThisJvm(config.dataPath(TdbNodeCaches.SETTINGS_FILE), config.rdf().nodeCacheNodesInThisJvm());
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        List<ManagedInstance> instances;
        try {
            instances = config.instances() > 1 ? ManagedInstance.plan(config, settings) : List.of();
            if (instances.isEmpty()) {
                Ports.requireFree(config.httpHost(), config.httpPort(), "LARARENA_HTTP_PORT");
            }
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }

        SupervisedServers servers = new SupervisedServers(config, run, instances);
        Vertx[] vertx = new Vertx[1];
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            stopAll(vertx[0], servers);
            run.close();
            stopped.countDown();
        }, "lararena-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        try {
            startManagedServers(config, servers);
            if (instances.isEmpty()) {
                vertx[0] = VertxCluster.start(config.cluster()).await(config.startTimeout().toSeconds(), TimeUnit.SECONDS);
                ApplicationVerticle application = new ApplicationVerticle(config, servers::statuses);
                vertx[0].deployVerticle(application).await(config.startTimeout().toSeconds(), TimeUnit.SECONDS);
            } else {
                startInstances(config, instances, servers);
            }
            servers.applicationStarted();
            printWelcome(config, instances);
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            stopAll(vertx[0], servers);
            run.close();
            throw e instanceof LararenaException le ? le
                    : new LararenaException(500, "start_failed", "the application did not start: " + rootMessage(e), e);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void startManagedServers(LararenaConfig config, SupervisedServers servers) {
        List<String> managed = new ArrayList<>();
        if (config.elasticsearch().managed()) {
            managed.add("Elasticsearch");
        }
        if (config.keycloak().managed()) {
            managed.add("Keycloak");
        }
        if (config.rdf().managed()) {
            managed.add("Fuseki");
        }
        if (managed.isEmpty()) {
            return;
        }
        ServerDistributions distributions = ServerDistributions.locate(config.home());
        out.println("Starting " + String.join(" and ", managed) + " (the first start unpacks them into " + config.dataDir() + ")…");
        List<CompletableFuture<ServiceSupervisor>> starting = new ArrayList<>();
        // A thread each: the nodes of a cluster are ready only together, so they must start side by side.
        ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor();
        if (config.elasticsearch().managed()) {
            for (int node = 0; node < config.elasticsearch().nodes(); node++) {
                int index = node;
                String service = ManagedElasticsearch.serviceName(index, config.elasticsearch().nodes());
                String name = config.elasticsearch().nodes() == 1 ? "Elasticsearch" : "Elasticsearch node " + (index + 1);
                starting.add(CompletableFuture.supplyAsync(() -> servers.supervise(service, name,
                        () -> ManagedElasticsearch.forConfig(config, distributions, index).start(config.startTimeout())), starters));
            }
        }
        if (config.keycloak().managed()) {
            starting.add(CompletableFuture.supplyAsync(() -> servers.supervise("keycloak", "Keycloak",
                    () -> ManagedKeycloak.forConfig(config, distributions).start(config.startTimeout())), starters));
        }
        if (config.rdf().managed()) {
            starting.add(CompletableFuture.supplyAsync(() -> servers.supervise(ManagedFuseki.SERVICE, "Fuseki",
                    () -> ManagedFuseki.forConfig(config).start(config.startTimeout())), starters));
        }
        starters.shutdown();
        awaitStarted(starting);
    }

    /**
     * Starts the application instances under supervision: the first alone, so that it forms the Vert.x cluster (and
     * loads the demo documents), then the others side by side, each joining it.
     */
    private void startInstances(LararenaConfig config, List<ManagedInstance> instances, SupervisedServers servers) {
        out.println("Starting " + instances.size() + " application instances (their logs: " + config.dataPath("instances") + "/N/logs)…");
        ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor();
        List<CompletableFuture<ServiceSupervisor>> starting = new ArrayList<>();
        for (ManagedInstance instance : instances) {
            starting.add(CompletableFuture.supplyAsync(() -> servers.supervise(instance.service(), instance.displayName(),
                    () -> instance.start(config.startTimeout())), starters));
            if (instance.number() == 1) {
                awaitStarted(starting);
            }
        }
        starters.shutdown();
        awaitStarted(starting);
    }

    /** Waits for servers started side by side; the first failure is thrown once all have ended one way or the other. */
    private static void awaitStarted(List<CompletableFuture<ServiceSupervisor>> starting) {
        RuntimeException failure = null;
        for (CompletableFuture<ServiceSupervisor> server : starting) {
            try {
                server.join();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failure = failure != null ? failure : cause instanceof RuntimeException re ? re
                        : new ServiceStartException(cause.getMessage(), cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void printWelcome(LararenaConfig config, List<ManagedInstance> instances) {
        out.println();
        out.println("Lärarena is running at " + (instances.isEmpty() ? config.publicUrl()
                : instances.stream().map(instance -> instance.url().toString()).collect(Collectors.joining(", "))
                        + " (" + instances.size() + " instances, one cluster)"));
        out.println("  Elasticsearch: " + String.join(", ", config.elasticsearch().urls().stream().map(URI::toString).toList())
                + (config.elasticsearch().managed() ? " (managed)" : ""));
        out.println("  Keycloak:      " + config.keycloak().url() + (config.keycloak().managed() ? " (managed, realm " + config.keycloak().realm() + ")" : ""));
        if (config.keycloak().managed()) {
            out.println("  Demo logins:   " + DemoLogins.describe(DemoLogins.ofShippedRealm()));
            out.println("  Keycloak admin console: " + config.keycloak().url() + "/admin  (admin / "
                    + ManagedKeycloak.forConfig(config, ServerDistributions.locate(config.home())).adminPassword() + ")");
        }
        out.println("  Annotations:   " + config.rdf().url().map(url -> url + (config.rdf().managed() ? " (managed Fuseki)" : " (Fuseki)"))
                .orElse("embedded TDB2 in the data directory"));
        out.println("  Data:          " + config.dataDir());
        out.println("Press Ctrl-C to stop everything.");
        out.flush();
    }

    int login(LararenaConfig config, List<String> args) {
        CliCredentials credentials = new CliCredentials(config);
        int user = args.indexOf("--user");
        int password = args.indexOf("--password");
        if (user >= 0 || password >= 0) {
            if (user < 0 || password < 0 || user + 1 >= args.size() || password + 1 >= args.size()) {
                throw LararenaException.badRequest("give both --user U and --password P, or neither for the device login");
            }
            credentials.loginWithPassword(args.get(user + 1), args.get(password + 1));
        } else {
            credentials.loginWithDevice(out);
        }
        out.println("Logged in.");
        return 0;
    }

    int reindex(LararenaConfig config, List<String> options) throws IOException, InterruptedException {
        if (!options.isEmpty() && !options.equals(List.of("--from-originals"))) {
            throw LararenaException.badRequest("reindex takes no options but --from-originals (got " + String.join(" ", options) + ")");
        }
        boolean fromOriginals = !options.isEmpty();
        String token = new CliCredentials(config).accessToken();
        JsonObject job = callAdmin(config, token, "/api/admin/reindex" + (fromOriginals ? "?from=originals" : ""), "reindex_failed");
        out.println("Rebuilding the index (job " + job.getString("id") + ")…");
        JsonObject body = awaitJob(config, token, job, "reindex_failed");
        JsonArray from = body.getJsonArray("from", new JsonArray());
        out.println("Rebuilt the index from the data directory: " + body.getInteger("documents") + " documents, "
                + body.getLong("passages") + " passages in " + body.getString("to")
                + (from.isEmpty() ? " (there was no index before)" : ", replacing " + from.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        if (fromOriginals) {
            out.println(body.getInteger("extractedAgain") + " documents are extracted again from their originals;"
                    + " they stay searchable meanwhile (follow them on the upload page)");
        }
        if (body.getInteger("failed", 0) > 0) {
            out.println(body.getInteger("failed") + " documents could not be written; the log says why");
            return 1;
        }
        return 0;
    }

    /**
     * {@code backup DIR} asks the running platform for a backup (it holds the Jena store open); {@code backup --verify DIR}
     * checks one here, without the platform.
     */
    int backup(LararenaConfig config, List<String> options) throws IOException, InterruptedException {
        boolean verify = !options.isEmpty() && options.get(0).equals("--verify");
        List<String> rest = verify ? options.subList(1, options.size()) : options;
        if (rest.size() != 1 || rest.get(0).startsWith("--")) {
            throw LararenaException.badRequest("usage: ./lararena backup DIR, or ./lararena backup --verify DIR");
        }
        Path dir = callerPath(rest.get(0));
        if (verify) {
            JsonObject manifest = BackupManifest.verify(dir);
            out.println("The backup in " + dir + " is complete: " + manifest.getInteger("fileCount") + " files, "
                    + manifest.getLong("bytes") + " bytes, taken " + manifest.getString("created") + " by Lärarena "
                    + manifest.getString("lararenaVersion") + ".");
            return 0;
        }
        String token = new CliCredentials(config).accessToken();
        JsonObject body = callAdmin(config, token, "/api/admin/backup?directory="
                + URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8), "backup_failed");
        out.println("Backed up into " + dir + ": " + body.getInteger("fileCount") + " files, " + body.getLong("bytes") + " bytes."
                + (body.getJsonObject("elasticsearch", new JsonObject()).getBoolean("included", false) ? ""
                        : " The index is not in it (no LARARENA_BACKUP_ES_REPOSITORY): after a restore, run ./lararena reindex."));
        return 0;
    }

    /**
     * {@code restore DIR [--erasures FILE]}: onto an empty data directory, with nothing running on it. The tombstones
     * of FILE (the erasure log of the directory the backup came from) join the restored log; the application erases
     * their documents again at its start, so a backup taken before an erasure does not bring the erased back.
     */
    int restore(LararenaConfig config, List<String> options) {
        int flag = options.indexOf("--erasures");
        Path erasures = null;
        List<String> rest = new ArrayList<>(options);
        if (flag >= 0) {
            if (flag + 1 >= options.size()) {
                throw LararenaException.badRequest("--erasures needs the erasure log file (DATA_DIR/erasures/tombstones.jsonl)");
            }
            erasures = callerPath(options.get(flag + 1));
            if (!Files.isRegularFile(erasures)) {
                throw LararenaException.badRequest("the erasure log " + erasures + " is not a file; nothing was restored");
            }
            rest.remove(flag + 1);
            rest.remove(flag);
        }
        if (rest.size() != 1 || rest.get(0).startsWith("--")) {
            throw LararenaException.badRequest("usage: ./lararena restore DIR [--erasures FILE] (onto the empty data directory LARARENA_DATA_DIR)");
        }
        Path dir = callerPath(rest.get(0));
        out.println("Restoring " + dir + " into " + config.dataDir() + "…");
        JsonObject manifest = new DataRestore(config).run(dir);
        out.println("Restored the backup taken " + manifest.getString("created") + ": start Lärarena with ./lararena up.");
        if (erasures != null) {
            int added = new ErasureLog(config.dataDir()).merge(erasures);
            out.println(added == 0 ? "The erasure log names no erasure after this backup."
                    : added + " erasure(s) recorded after this backup are in the restored erasure log; ./lararena up erases their documents again before anything else.");
        } else {
            out.println("If documents were erased after this backup was taken, restore again with --erasures OLD_DATA_DIR/erasures/tombstones.jsonl,"
                    + " or they are back (see docs/operations.md).");
        }
        return 0;
    }

    /** {@code retention}: the report; {@code retention --erase-due [--reason TEXT]}: erases what the report lists as due. */
    int retention(LararenaConfig config, List<String> options) throws IOException, InterruptedException {
        boolean erase = !options.isEmpty() && options.get(0).equals("--erase-due");
        List<String> rest = erase ? options.subList(1, options.size()) : options;
        if (!rest.isEmpty() && !(erase && rest.size() == 2 && rest.get(0).equals("--reason"))) {
            throw LararenaException.badRequest("usage: ./lararena retention, or ./lararena retention --erase-due [--reason TEXT]");
        }
        String token = new CliCredentials(config).accessToken();
        JsonObject report = new JsonObject(callAdmin(config, token, "GET", "/api/admin/retention", null, "retention_failed"));
        JsonArray due = report.getJsonArray("due");
        out.println(due.size() + " document(s) due for erasure as of " + report.getString("asOf") + ":");
        due.forEach(d -> {
            JsonObject item = (JsonObject) d;
            out.println("  " + item.getString("retainUntil") + "  " + item.getString("documentId") + "  " + item.getString("type") + "  " + item.getString("title"));
        });
        out.println(report.getJsonArray("later").size() + " more have a later retention date.");
        if (!erase || due.isEmpty()) {
            return 0;
        }
        JsonObject request = new JsonObject().put("documents", new JsonArray(due.stream().map(d -> ((JsonObject) d).getString("documentId")).toList()));
        if (rest.size() == 2) {
            request.put("reason", rest.get(1));
        }
        JsonObject tombstone = new JsonObject(callAdmin(config, token, "POST", "/api/admin/retention/erasures", request, "erase_failed"));
        out.println("Erased " + tombstone.getJsonArray("documents").size() + " document(s) for good. Tombstone " + tombstone.getString("id") + ".");
        return 0;
    }

    /** {@code erase --document ID | --participant NAME --reason TEXT}, or {@code erase --list}. */
    int erase(LararenaConfig config, List<String> options) throws IOException, InterruptedException {
        String token = new CliCredentials(config).accessToken();
        if (options.equals(List.of("--list"))) {
            JsonArray tombstones = new JsonArray(callAdmin(config, token, "GET", "/api/admin/erasures", null, "erase_failed"));
            tombstones.forEach(t -> {
                JsonObject tombstone = (JsonObject) t;
                out.println(tombstone.getString("erasedAt") + "  " + tombstone.getString("erasedBy") + "  "
                        + tombstone.getJsonArray("documents").size() + " document(s)  " + tombstone.getString("reason"));
            });
            return 0;
        }
        JsonObject request = new JsonObject();
        for (int i = 0; i < options.size(); i += 2) {
            String field = switch (options.get(i)) {
                case "--document" -> "documentId";
                case "--participant" -> "participant";
                case "--reason" -> "reason";
                default -> throw LararenaException.badRequest("erase takes --document ID or --participant NAME, and --reason TEXT (got " + options.get(i) + ")");
            };
            if (i + 1 >= options.size()) {
                throw LararenaException.badRequest(options.get(i) + " needs a value");
            }
            request.put(field, options.get(i + 1));
        }
        JsonObject tombstone = new JsonObject(callAdmin(config, token, "POST", "/api/admin/erasures", request, "erase_failed"));
        out.println("Erased " + tombstone.getJsonArray("documents").size() + " document(s) for good: "
                + tombstone.getJsonArray("documents").stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ". Tombstone " + tombstone.getString("id") + ".");
        if (!tombstone.getJsonArray("backupsBefore").isEmpty()) {
            out.println("Backups taken before still hold them: " + tombstone.getJsonArray("backupsBefore").stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ". Restore one with --erasures (see docs/operations.md).");
        }
        return 0;
    }

    /** A path as the user typed it: relative to the folder they ran {@code ./lararena} in (the launcher moves to the checkout). */
    static Path callerPath(String typed) {
        String callerDir = System.getenv("LARARENA_CALLER_DIR");
        Path path = Path.of(typed);
        return (path.isAbsolute() || callerDir == null ? path.toAbsolutePath() : Path.of(callerDir).resolve(path)).normalize();
    }

    private static JsonObject callAdmin(LararenaConfig config, String token, String pathAndQuery, String failure) throws IOException, InterruptedException {
        return new JsonObject(callAdmin(config, token, "POST", pathAndQuery, null, failure));
    }

    /** Follows a job the platform started until it is done, and returns its result; a failed job becomes its error. */
    private static JsonObject awaitJob(LararenaConfig config, String token, JsonObject job, String failure) throws IOException, InterruptedException {
        JsonObject now = job;
        while ("running".equals(now.getString("state"))) {
            Thread.sleep(1000);
            now = new JsonObject(callAdmin(config, token, "GET", now.getString("href"), null, failure));
        }
        if ("failed".equals(now.getString("state"))) {
            JsonObject error = now.getJsonObject("error", new JsonObject());
            throw new LararenaException(error.getInteger("status", 500), error.getString("error", failure),
                    error.getString("detail", "the job failed; the application log says why"));
        }
        return now.getJsonObject("result", new JsonObject());
    }

    /** Calls an admin route with an optional JSON body; an answer other than 200 or 202 becomes the exception its JSON names. Returns the body. */
    static String callAdmin(LararenaConfig config, String token, String method, String pathAndQuery, JsonObject json, String failure)
            throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(config.publicUrl().toString().replaceAll("/+$", "") + pathAndQuery))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").timeout(Duration.ofHours(2))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.encode()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 202) {
                JsonObject body = response.body().startsWith("{") ? new JsonObject(response.body()) : new JsonObject();
                throw new LararenaException(response.statusCode(), body.getString("error", failure),
                        body.getString("detail", "the platform answered " + response.statusCode()));
            }
            return response.body();
        } catch (ConnectException e) {
            throw LararenaException.unavailable("Lärarena is not reachable at " + config.publicUrl() + ": start it with ./lararena up", e);
        }
    }

    int down(LararenaConfig config) {
        Optional<JsonObject> state = RunState.read(config.dataDir());
        Optional<ProcessHandle> launcher = state.flatMap(s -> ProcessHandle.of(s.getLong("pid")));
        if (launcher.isEmpty() || !launcher.get().isAlive()) {
            out.println("Lärarena is not running (data directory " + config.dataDir() + ").");
            return 0;
        }
        // Taken while the state file still names them (the launcher removes it as it ends): its servers, told apart
        // from any process that has since been given one of their ids.
        List<ProcessHandle> servers = RunState.recordedServers(config.dataDir(), RecordedServers::isPlatformServer);
        out.println("Stopping Lärarena (process " + launcher.get().pid() + ")…");
        launcher.get().destroy();
        try {
            launcher.get().onExit().get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            // It did not stop in time: end it and the servers it started.
            ManagedProcess.stopTree(launcher.get(), Duration.ofSeconds(5));
        }
        // A server the launcher could not stop (it was forced to end) is stopped here, saying which.
        RecordedServers.stop(servers.stream().filter(ProcessHandle::isAlive).toList(), "the Lärarena being stopped", out);
        out.println("Stopped.");
        return 0;
    }

    int status(LararenaConfig config) {
        Optional<JsonObject> state = RunState.read(config.dataDir());
        boolean launcherAlive = state.flatMap(s -> ProcessHandle.of(s.getLong("pid"))).map(ProcessHandle::isAlive).orElse(false);
        // The address the running up gave (its LARARENA_HTTP_PORT need not be in this shell's environment).
        URI appUrl = state.map(s -> URI.create(s.getString("url"))).orElse(config.publicUrl());
        URI esUrl = config.elasticsearch().urls().get(0);
        URI kcUrl = config.keycloak().url();
        JsonObject status = new JsonObject()
                .put("state", !launcherAlive ? "stopped" : state.get().getBoolean("starting", false) ? "starting" : "running")
                .put("app", probe(appUrl, "/health").put("url", appUrl.toString()))
                .put("elasticsearch", probe(esUrl, "/_cluster/health").put("url", esUrl.toString()).put("managed", config.elasticsearch().managed()))
                .put("keycloak", probe(kcUrl, "/realms/" + config.keycloak().realm() + "/.well-known/openid-configuration")
                        .put("url", kcUrl.toString()).put("managed", config.keycloak().managed()))
                .put("rdf", rdfStatus(config, state));
        state.ifPresent(s -> status.put("pid", s.getLong("pid")));
        // Every node, as the running up started them (its --es-nodes need not be in this shell's environment).
        List<URI> nodeUrls = state.map(s -> s.getJsonObject("elasticsearch", new JsonObject()).getJsonArray("urls"))
                .map(urls -> urls.stream().map(url -> URI.create((String) url)).toList())
                .orElse(config.elasticsearch().urls());
        JsonArray nodes = new JsonArray();
        // A single node is the cluster probed above; several are each asked for their own view (local), which they
        // give while they run, whatever state the cluster is in.
        for (int index = 0; nodeUrls.size() > 1 && index < nodeUrls.size(); index++) {
            nodes.add(probe(nodeUrls.get(index), "/_cluster/health?local=true").put("url", nodeUrls.get(index).toString())
                    .put("service", ManagedElasticsearch.serviceName(index, nodeUrls.size())));
        }
        if (!nodes.isEmpty()) {
            status.getJsonObject("elasticsearch").put("nodes", nodes);
        }
        JsonArray instances = instancesStatus(config, state);
        if (!instances.isEmpty()) {
            status.put("instances", instances);
        }
        if (launcherAlive) {
            // A managed server that died is named with what its supervisor says (restarting, or given up), not only "down".
            JsonObject services = state.get().getJsonObject("services", new JsonObject());
            List<JsonObject> parts = new ArrayList<>(List.of(status.getJsonObject("elasticsearch").put("service", "elasticsearch"),
                    status.getJsonObject("keycloak").put("service", "keycloak")));
            if (status.getJsonObject("rdf").getBoolean("managed", false)) {
                parts.add(status.getJsonObject("rdf").put("service", ManagedFuseki.SERVICE));
            }
            nodes.forEach(node -> parts.add((JsonObject) node));
            instances.forEach(instance -> parts.add((JsonObject) instance));
            for (JsonObject part : parts) {
                JsonObject supervised = services.getJsonObject(part.getString("service"));
                if (supervised != null && !"running".equals(supervised.getString("state"))) {
                    part.put("state", supervised.getString("state")).put("detail", supervised.getString("detail"));
                }
            }
        }
        out.println(status.encodePrettily());
        return 0;
    }

    /**
     * Each application instance of a running {@code up --instances N} (its N need not be in this shell's environment),
     * else of the configuration's LARARENA_INSTANCES: its address and whether its {@code /health} answers. None for one instance.
     */
    private static JsonArray instancesStatus(LararenaConfig config, Optional<JsonObject> state) {
        JsonArray running = state.map(s -> s.getJsonArray("instances", new JsonArray())).orElse(new JsonArray());
        List<JsonObject> instances = !running.isEmpty() ? running.stream().map(JsonObject.class::cast).map(JsonObject::copy).toList()
                : config.instances() == 1 ? List.of()
                : IntStream.rangeClosed(1, config.instances()).mapToObj(number -> new JsonObject()
                        .put("service", ManagedInstance.SERVICE_PREFIX + number).put("url", ManagedInstance.url(config, number).toString())).toList();
        JsonArray probed = new JsonArray();
        for (JsonObject instance : instances) {
            probed.add(probe(URI.create(instance.getString("url")), "/health").mergeIn(instance));
        }
        return probed;
    }

    /** The RDF store as the running up has it (LARARENA_RDF need not be in this shell's environment), else as configured. */
    private static JsonObject rdfStatus(LararenaConfig config, Optional<JsonObject> state) {
        JsonObject running = state.map(s -> s.getJsonObject("rdf")).orElse(null);
        Optional<String> url = running != null ? Optional.ofNullable(running.getString("url")) : config.rdf().url().map(URI::toString);
        boolean managed = running != null ? running.getBoolean("managed", false) : config.rdf().managed();
        return url.map(u -> probe(URI.create(u), "/query?query=ASK%7B%7D").put("url", u).put("managed", managed))
                .orElse(new JsonObject().put("state", "embedded"));
    }

    private static JsonObject probe(URI base, String path) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            return new JsonObject().put("state", code == 200 ? "up" : code == 503 ? "degraded" : "down").put("httpStatus", code);
        } catch (IOException e) {
            return new JsonObject().put("state", "down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new JsonObject().put("state", "unknown");
        }
    }

    private static void requireFreeDisk(LararenaConfig config) {
        try {
            long usable = Files.getFileStore(config.dataDir()).getUsableSpace();
            if (usable < config.minFreeDiskBytes()) {
                throw new LararenaException(507, "no_disk_space", "only " + usable / (1024 * 1024) + " MB free in " + config.dataDir()
                        + " (needs " + config.minFreeDiskBytes() / (1024 * 1024) + " MB): free some space or set LARARENA_DATA_DIR elsewhere");
            }
        } catch (IOException e) {
            throw new LararenaException(500, "no_disk_space", "cannot read the free space of " + config.dataDir(), e);
        }
    }

    private static void stopAll(Vertx vertx, SupervisedServers servers) {
        if (vertx != null) {
            try {
                vertx.close().await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // stopping anyway
            }
        }
        servers.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
