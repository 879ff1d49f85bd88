package org.lararena.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import java.io.IOException;
import java.util.List;

/**
 * Every hit of a search, a page at a time with {@code search_after}: for work over all passages of a document or an
 * index, past the 10,000 hits one search may return. Blocking.
 */
public final class IndexPages {

    /** Hits per request. */
    static final int PAGE_SIZE = 1000;

    /** What is done with one page of hits. */
    @FunctionalInterface
    public interface PageHandler<T> {
        void accept(List<Hit<T>> hits) throws IOException;
    }

    private IndexPages() {
    }

    /**
     * Hands every hit of {@code query} over {@code index} to {@code handler}, page by page, ordered by the unique
     * {@code sortField} ascending.
     *
     * @param source what of {@code _source} to fetch, or {@code null} for all of it
     */
    public static <T> void forEach(ElasticsearchClient client, String index, Query query, String sortField, SourceConfig source,
                                   Class<T> type, PageHandler<T> handler) throws IOException {
        whileWanted(client, index, query, sortField, source, type, PAGE_SIZE, hits -> {
            handler.accept(hits);
            return true;
        });
    }

    /** What is done with one page of hits, and whether the next page is wanted. */
    @FunctionalInterface
    public interface PageReader<T> {
        boolean wantsMore(List<Hit<T>> hits) throws IOException;
    }

    /**
     * As {@link #forEach}, in pages of {@code pageSize} hits, for as long as {@code reader} wants more: for the
     * beginning of a long document, without reading the rest.
     */
    public static <T> void whileWanted(ElasticsearchClient client, String index, Query query, String sortField, SourceConfig source,
                                       Class<T> type, int pageSize, PageReader<T> reader) throws IOException {
        List<FieldValue> after = null;
        while (true) {
            final List<FieldValue> cursor = after;
            List<Hit<T>> hits = client.search(s -> {
                s.index(index).size(pageSize).query(query).sort(o -> o.field(f -> f.field(sortField).order(SortOrder.Asc)));
                if (source != null) {
                    s.source(source);
                }
                return cursor == null ? s : s.searchAfter(cursor);
            }, type).hits().hits();
            if (hits.isEmpty() || !reader.wantsMore(hits) || hits.size() < pageSize) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
