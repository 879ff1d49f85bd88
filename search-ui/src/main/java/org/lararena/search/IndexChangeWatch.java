package org.lararena.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices changes other processes make to the passage index (another application instance, a script): every
 * {@code every} it reads the write and refresh counts of the indexes behind the alias and counts a change when they, or
 * the indexes, differ from the last read. Writes count as soon as they land (a search may have to wait for their
 * refresh) and the refresh that makes them searchable counts again; an idle index's counts stand still. An unanswered
 * read counts as a change too, so nothing kept outlives an outage. Deploy as a worker verticle: the read blocks.
 */
public final class IndexChangeWatch extends VerticleBase {

    private final ElasticsearchClient client;
    private final String alias;
    private final Duration every;
    private final AtomicLong changes = new AtomicLong();
    /** The last read: each index's uuid, refresh and write counts; null after an unanswered one. Guarded by {@code this}. */
    private String lastSeen;

    public IndexChangeWatch(ElasticsearchClient client, String alias, Duration every) {
        this.client = Objects.requireNonNull(client);
        this.alias = Objects.requireNonNull(alias);
        this.every = Objects.requireNonNull(every);
    }

    @Override
    public Future<?> start() {
        poll();
        vertx.setPeriodic(every.toMillis(), t -> poll());
        return Future.succeededFuture();
    }

    /** How many changes have been noticed. */
    public long changes() {
        return changes.get();
    }

    /** Reads the counts once, counting a change if they differ from the last read. Blocking. */
    synchronized void poll() {
        String seen;
        try {
            IndicesStatsResponse stats = client.indices().stats(s -> s.index(alias).metric("refresh", "indexing"));
            TreeMap<String, String> byIndex = new TreeMap<>();
            stats.indices().forEach((name, index) -> {
                var primaries = index.primaries();
                byIndex.put(name, index.uuid() + "/" + (primaries == null ? "?" : primaries.refresh().total() + "/"
                        + primaries.indexing().indexTotal() + "/" + primaries.indexing().deleteTotal()));
            });
            seen = byIndex.toString();
        } catch (Exception e) {
            // Whatever went wrong (the node down, the alias gone), what was kept can no longer be vouched for.
            seen = null;
        }
        if (seen == null || !seen.equals(lastSeen)) {
            changes.incrementAndGet();
        }
        lastSeen = seen;
    }
}
