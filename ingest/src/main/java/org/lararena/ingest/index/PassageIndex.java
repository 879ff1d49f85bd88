package org.lararena.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.JsonData;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.lararena.ontology.store.PassageFacets;
import org.lararena.platform.LararenaConfig;
import org.lararena.platform.LararenaException;

/**
 * The passage index behind its alias {@code <prefix>-passages}. The first index is {@code <prefix>-passages-000001};
 * a reindex writes the next one ({@link #createNext()}) and moves the alias ({@link #moveAliasTo(String)}).
 */
public final class PassageIndex {

    /**
     * The settings and mapping. Its text fields ({@code text}, its sub-fields, {@code question}) rank with BM25 at weak
     * length normalisation ({@code passage_bm25}, b 0.3 where Elasticsearch's default is 0.75): passages run from a
     * slide's title to a long report paragraph, and an answer inside a long passage should not lose to a short passage
     * that holds a word of the query in passing.
     */
    private static final String MAPPING_RESOURCE = "passage-index.json";
    /** Raised in the mapping's {@code _meta} whenever an existing index must be rebuilt to work with this code. */
    private static final String MAPPING_VERSION = "lararena_mapping";

    /** Where the ontology's analysis files lie, relative to Elasticsearch's config directory. */
    public static final String DECOMPOUND_FILE = "lararena/decompound.txt";
    public static final String SYNONYMS_FILE = "lararena/synonyms.txt";
    /** Parts only, from a general Swedish word list (empty when none was installed where the files were written). */
    public static final String DECOMPOUND_GENERAL_FILE = "lararena/decompound-general.txt";
    /**
     * Words of this length or more may be split as compounds. The index's decompounders are given it, and the query
     * reads such words as possible compounds ({@code PassageQuery}), so the two sides split the same words.
     */
    public static final int COMPOUND_MIN_LENGTH = 7;

    /** The mapping's decompounding filters: the one indexing and searching use, and the one that splits a query's compounds. */
    private static final List<String> DECOMPOUNDERS = List.of("sv_decompound", "sv_decompound_split");

    private final ElasticsearchClient client;
    private final String alias;
    private final boolean analysisFiles;
    private final int shards;
    private final int replicas;
    private final AtomicLong changes = new AtomicLong();

    /** An index on one node that needs no files on it: the plugin's own dictionary, no synonyms, one shard, no replica. */
    public PassageIndex(ElasticsearchClient client, String indexPrefix) {
        this(client, indexPrefix, false, 1, 0);
    }

    /** The passage index as {@code config} lays it out: prefix, analysis files, shards and replicas. */
    public PassageIndex(ElasticsearchClient client, LararenaConfig.Elasticsearch config) {
        this(client, config.indexPrefix(), config.analysisFiles(), config.shards(), config.replicas());
    }

    /**
     * @param analysisFiles the ontology's decompound and synonym files are installed on every node: use them
     * @param shards primary shards of each new index
     * @param replicas copies of each shard, kept on the index the alias points at
     */
    public PassageIndex(ElasticsearchClient client, String indexPrefix, boolean analysisFiles, int shards, int replicas) {
        if (shards < 1 || replicas < 0) {
            throw new IllegalArgumentException("a passage index needs at least one shard and no negative replicas");
        }
        this.client = Objects.requireNonNull(client);
        this.alias = indexPrefix + "-passages";
        this.analysisFiles = analysisFiles;
        this.shards = shards;
        this.replicas = replicas;
    }

