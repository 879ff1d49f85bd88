package org.lararena.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

/**
 * Runs a search for a caller. The caller's visibility filter is part of the query's filter, so hits, counts
 * and highlights never include what the caller may not read. Blocking.
 */
public final class PassageSearch {

    public static final int MAX_QUERY_CHARS = 1000;
    public static final int MAX_PAGE_SIZE = 100;

    private final ElasticsearchClient client;
    private final String alias;

    public PassageSearch(ElasticsearchClient client, String alias) {
        this.client = Objects.requireNonNull(client);
        this.alias = Objects.requireNonNull(alias);
    }

    /** One search: {@code text} in the query syntax people know; {@code page} from 0. */
    public record Request(String text, int page, int size) {
        public Request {
            text = text == null ? "" : text.strip();
            if (text.length() > MAX_QUERY_CHARS) {
                text = text.substring(0, MAX_QUERY_CHARS);
            }
        }
    }

    public JsonObject search(Request request, Caller caller) {
        Query visible = visibilityFilter(caller);
        Query match = request.text().isEmpty()
                ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.simpleQueryString(s -> s.query(request.text()).fields("text", "title^0.5")
                        .defaultOperator(Operator.And).lenient(true)));
        try {
            SearchResponse<Map> response = client.search(s -> s.index(alias)
                    .query(q -> q.bool(b -> b.must(match).filter(visible)))
                    .from(request.page() * request.size()).size(request.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .highlight(h -> h.fields(NamedValue.of("text", HighlightField.of(f -> f.numberOfFragments(2).fragmentSize(200))))
                            .preTags("<mark>").postTags("</mark>")),
                    Map.class);
            JsonArray hits = new JsonArray();
            for (Hit<Map> hit : response.hits().hits()) {
                JsonObject source = new JsonObject(hit.source());
                List<String> fragments = hit.highlight().getOrDefault("text", List.of());
                hits.add(new JsonObject()
                        .put("passageId", source.getString("passageId"))
                        .put("documentId", source.getString("documentId"))
                        .put("title", source.getString("title"))
                        .put("text", source.getString("text"))
                        .put("highlight", String.join(" … ", fragments))
                        .put("page", source.getInteger("page"))
                        .put("speaker", source.getString("speaker"))
                        .put("themes", new JsonArray())
                        .put("score", hit.score()));
            }
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            return new JsonObject().put("total", total).put("hits", hits);
        } catch (ElasticsearchException e) {
            throw LararenaException.unavailable("search failed in Elasticsearch: " + e.error().reason(), e);
        } catch (IOException e) {
            throw LararenaException.unavailable("Elasticsearch is not reachable; try again shortly", e);
        }
    }

    /** Researchers read everything; pilots pilot and public material; everyone else public material only. */
    static Query visibilityFilter(Caller caller) {
        List<FieldValue> allowed = new ArrayList<>();
        allowed.add(FieldValue.of("public"));
        if (caller.isResearcher() || caller.has(Caller.PILOT)) {
            allowed.add(FieldValue.of("pilot"));
        }
        if (caller.isResearcher()) {
            allowed.add(FieldValue.of("restricted"));
        }
        return Query.of(q -> q.terms(t -> t.field("visibility").terms(v -> v.value(allowed))));
    }
}
