package org.lararena.search.eval;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lararena.ontology.OntologyLoader;
import org.lararena.ontology.search.SearchVocabulary;

/**
 * The indexes the search evaluation compares the project with, each holding the very passages the pipeline indexed:
 * Elasticsearch's {@code standard} analyzer; a middle baseline, {@code standard} plus the project's stemmer only; and
 * copies of the project's own index with one part of its analysis turned off (the ablation).
 */
public final class ComparisonIndexes {

    private ComparisonIndexes() {
    }

    /** An index whose text and title are analysed by Elasticsearch's {@code standard} analyzer. */
    public static void standard(ElasticsearchClient client, String index, List<JsonObject> passages) throws IOException {
        baseline(client, index, new JsonObject(), "standard", passages);
    }

    /**
     * An index analysed by the {@code standard} tokenizer and lower-casing, then the project's light Swedish stemmer
     * (without its base forms of irregular words): no stop words, no decompounding, no folding, no synonyms.
     */
    public static void standardWithStemmer(ElasticsearchClient client, String index, List<JsonObject> passages) throws IOException {
        JsonObject analysis = new JsonObject()
                .put("filter", new JsonObject().put("project_stem", new JsonObject().put("type", "lararena_swedish_stem")
                        .put("variant", "light").put("lemmas", false)))
                .put("analyzer", new JsonObject().put("standard_stemmed", new JsonObject().put("type", "custom")
                        .put("tokenizer", "standard").put("filter", new JsonArray().add("lowercase").add("project_stem"))));
        baseline(client, index, analysis, "standard_stemmed", passages);
    }

    /**
     * A copy of the passages in an index with the project's settings and mapping ({@code projectMapping}, as a new
     * passage index gets them) changed by {@code change}: one part of the analysis left out.
     */
    public static void projectVariant(ElasticsearchClient client, String index, JsonObject projectMapping, Consumer<JsonObject> change,
                                      List<JsonObject> passages) throws IOException {
        JsonObject mapping = projectMapping.copy();
        change.accept(mapping);
        client.indices().create(c -> c.index(index).withJson(new ByteArrayInputStream(mapping.encode().getBytes(StandardCharsets.UTF_8))));
        copy(client, index, passages, passage -> passage);
    }

    /** Leaves index-time decompounding out of the project's analysers (the query's split reading stays). */
    public static void withoutDecompounding(JsonObject mapping) {
        JsonObject analyzers = mapping.getJsonObject("settings").getJsonObject("analysis").getJsonObject("analyzer");
        for (String name : analyzers.fieldNames()) {
            JsonArray filters = analyzers.getJsonObject(name).getJsonArray("filter");
            filters.remove("sv_decompound");
        }
    }

    /** The project's stemmers without their base forms of irregular words ({@code SwedishLemmas}). */
    public static void withoutLemmas(JsonObject mapping) {
        turnOffInStemmers(mapping, "lemmas");
    }

    /** The project's light stemmers without bringing the definite form of a noun in -a to its stem ({@code SwedishDefiniteFormFilter}). */
    public static void withoutDefiniteForms(JsonObject mapping) {
        turnOffInStemmers(mapping, "definite_forms");
    }

    /** The project's light stemmers taking a base form's own last -n or -t, as Lucene's does ({@code SwedishBaseFormLightStemFilter}). */
    public static void withoutBaseFormEndings(JsonObject mapping) {
        turnOffInStemmers(mapping, "base_form_endings");
    }

    /** The project's light stemmers leaving a stem's final -mm or -nn, as Lucene's does ({@code SwedishBaseFormLightStemFilter}). */
    public static void withoutDoubledConsonants(JsonObject mapping) {
        turnOffInStemmers(mapping, "doubled_consonants");
    }

    /**
     * The search analysers' synonyms without the field's everyday words ({@code SearchVocabulary.everydayWordRules}):
     * the ontology's own synonym rules given inline, where the node's synonyms file holds both. A mapping without that
     * file (no analysis files on the node) has no synonyms to take them from, and stays as it is.
     */
    public static void withoutEverydayWords(JsonObject mapping) {
        JsonObject synonyms = mapping.getJsonObject("settings").getJsonObject("analysis").getJsonObject("filter").getJsonObject("sv_synonyms");
        if (synonyms.remove("synonyms_path") == null) {
            return;
        }
        synonyms.put("synonyms", new JsonArray(new SearchVocabulary(OntologyLoader.fromClasspath()).conceptSynonymRules()));
    }

    /** Sets the boolean {@code setting} of every {@code lararena_swedish_stem} filter of the mapping to false. */
    private static void turnOffInStemmers(JsonObject mapping, String setting) {
        JsonObject filters = mapping.getJsonObject("settings").getJsonObject("analysis").getJsonObject("filter");
        for (String name : filters.fieldNames()) {
            if ("lararena_swedish_stem".equals(filters.getJsonObject(name).getString("type"))) {
                filters.getJsonObject(name).put(setting, false);
            }
        }
    }

    /**
     * The ten best passage ids of a baseline index for {@code query}, with the same query shape as the project's (most
     * words, a phrase bonus, the title a little) on its one text field.
     */
    public static List<String> baselineRanking(ElasticsearchClient client, String index, String query) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(index).size(RankingMetrics.K).source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b
                        .must(m -> m.simpleQueryString(sq -> sq.query(query).fields("text", "title^0.5").defaultOperator(Operator.Or)
                                .minimumShouldMatch("2<70%").lenient(true)))
                        .should(sh -> sh.matchPhrase(p -> p.field("text").query(query.replace("\"", "")).slop(1).boost(2f))))), Void.class);
        return response.hits().hits().stream().map(Hit::id).toList();
    }

    private static void baseline(ElasticsearchClient client, String index, JsonObject analysis, String analyzer, List<JsonObject> passages)
            throws IOException {
        JsonObject text = new JsonObject().put("type", "text").put("analyzer", analyzer);
        JsonObject body = new JsonObject()
                .put("settings", new JsonObject().put("number_of_shards", 1).put("number_of_replicas", 0).put("analysis", analysis))
                .put("mappings", new JsonObject().put("properties", new JsonObject().put("text", text).put("title", text.copy())
                        .put("passageId", new JsonObject().put("type", "keyword"))));
        client.indices().create(c -> c.index(index).withJson(new ByteArrayInputStream(body.encode().getBytes(StandardCharsets.UTF_8))));
        copy(client, index, passages, passage -> new JsonObject().put("passageId", passage.getString("passageId"))
                .put("text", passage.getString("text")).put("title", passage.getString("title")));
    }

    private static void copy(ElasticsearchClient client, String index, List<JsonObject> passages,
                             Function<JsonObject, JsonObject> source) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index).refresh(Refresh.WaitFor);
        for (JsonObject passage : passages) {
            JsonData document = JsonData.fromJson(source.apply(passage).encode());
            bulk.operations(op -> op.index(i -> i.id(passage.getString("passageId")).document(document)));
        }
        var response = client.bulk(bulk.build());
        if (response.errors()) {
            throw new IllegalStateException("copy into " + index + " failed: " + response.items().stream().filter(i -> i.error() != null)
                    .findFirst().map(i -> i.error().reason()).orElse("?"));
        }
    }
}
