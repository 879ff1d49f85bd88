package org.lararena.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.lararena.platform.LararenaException;

/**
 * The passage index behind its alias {@code <prefix>-passages}. The first index is {@code <prefix>-passages-000001};
 * a reindex writes the next one and moves the alias.
 */
public final class PassageIndex {

    private static final String MAPPING_RESOURCE = "passage-index.json";
    /** Raised in the mapping's {@code _meta} whenever an existing index must be rebuilt to work with this code. */
    private static final String MAPPING_VERSION = "lararena_mapping";

    /** Where the ontology's analysis files lie, relative to Elasticsearch's config directory. */
    public static final String DECOMPOUND_FILE = "lararena/decompound.txt";
    public static final String SYNONYMS_FILE = "lararena/synonyms.txt";
    /** Parts only, from a general Swedish word list (empty when none was installed where the files were written). */
    public static final String DECOMPOUND_GENERAL_FILE = "lararena/decompound-general.txt";

    private final ElasticsearchClient client;
    private final String alias;
    private final boolean analysisFiles;

    /** An index that needs no files on the nodes: the plugin's own dictionary, no synonyms. */
    public PassageIndex(ElasticsearchClient client, String indexPrefix) {
        this(client, indexPrefix, false);
    }

    /** @param analysisFiles the ontology's decompound and synonym files are installed on every node: use them */
    public PassageIndex(ElasticsearchClient client, String indexPrefix, boolean analysisFiles) {
        this.client = Objects.requireNonNull(client);
        this.alias = indexPrefix + "-passages";
        this.analysisFiles = analysisFiles;
    }

    /** The settings and mapping of a new passage index, naming the analysis files when they are installed. */
    InputStream mapping() throws IOException {
        try (InputStream in = PassageIndex.class.getResourceAsStream(MAPPING_RESOURCE)) {
            JsonObject json = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (analysisFiles) {
                JsonObject filters = json.getJsonObject("settings").getJsonObject("analysis").getJsonObject("filter");
                for (String decompound : new String[] {"sv_decompound", "sv_decompound_split"}) {
                    filters.getJsonObject(decompound).put("words_path", DECOMPOUND_FILE).put("part_words_path", DECOMPOUND_GENERAL_FILE);
                }
                filters.getJsonObject("sv_synonyms").remove("synonyms");
                filters.getJsonObject("sv_synonyms").put("synonyms_path", SYNONYMS_FILE);
            }
            return new ByteArrayInputStream(json.encode().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The name searches and indexing use. */
    public String alias() {
        return alias;
    }

    /** What a reindex did. */
    public record Reindexed(String from, String to, long passages) {
    }

    /**
     * Copies every passage into a new index with the current mapping and moves the alias to it in one atomic step,
     * so searches never see a missing or half-filled index; then deletes the old index. (The minimal distribution
     * has no _reindex API: passages are read in pages and written in bulk.) A passage written to the old index
     * while the copy runs is copied only if the copy has not passed it: run a reindex while no ingest runs.
     * Blocking.
     */
    public Reindexed reindex() {
        try {
            String from = client.indices().getAlias(a -> a.name(alias)).aliases().keySet().stream().sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> LararenaException.notFound("the alias " + alias + " does not exist yet"));
            int generation = Integer.parseInt(from.substring(from.lastIndexOf('-') + 1));
            String to = alias + "-" + String.format("%06d", generation + 1);
            try (InputStream mapping = mapping()) {
                client.indices().create(c -> c.index(to).withJson(mapping));
            }
            long copied = copy(from, to);
            client.indices().refresh(r -> r.index(to));
            client.indices().updateAliases(u -> u
                    .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                    .actions(a -> a.add(ad -> ad.index(to).alias(alias).isWriteIndex(true))));
            client.indices().delete(d -> d.index(from));
            return new Reindexed(from, to, copied);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch could not be reached for the reindex", e);
        }
    }

    private long copy(String from, String to) throws IOException {
        long copied = 0;
        java.util.List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        while (true) {
            final var cursor = after;
            var page = client.search(s -> {
                s.index(from).size(1000).sort(o -> o.field(f -> f.field("passageId")));
                if (cursor != null) {
                    s.searchAfter(cursor);
                }
                return s;
            }, co.elastic.clients.json.JsonData.class);
            var hits = page.hits().hits();
            if (hits.isEmpty()) {
                return copied;
            }
            var bulk = new co.elastic.clients.elasticsearch.core.BulkRequest.Builder().index(to);
            hits.forEach(hit -> bulk.operations(op -> op.index(i -> i.id(hit.id()).document(hit.source()))));
            var response = client.bulk(bulk.build());
            if (response.errors()) {
                throw new LararenaException(500, "reindex_failed", "the copy into " + to + " failed: "
                        + response.items().stream().filter(i -> i.error() != null).findFirst().map(i -> i.error().reason()).orElse("?")
                        + "; the alias still points to " + from);
            }
            copied += hits.size();
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /**
     * Creates the first index and its alias unless the alias exists; an index made with an older mapping (its
     * {@code _meta.lararena_mapping} is not the current one: analysers the searches name, how words are analysed) is
     * moved to the current mapping by a {@link #reindex}. Blocking.
     */
    public void ensureExists() {
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                if (!mappingVersion().equals(currentMappingVersion())) {
                    reindex();
                }
                return;
            }
            String index = alias + "-000001";
            try (InputStream mapping = mapping()) {
                client.indices().create(c -> c.index(index).withJson(mapping).aliases(alias, a -> a.isWriteIndex(true)));
            }
        } catch (IOException | RuntimeException e) {
            throw LararenaException.unavailable("the passage index " + alias + " could not be created: " + e.getMessage(), e);
        }
    }

    /** The mapping version of the index behind the alias ("" for an index from before versions). */
    private String mappingVersion() throws IOException {
        for (var index : client.indices().getMapping(g -> g.index(alias)).mappings().values()) {
            var version = index.mappings().meta().get(MAPPING_VERSION);
            return version == null ? "" : version.toJson().toString();
        }
        return "";
    }

    private static String currentMappingVersion() throws IOException {
        try (InputStream in = PassageIndex.class.getResourceAsStream(MAPPING_RESOURCE)) {
            Object version = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonObject("mappings")
                    .getJsonObject("_meta").getValue(MAPPING_VERSION);
            return String.valueOf(version);
        }
    }
}