    /** The settings and mapping of a new passage index: its shards and replicas, and the analysis files when installed. */
    public InputStream mapping() throws IOException {
        try (InputStream in = PassageIndex.class.getResourceAsStream(MAPPING_RESOURCE)) {
            JsonObject json = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            json.getJsonObject("settings").put("number_of_shards", shards).put("number_of_replicas", replicas);
            JsonObject filters = json.getJsonObject("settings").getJsonObject("analysis").getJsonObject("filter");
            for (String decompound : DECOMPOUNDERS) {
                filters.getJsonObject(decompound).put("min_word_size", COMPOUND_MIN_LENGTH);
            }
            if (analysisFiles) {
                for (String decompound : DECOMPOUNDERS) {
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

    /**
     * How many times this process has changed what searches see (passages written or deleted, concepts or visibility
     * updated, the alias moved): an answer computed before the count last rose may be out of date. Changes made by other
     * processes are not counted here.
     */
    public long changes() {
        return changes.get();
    }

    /** Counts a change, once the write is searchable (or has failed part way: what it left may be searchable). */
    public void changed() {
        changes.incrementAndGet();
    }

    /**
     * Creates an empty passage index of the next generation (one past every {@code <alias>-NNNNNN} there is), with
     * the current mapping and no alias yet, and returns its name. Blocking.
     */
    public String createNext() {
        try {
            int generation = client.indices().get(g -> g.index(alias + "-*").allowNoIndices(true).ignoreUnavailable(true))
                    .indices().keySet().stream().filter(name -> name.matches(Pattern.quote(alias) + "-\\d{6}"))
                    .mapToInt(name -> Integer.parseInt(name.substring(name.length() - 6))).max().orElse(0);
            String next = alias + "-" + String.format("%06d", generation + 1);
            try (InputStream mapping = mapping()) {
                client.indices().create(c -> c.index(next).withJson(mapping));
            }
            return next;
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch could not be reached to create a new passage index", e);
        }
    }

    /**
     * Points the alias at {@code to} alone, in one atomic step, so searches never see a missing or half-filled
     * index; an index that took the alias's name (a write while the alias was gone creates one) goes in the same
     * step. Returns the indexes the alias pointed at before, which the caller deletes when it is done. Blocking.
     */
    public List<String> moveAliasTo(String to) {
        try {
            client.indices().refresh(r -> r.index(to));
            List<String> before = client.indices().existsAlias(a -> a.name(alias)).value()
                    ? List.copyOf(client.indices().getAlias(a -> a.name(alias)).aliases().keySet()) : List.of();
            boolean squatter = before.isEmpty() && client.indices().exists(e -> e.index(alias)).value();
            client.indices().updateAliases(u -> {
                before.forEach(from -> u.actions(a -> a.remove(r -> r.index(from).alias(alias))));
                if (squatter) {
                    u.actions(a -> a.removeIndex(r -> r.index(alias)));
                }
                return u.actions(a -> a.add(ad -> ad.index(to).alias(alias).isWriteIndex(true)));
            });
            return before;
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch could not be reached to move the alias " + alias, e);
        } finally {
            changed();
        }
    }

    /** Deletes a passage index the alias no longer points at. Blocking. */
    public void delete(String oldIndex) {
        if (!oldIndex.startsWith(alias + "-")) {
            throw new IllegalArgumentException("not a passage index: " + oldIndex);
        }
        try {
            client.indices().delete(d -> d.index(oldIndex).ignoreUnavailable(true));
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch could not be reached to delete " + oldIndex, e);
        }
    }

    /** The facets of a document's passages as the annotation store holds them now, by passage id. */
    @FunctionalInterface
    public interface FacetSource {
        Map<String, PassageFacets> facetsOf(String documentId, Collection<String> passageIds);
    }

    /**
     * Creates the first index and its alias unless the alias exists; an index made with an older mapping (its
     * {@code _meta.lararena_mapping} is not the current one: analysers the searches name, how words are analysed, the
     * fields a passage carries) is copied into an index with the current mapping, which then takes the alias. The
     * copy takes each passage's facet fields ({@link PassageFacetFields}) from {@code facets}, so fields the older
     * mapping lacked (the reviewed themes) are filled in from the annotation store. Blocking.
     */
    public void ensureExists(FacetSource facets) {
        Objects.requireNonNull(facets);
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                if (!mappingVersion().equals(currentMappingVersion())) {
                    moveToCurrentMapping(facets);
                }
                keepReplicas();
                return;
            }
            String index = alias + "-000001";
            try (InputStream mapping = mapping()) {
                client.indices().create(c -> c.index(index).withJson(mapping).aliases(alias, a -> a.isWriteIndex(true)));
            }
        } catch (IOException | RuntimeException e) {
            throw LararenaException.unavailable("the passage index " + alias + " could not be created: " + e.getMessage(), e);
        } finally {
            changed();
        }
    }

    /**
     * Copies every passage behind the alias into a new index with the current mapping, moves the alias there and
     * deletes the old index. The copy analyses the text again, so the index's terms and the searches' analysers
     * agree; nothing is read from the data directory, so this works at start, before the pipeline runs. A failed
     * copy deletes the new index and leaves the alias where it was.
     */
    private void moveToCurrentMapping(FacetSource facets) throws IOException {
        String next = createNext();
        try {
            copyPassages(alias, next, facets);
        } catch (IOException | RuntimeException e) {
            delete(next);
            throw e;
        }
        moveAliasTo(next).forEach(this::delete);
    }

    private void copyPassages(String from, String to, FacetSource facets) throws IOException {
        NearDuplicateGroups nearDuplicates = new NearDuplicateGroups(client);
        WordsOfLastDocument documentWords = new WordsOfLastDocument(new DocumentWords(client), from, to);
        IndexPages.forEach(client, from, Query.of(q -> q.matchAll(m -> m)), "passageId", null, JsonData.class, hits -> {
            // Passages from before near-duplicates were grouped get their group here, each page against the pages before.
            Map<String, List<JsonObject>> byDocument = new LinkedHashMap<>();
            hits.forEach(hit -> {
                JsonObject passage = new JsonObject(hit.source().toJson().toString());
                byDocument.computeIfAbsent(passage.getString("documentId"), d -> new ArrayList<>()).add(passage);
            });
            byDocument.forEach((documentId, passages) -> {
                Map<String, PassageFacets> stored = facets.facetsOf(documentId, passages.stream().map(p -> p.getString("passageId")).toList());
                passages.forEach(p -> p.mergeIn(PassageFacetFields.of(stored.getOrDefault(p.getString("passageId"), PassageFacets.NONE))));
            });
            Map<String, String> copiedOriginals = nearDuplicates.assign(to, byDocument);
            // Passages from before documents' words were kept get them here, read once per document from its
            // beginning in the older index (a page holds passages in the order of their ids, and maybe part of a document).
            for (Map.Entry<String, List<JsonObject>> document : byDocument.entrySet()) {
                DocumentWords.put(document.getValue(), documentWords.of(document.getKey()));
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder().index(to);
            byDocument.values().forEach(passages -> passages.forEach(passage -> bulk.operations(op -> op.index(i -> i
                    .id(passage.getString("passageId")).document(JsonData.fromJson(passage.encode()))))));
            copiedOriginals.keySet().forEach(original -> bulk.operations(NearDuplicateGroups.flagOfCopies(original)));
            var response = client.bulk(bulk.build());
            Optional<String> refused = response.items().stream().filter(i -> i.error() != null && !NearDuplicateGroups.isErasedOriginal(i))
                    .findFirst().map(i -> i.error().reason());
            if (refused.isPresent()) {
                throw LararenaException.unavailable("the copy of the passages into " + to + " failed: " + refused.get()
                        + "; the alias still points to " + from, null);
            }
            client.indices().refresh(r -> r.index(to));
        });
    }

    /**
     * The words of each document as the copy of an older index reads them ({@link DocumentWords#ofIndexed}), kept for the
     * document read last: the only one that can go on into the next page, since a document's passages come together
     * in the order of their ids (one whose passages did not would be read again, with the same words).
     */
    private static final class WordsOfLastDocument {
        private final DocumentWords documentWords;
        private final String from;
        private final String to;
        private String documentId;
        private String words;

        WordsOfLastDocument(DocumentWords documentWords, String from, String to) {
            this.documentWords = documentWords;
            this.from = from;
            this.to = to;
        }

        String of(String documentId) throws IOException {
            if (!documentId.equals(this.documentId)) {
                words = documentWords.ofIndexed(from, to, documentId);
                this.documentId = documentId;
            }
            return words;
        }
    }

    /**
     * Replicas are a live setting: a changed {@code LARARENA_ES_REPLICAS} applies at the next start, without a copy.
     * Shards are fixed when an index is made; a changed count applies to the next one ({@code ./lararena reindex}).
     */
    private void keepReplicas() throws IOException {
        var settings = client.indices().getSettings(g -> g.index(alias));
        for (var index : settings.settings().entrySet()) {
            var indexSettings = index.getValue().settings();
            String current = indexSettings == null || indexSettings.index() == null ? null : indexSettings.index().numberOfReplicas();
            if (!String.valueOf(replicas).equals(current)) {
                client.indices().putSettings(p -> p.index(index.getKey()).settings(s -> s.numberOfReplicas(String.valueOf(replicas))));
            }
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
