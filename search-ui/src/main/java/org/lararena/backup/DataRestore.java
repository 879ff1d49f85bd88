package org.lararena.backup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.lararena.ontology.store.rdf.SplitAnnotationStore;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;
import org.lararena.platform.elasticsearch.ElasticsearchClients;
import org.lararena.platform.services.ManagedElasticsearch;
import org.lararena.platform.services.ManagedProcess;
import org.lararena.platform.services.ServerDistributions;

/**
 * Restores a verified backup onto an empty data directory, with the platform stopped: the data files are copied
 * back, the Jena store is loaded from the N-Quads, and the index is restored from the snapshot (the managed node
 * is started for it and stopped again). Anything failing on the way empties the data directory again, so a
 * restore is whole or leaves the directory as it found it: empty.
 */
public final class DataRestore {

    /** The data directory's log folder: every command, this one too, logs there from its start. */
    private static final String LOGS = "logs";

    private final LararenaConfig config;

    public DataRestore(LararenaConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    /** Restores {@code backupDir}; returns its manifest. */
    public JsonObject run(Path backupDir) {
        EmbeddedStoreOnly.require(config, "A restore");
        JsonObject manifest = BackupManifest.verify(backupDir);
        int format = manifest.getInteger("dataFormatVersion", 0);
        if (format > DataFormat.CURRENT) {
            throw new LararenaException(409, "data_format_too_new", "the backup in " + backupDir + " is of data format " + format
                    + " (Lärarena " + manifest.getString("lararenaVersion") + "); this Lärarena reads up to " + DataFormat.CURRENT
                    + ": restore it with that version");
        }
        Path data = config.dataDir().toAbsolutePath();
        requireEmpty(data);
        try {
            Files.createDirectories(data);
            ServerDistributions.copyTree(backupDir.resolve(DataBackup.FILES), data);
            restoreJena(backupDir, manifest.getJsonObject("jena"), "jena");
            if (manifest.containsKey(DataBackup.SUGGESTIONS)) {
                restoreJena(backupDir, manifest.getJsonObject(DataBackup.SUGGESTIONS), SplitAnnotationStore.DATA_FOLDER);
            }
            restoreIndexes(backupDir, manifest.getJsonObject("elasticsearch"));
            return manifest;
        } catch (IOException | RuntimeException e) {
            emptyAgain(data);
            if (e instanceof LararenaException le) {
                throw le;
            }
            throw new LararenaException(500, "restore_failed", "the restore failed (" + e.getMessage() + "); the data directory "
                    + data + " was emptied again", e);
        }
    }

    private static void requireEmpty(Path data) {
        if (!Files.exists(data)) {
            return;
        }
        // The command line's own log folder (made as it starts, before this check) is not data.
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data, entry -> !entry.getFileName().toString().equals(LOGS))) {
            if (entries.iterator().hasNext()) {
                throw new LararenaException(409, "data_dir_not_empty", "the data directory " + data + " is not empty: a restore"
                        + " only goes onto an empty one, so nothing is overwritten. Set LARARENA_DATA_DIR to a new folder, or move this one away");
            }
        } catch (IOException e) {
            throw new LararenaException(400, "data_dir_not_readable", "cannot read the data directory " + data + " (" + e.getMessage() + ")", e);
        }
    }

    /** Loads one backed-up dataset ({@code part} of the manifest) into the data directory's {@code folder}. */
    private void restoreJena(Path backupDir, JsonObject part, String folder) throws IOException {
        Path nquads = backupDir.resolve(part.getString("file"));
        long expectedQuads = part.getLong("quads");
        Path store = Files.createDirectories(config.dataPath(folder));
        Dataset dataset = TDB2Factory.connectDataset(store.toString());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nquads), 1 << 16)) {
            // One write transaction: the platform is stopped, nobody else writes, and a failed load leaves nothing.
            Txn.executeWrite(dataset, () -> RDFDataMgr.read(dataset, in, Lang.NQUADS));
            long loaded = Txn.calculateRead(dataset, () -> {
                long count = 0;
                for (var it = dataset.asDatasetGraph().find(); it.hasNext(); it.next()) {
                    count++;
                }
                return count;
            });
            if (loaded != expectedQuads) {
                throw new IOException("the Jena store holds " + loaded + " quads after loading, the backup has " + expectedQuads);
            }
        } finally {
            dataset.close();
            TDBInternal.expel(dataset.asDatasetGraph());
        }
    }

    private void restoreIndexes(Path backupDir, JsonObject part) throws IOException {
        if (!part.getBoolean("included", false)) {
            return;
        }
        String snapshot = part.getString("snapshot");
        if (part.containsKey("repositoryFolder")) {
            if (!config.elasticsearch().managed()) {
                throw new LararenaException(409, "restore_needs_managed_elasticsearch", "this backup holds the managed node's index;"
                        + " restore it with the managed Elasticsearch (unset LARARENA_ES_URLS), or restore without the index and run ./lararena reindex");
            }
            Path repository = ManagedElasticsearch.snapshotRepository(config.dataPath("elasticsearch"));
            ServerDistributions.copyTree(backupDir.resolve(part.getString("repositoryFolder")), repository);
            ManagedProcess node = ManagedElasticsearch.forConfig(config, ServerDistributions.locate(config.home())).start(config.startTimeout());
            try {
                ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch());
                client.snapshot().createRepository(r -> r.name(DataBackup.REPOSITORY)
                        .repository(repo -> repo.fs(fs -> fs.settings(s -> s.location(repository.toString())))));
                restoreSnapshot(client, DataBackup.REPOSITORY, snapshot, part.getString("indices"));
            } finally {
                node.stop();
            }
        } else {
            ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch());
            restoreSnapshot(client, part.getString("repository"), snapshot, part.getString("indices"));
        }
    }

    private static void restoreSnapshot(ElasticsearchClient client, String repository, String snapshot, String indices) throws IOException {
        try {
            var restored = client.snapshot().restore(r -> r.repository(repository).snapshot(snapshot).indices(indices)
                    .includeAliases(true).includeGlobalState(false).waitForCompletion(true)).snapshot();
            if (restored == null || restored.shards().failed().intValue() > 0) {
                throw new IOException("Elasticsearch restored the snapshot " + snapshot + " only in part");
            }
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            throw new LararenaException(409, "index_restore_refused", "Elasticsearch refused to restore the snapshot " + snapshot
                    + " from " + repository + ": " + e.getMessage(), e);
        }
    }

    /** The data directory was empty before the restore began: everything in it now came from the restore. */
    private static void emptyAgain(Path data) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data, entry -> !entry.getFileName().toString().equals(LOGS))) {
            for (Path entry : entries) {
                ServerDistributions.deleteTree(entry);
            }
        } catch (IOException | RuntimeException e) {
            // Reported with the restore's own failure; the user removes what is left.
        }
    }
}
