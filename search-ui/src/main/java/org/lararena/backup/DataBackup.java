package org.lararena.backup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.snapshot.SnapshotInfo;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.lararena.ontology.store.rdf.SplitAnnotationStore;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.services.ManagedElasticsearch;
import org.lararena.platform.services.ServerDistributions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a backup of the running platform into an empty folder:
 * <ol>
 * <li>the passage indexes through Elasticsearch's snapshot API: for the managed node into its own repository
 *     ({@code path.repo}), which is then copied into the backup; for an external cluster into the repository named by
 *     {@code LARARENA_BACKUP_ES_REPOSITORY} (the backup names the snapshot; the cluster keeps it);</li>
 * <li>the Jena store as gzipped N-Quads, written in one read transaction (TDB2 keeps writers going meanwhile), as
 *     Jena's own backup does; the dataset of the annotator's undecided suggestions likewise, into a file of its own,
 *     before it: a suggestion decided on meanwhile is then in both files, never in neither (the annotation store
 *     reads the decided copy);</li>
 * <li>every other file of the data directory that is Lärarena's own state (originals, kept passages, records,
 *     memos, insights, the audit log and whatever stores come later), not the servers' programs, logs or temporary
 *     files;</li>
 * <li>last, {@link BackupManifest} with versions and checksums.</li>
 * </ol>
 * One backup runs at a time. The parts are taken one after another, not in one transaction across the stores.
 */
public final class DataBackup {

