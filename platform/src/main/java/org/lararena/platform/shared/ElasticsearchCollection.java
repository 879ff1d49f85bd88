package org.lararena.platform.shared;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexRequest;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.ObjectBuilder;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.lararena.platform.LararenaException;

/**
 * A {@link JsonCollection} that several instances share: one Elasticsearch index per collection, one document per
 * id, its JSON as the document's source. The way Kibana keeps its saved objects: a read by id is real time (sees every
 * acknowledged write without a refresh), and a change names the sequence number and primary term it read
 * ({@code if_seq_no}, {@code if_primary_term}), so Elasticsearch refuses it with 409 when another instance changed the
 * document meanwhile. Only the fields a collection names are indexed ({@code dynamic: false}); the rest is kept, not
 * searchable. The index has the passage index's replicas, so losing a node loses no record.
 *
 * <p>An Elasticsearch that does not answer is a 503 naming it: the instance never guesses the shared state.
 */
public final class ElasticsearchCollection implements JsonCollection {

    private static final int PAGE = 1_000;
    /** The field every document carries its id in, for listing in a stable order. */
    private static final String KEY = "_key";

    private final ElasticsearchClient client;
    private final String index;
    private final String what;

    /**
     * Opens the collection in {@code index}, made when missing (by whichever instance comes first).
     *
     * @param what    what one document is, for messages ("the document's record")
     * @param keywords fields kept as exact values (searchable and sortable); {@code dates}: ISO-8601 instants
     */
    public ElasticsearchCollection(ElasticsearchClient client, String index, String what, int replicas, List<String> keywords,
            List<String> dates) {
        this.client = client;
        this.index = index;
        this.what = what;
        JsonObject properties = new JsonObject().put(KEY, new JsonObject().put("type", "keyword"));
        keywords.forEach(field -> properties.put(field, new JsonObject().put("type", "keyword")));
        dates.forEach(field -> properties.put(field, new JsonObject().put("type", "date")));
        JsonObject definition = new JsonObject()
                .put("settings", new JsonObject().put("number_of_shards", 1).put("number_of_replicas", replicas))
                .put("mappings", new JsonObject().put("dynamic", false).put("properties", properties));
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index).withJson(new StringReader(definition.encode())));
            }
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw unavailable("could not be prepared", e);
            }
        } catch (IOException e) {
            throw unavailable("could not be prepared", e);
        }
    }

    @Override
    public Optional<Stored> find(String id) {
        try {
            @SuppressWarnings("rawtypes")
            GetResponse<Map> got = client.get(g -> g.index(index).id(id), Map.class);
            return got.found() ? Optional.of(stored(id, got.source(), got.seqNo(), got.primaryTerm())) : Optional.empty();
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("could not be read", e);
        }
    }

    @Override
    public List<Stored> all() {
        refresh();
        List<Stored> all = new ArrayList<>();
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> from = after;
            List<Hit<Map>> hits = search(s -> {
                s.index(index).size(PAGE).seqNoPrimaryTerm(true).sort(o -> o.field(f -> f.field(KEY).order(SortOrder.Asc)));
                return from.isEmpty() ? s : s.searchAfter(from);
            });
            hits.forEach(hit -> all.add(stored(hit)));
            if (hits.size() < PAGE) {
                return all;
            }
            after = hits.getLast().sort();
        }
    }

    @Override
    public List<Stored> newest(String timeField, int limit) {
        refresh();
        return search(s -> s.index(index).size(limit).seqNoPrimaryTerm(true)
                .sort(o -> o.field(f -> f.field(timeField).order(SortOrder.Desc)))).stream().map(this::stored).toList();
    }

    @Override
    public Stored create(String id, JsonObject body) {
        return write(id, body, request -> request.opType(OpType.Create), " exists already");
    }

    @Override
    public Stored replace(Stored read, JsonObject body) {
        return write(read.id(), body, request -> request.ifSeqNo(read.version().sequence()).ifPrimaryTerm(read.version().term()),
                " was changed meanwhile; read it again");
    }

    @Override
    public Stored put(String id, JsonObject body) {
        return write(id, body, request -> request, "");
    }

    @Override
    public boolean delete(String id) {
        try {
            return client.delete(d -> d.index(index).id(id)).result() == Result.Deleted;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return false;
            }
            throw unavailable("could not be deleted", e);
        } catch (IOException e) {
            throw unavailable("could not be deleted", e);
        }
    }

    private Stored write(String id, JsonObject body, UnaryOperator<IndexRequest.Builder<JsonData>> condition, String conflict) {
        // As JSON text: the client's mapper would write Vert.x's nested JsonObjects as beans.
        JsonData source = JsonData.fromJson(body.copy().put(KEY, id).encode());
        try {
            IndexResponse written = client.index(condition.apply(new IndexRequest.Builder<JsonData>().index(index).id(id).document(source)).build());
            return new Stored(id, body.copy(), new Version(written.seqNo(), written.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                throw new ChangedMeanwhile(what + " " + id + conflict);
            }
            throw unavailable("could not be written", e);
        } catch (IOException e) {
            throw unavailable("could not be written", e);
        }
    }

    @SuppressWarnings("rawtypes")
    private List<Hit<Map>> search(Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request) {
        try {
            SearchResponse<Map> answer = client.search(request, Map.class);
            return answer.hits().hits();
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("could not be listed", e);
        }
    }

    private void refresh() {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException | ElasticsearchException e) {
            throw unavailable("could not be listed", e);
        }
    }

    @SuppressWarnings("rawtypes")
    private Stored stored(Hit<Map> hit) {
        return stored(hit.id(), hit.source(), hit.seqNo(), hit.primaryTerm());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Stored stored(String id, Map source, Long seqNo, Long primaryTerm) {
        JsonObject body = new JsonObject((Map<String, Object>) source);
        body.remove(KEY);
        return new Stored(id, body, new Version(seqNo == null ? -1 : seqNo, primaryTerm == null ? -1 : primaryTerm));
    }

    private LararenaException unavailable(String happened, Exception cause) {
        return LararenaException.unavailable("Elasticsearch (" + index + ") does not answer as it should: " + what + " " + happened
                + " (" + cause.getMessage() + ")", cause);
    }
}
