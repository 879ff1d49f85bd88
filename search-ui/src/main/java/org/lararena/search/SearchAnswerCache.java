package org.lararena.search;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.lararena.ingest.store.Visibility;
import org.lararena.platform.FutureFailures;
import org.lararena.platform.web.Caller;

/**
 * Whole {@code /api/search} answers, as the bytes sent, kept until the passage index changes: a search asked again
 * (the pages everyone opens, paging back, a facet unticked, a shared link) is answered without Elasticsearch. An
 * answer belongs to its search and to what its caller may read, so no caller is ever given an answer computed for
 * rights they lack. The least recently asked answers go first when the cache is full. Thread-safe.
 *
 * <p>{@code generation} rises whenever what searches see may have changed: at once for this process's own writes
 * ({@link org.lararena.ingest.index.PassageIndex#changes()}), within a poll for other processes' ({@link IndexChangeWatch}).
 * An answer is kept under the generation read before it was computed, and given only while that is still the
 * generation, so an answer computed across a change is never given after it.
 */
public final class SearchAnswerCache {

    /**
     * Everything an answer depends on besides the index: the search (with whether suggestions count as themes, as
     * {@link SearchRequest#includesSuggestions} decides for this caller), what the caller may read (the visibility filter
     * of {@link PassageSearch#visibilityFilter}) and whether it is shown speakers' names. Two callers with equal keys
     * are sent the same Elasticsearch request and the same answer ({@code SearchAnswerCacheTest} holds this for every
     * kind of caller).
     */
    record Key(SearchRequest request, Set<Visibility> readable, boolean researcher) {

        static Key of(SearchRequest request, Caller caller) {
            return new Key(request.withSuggestions(request.includesSuggestions(caller)), Set.copyOf(Visibility.readableBy(caller)),
                    caller.isResearcher());
        }
    }

    /** An answer larger than this share of the cache is not kept: it would push out many others. */
    private static final int LARGEST_SHARE = 16;

    private final long maxBytes;
    private final LongSupplier generation;
    /** Every answer kept was computed in this generation. Guarded by {@code this}, as are the next two. */
    private long keptIn = Long.MIN_VALUE;
    /** In access order: the first entry is the one asked least recently. */
    private final LinkedHashMap<Key, Buffer> answers = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /**
     * @param maxBytes   the most bytes of answers kept (0: none is)
     * @param generation rises whenever what searches see may have changed
     */
    public SearchAnswerCache(long maxBytes, LongSupplier generation) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
        this.maxBytes = maxBytes;
        this.generation = generation;
    }

    /** The generation to read before computing an answer, and to {@link #put} it under. */
    long generation() {
        return generation.getAsLong();
    }

    /** The answer to {@code request} for {@code caller}: the one kept, or else the one {@code search} finds. */
    public CompletableFuture<Buffer> answer(SearchRequest request, Caller caller, PassageSearch search) {
        return answer(Key.of(request, caller), () -> search.searchAsync(request, caller));
    }

    /**
     * The answer for {@code key}: the one kept, or else the one {@code compute} makes (kept for next time unless the
     * index changed meanwhile). Completes where {@code compute}'s answer completes, or at once; a failure as it came
     * (not wrapped), so the failure handler sees its status.
     */
    CompletableFuture<Buffer> answer(Key key, Supplier<CompletableFuture<JsonObject>> compute) {
        long computedIn = generation();
        Optional<Buffer> kept = get(key);
        if (kept.isPresent()) {
            return CompletableFuture.completedFuture(kept.get());
        }
        CompletableFuture<Buffer> answer = new CompletableFuture<>();
        compute.get().whenComplete((json, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(FutureFailures.cause(failure));
                return;
            }
            Buffer computed = json.toBuffer();
            put(key, computedIn, computed);
            answer.complete(computed);
        });
        return answer;
    }

    /** The answer kept for {@code key}, if it was computed in the current generation. */
    synchronized Optional<Buffer> get(Key key) {
        if (keptIn != generation.getAsLong()) {
            clear();
            return Optional.empty();
        }
        return Optional.ofNullable(answers.get(key));
    }

    /** Keeps {@code answer}, computed after {@code computedIn} was read, unless the index has changed since. */
    synchronized void put(Key key, long computedIn, Buffer answer) {
        long current = generation.getAsLong();
        if (computedIn != current || answer.length() > maxBytes / LARGEST_SHARE) {
            return;
        }
        if (keptIn != current) {
            clear();
            keptIn = current;
        }
        Buffer replaced = answers.put(key, answer);
        bytes += answer.length() - (replaced == null ? 0 : replaced.length());
        for (Iterator<Buffer> oldest = answers.values().iterator(); bytes > maxBytes && oldest.hasNext(); ) {
            bytes -= oldest.next().length();
            oldest.remove();
        }
    }

    /** Bytes of answers kept. */
    synchronized long bytes() {
        return bytes;
    }

    private void clear() {
        answers.clear();
        bytes = 0;
    }
}