    private static final Logger LOG = LoggerFactory.getLogger(DataBackup.class);
    /**
     * Parts of the data directory a backup leaves out: programs and data of the servers (and every managed
     * Elasticsearch node's folder, {@link ManagedElasticsearch#isNodeFolder}), logs, temporary files.
     */
    static final Set<String> NOT_COPIED = Set.of("jena", SplitAnnotationStore.DATA_FOLDER, "keycloak", "run", "logs", "uploads", "extraction");
    static final String FILES = "files";
    static final String JENA_FILE = "jena/dataset.nq.gz";
    static final String SUGGESTIONS_FILE = "jena/suggestions.nq.gz";
    /** The manifest's entry of {@link #SUGGESTIONS_FILE}; absent in a backup of a store without it (remote, or older). */
    static final String SUGGESTIONS = "jenaSuggestions";
    static final String ELASTICSEARCH = "elasticsearch";
    /** The name the repository is registered under in the cluster. */
    static final String REPOSITORY = "lararena-backup";
    private static final DateTimeFormatter SNAPSHOT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final LararenaConfig config;
    private final ElasticsearchClient elasticsearch;
    private final Dataset jena;
    private final Optional<Dataset> suggestionJena;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    /** @param suggestionJena the dataset of the annotator's undecided suggestions, beside {@code jena} */
    public DataBackup(LararenaConfig config, ElasticsearchClient elasticsearch, Dataset jena, Optional<Dataset> suggestionJena, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.elasticsearch = Objects.requireNonNull(elasticsearch);
        this.jena = Objects.requireNonNull(jena);
        this.suggestionJena = Objects.requireNonNull(suggestionJena);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Backs up into {@code target} (absolute; absent or an empty folder) and returns the manifest. Blocking. */
    public JsonObject run(Path target) {
        EmbeddedStoreOnly.require(config, "A backup");
        if (!target.isAbsolute()) {
            throw LararenaException.badRequest("the backup folder must be an absolute path (got " + target + ")");
        }
        Path dir = target.normalize();
        if (dir.startsWith(config.dataDir().toAbsolutePath().normalize())) {
            throw LararenaException.badRequest("the backup folder " + dir + " is inside the data directory: choose a folder outside it");
        }
        requireEmptyWritable(dir);
        if (!running.compareAndSet(false, true)) {
            throw new LararenaException(409, "backup_running", "a backup is already being taken: wait for it to finish");
        }
        try {
            JsonObject manifest = new JsonObject()
                    .put("created", clock.instant().toString())
                    .put("lararenaVersion", LararenaVersion.current())
                    .put("dataFormatVersion", DataFormat.CURRENT)
                    .put("dataDirectory", config.dataDir().toAbsolutePath().toString());
            manifest.put("elasticsearch", snapshotIndexes(dir));
            if (suggestionJena.isPresent()) {
                manifest.put(SUGGESTIONS, backupJena(suggestionJena.get(), dir, SUGGESTIONS_FILE));
            }
            manifest.put("jena", backupJena(jena, dir, JENA_FILE));
            manifest.put("dataFiles", copyDataFiles(dir));
            JsonObject sealed = BackupManifest.seal(dir, manifest);
            LOG.info("Backup written to {}: {} files, {} bytes", dir, sealed.getInteger("fileCount"), sealed.getLong("bytes"));
            return sealed;
        } catch (IOException | RuntimeException e) {
            if (e instanceof LararenaException known) {
                throw known;
            }
            throw new LararenaException(500, "backup_failed", "the backup into " + dir + " failed (" + e.getMessage()
                    + "); it has no manifest, so it can never pass for complete: remove the folder and try again", e);
        } finally {
            running.set(false);
        }
    }

    /** An absent folder is made; an existing one must be an empty, writable folder. */
    static void requireEmptyWritable(Path dir) {
        try {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new LararenaException(409, "backup_dir_not_empty", dir + " is a file, not a folder: give an empty or new folder");
                }
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    if (entries.iterator().hasNext()) {
                        throw new LararenaException(409, "backup_dir_not_empty", "the backup folder " + dir
                                + " is not empty: give an empty or new folder (a backup never overwrites another)");
                    }
                }
            }
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".write-probe", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new LararenaException(400, "backup_dir_not_writable", "cannot write to the backup folder " + dir + " ("
                    + e.getMessage() + "): choose a folder you (and the platform's account) may write to", e);
        }
    }

    private JsonObject snapshotIndexes(Path dir) throws IOException {
        String indices = config.elasticsearch().indexPrefix() + "*";
        JsonObject part = new JsonObject().put("version", elasticsearchVersion()).put("indices", indices);
        Path repository;
        if (config.elasticsearch().managed()) {
            repository = ManagedElasticsearch.snapshotRepository(config.dataPath("elasticsearch"));
            elasticsearch.snapshot().createRepository(r -> r.name(REPOSITORY)
                    .repository(repo -> repo.fs(fs -> fs.settings(s -> s.location(repository.toString())))));
        } else if (config.backupRepository().isPresent()) {
            repository = null;
        } else {
            LOG.warn("The external cluster has no snapshot repository for backups (LARARENA_BACKUP_ES_REPOSITORY): the backup"
                    + " leaves the index out; rebuild it after a restore with ./lararena reindex");
            return part.put("included", false).put("why", "no LARARENA_BACKUP_ES_REPOSITORY for the external cluster");
        }
        String repositoryName = repository != null ? REPOSITORY : config.backupRepository().get();
        String snapshot = "lararena-" + SNAPSHOT_TIME.format(clock.instant()) + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        SnapshotInfo info = elasticsearch.snapshot().create(c -> c.repository(repositoryName).snapshot(snapshot)
                .indices(indices).includeGlobalState(false).waitForCompletion(true)).snapshot();
        if (info == null || !"SUCCESS".equals(info.state())) {
            throw new IOException("the Elasticsearch snapshot ended " + (info == null ? "without an answer" : info.state()));
        }
        part.put("included", true).put("snapshot", snapshot).put("repository", repositoryName).put("snapshotIndices", info.indices());
        if (repository != null) {
            // The repository's files do not change once the snapshot is complete; the copy is a repository of its own.
            ServerDistributions.copyTree(repository, dir.resolve(ELASTICSEARCH));
            elasticsearch.snapshot().delete(d -> d.repository(REPOSITORY).snapshot(snapshot));
            part.put("repositoryFolder", ELASTICSEARCH);
        }
        return part;
    }

    /**
     * The managed node's version, for the manifest, from the distribution it runs (the typed client's nodes and
     * info calls fail to decode some answers of the node); an external cluster's is its operator's to record.
     */
    private String elasticsearchVersion() {
        if (!config.elasticsearch().managed()) {
            return "external cluster";
        }
        try {
            return ServerDistributions.locate(config.home()).elasticsearchVersion();
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static JsonObject backupJena(Dataset jena, Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        AtomicLong quads = new AtomicLong();
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            jena.executeRead(() -> {
                StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
                StreamRDF counting = new StreamRDFWrapper(writer) {
                    @Override
                    public void quad(Quad quad) {
                        quads.incrementAndGet();
                        super.quad(quad);
                    }
                };
                counting.start();
                StreamRDFOps.sendDatasetToStream(jena.asDatasetGraph(), counting);
                counting.finish();
            });
        }
        return new JsonObject().put("file", name).put("quads", quads.get());
    }

    private JsonObject copyDataFiles(Path dir) throws IOException {
        Path data = config.dataDir().toAbsolutePath();
        Path target = dir.resolve(FILES);
        Files.createDirectories(target);
        long count = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(data)) {
            for (Path part : parts) {
                String name = part.getFileName().toString();
                if (NOT_COPIED.contains(name) || name.startsWith(".") || ManagedElasticsearch.isNodeFolder(name)) {
                    continue;
                }
                count += ServerDistributions.copyTree(part, target.resolve(name));
            }
        }
        return new JsonObject().put("folder", FILES).put("files", count);
    }
}
