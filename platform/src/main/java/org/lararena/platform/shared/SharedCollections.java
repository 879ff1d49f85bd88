package org.lararena.platform.shared;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.lararena.platform.InstanceId;
import org.lararena.platform.LararenaConfig;

/**
 * Where an instance keeps the state the platform's instances must agree on. A single instance keeps it as files in
 * its data directory; an instance of a cluster ({@code LARARENA_CLUSTER_MEMBERS}) keeps collections in Elasticsearch
 * ({@link ElasticsearchCollection}, told to the others by {@link ChangeNotices}) and files every instance reads in
 * {@code LARARENA_SHARED_DIR}.
 */
public final class SharedCollections {

    /** How one collection is kept: its name, what one document is (for messages), and its searchable fields. */
    public record Kind(String name, String what, boolean flush, List<String> keywords, List<String> dates) {
        public Kind {
            keywords = List.copyOf(keywords);
            dates = List.copyOf(dates);
        }
    }

    private final LararenaConfig config;
    private final ElasticsearchClient elasticsearch;
    private final ChangeNotices notices;

    private SharedCollections(LararenaConfig config, ElasticsearchClient elasticsearch, ChangeNotices notices) {
        this.config = config;
        this.elasticsearch = elasticsearch;
        this.notices = notices;
    }

    /** The shared state of the process {@code self}, which signs the notices it sends the others of a cluster. */
    public static SharedCollections of(Vertx vertx, InstanceId self, LararenaConfig config, ElasticsearchClient elasticsearch) {
        return new SharedCollections(config, elasticsearch, config.cluster().enabled() ? ChangeNotices.overEventBus(vertx, self) : ChangeNotices.NONE);
    }

    /** Whether the instances of a cluster share this state. */
    public boolean shared() {
        return config.cluster().enabled();
    }

    /**
     * A collection: {@code localFolder} (a folder of the data directory) for a single instance, an index of its own
     * ({@code <LARARENA_INDEX_PREFIX>-<name>}) in a cluster. Blocking (opens it).
     */
    public JsonCollection open(Kind kind, Path localFolder) {
        if (!shared()) {
            return new FileCollection(localFolder, kind.what(), kind.flush());
        }
        return new ElasticsearchCollection(elasticsearch, config.elasticsearch().indexPrefix() + "-" + kind.name(), kind.what(),
                config.elasticsearch().replicas(), kind.keywords(), kind.dates());
    }

    /** How this instance hears the others' changes of a collection and tells its own. */
    public ChangeNotices notices() {
        return notices;
    }

    /** A collection held in memory as values of {@code T}, kept current with the other instances' changes. Blocking. */
    public <T> CachedCollection<T> cached(Kind kind, Path localFolder, CachedCollection.Codec<T> codec) {
        return new CachedCollection<>(kind.name(), open(kind, localFolder), codec, notices);
    }

    /**
     * The folder of files every instance reads ({@code documents}: the originals and kept passages): under
     * {@code LARARENA_SHARED_DIR} in a cluster, else in the data directory.
     */
    public Path files(String folder) {
        return config.cluster().sharedDir().map(shared -> shared.resolve(folder)).orElseGet(() -> config.dataPath(folder));
    }
}
