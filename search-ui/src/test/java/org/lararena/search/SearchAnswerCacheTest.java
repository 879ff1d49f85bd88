package org.lararena.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.lararena.platform.LararenaException;
import org.lararena.platform.web.Caller;

class SearchAnswerCacheTest {

    /** Every kind of caller there is, and two of some kinds that differ only in who they are. */
    private static final List<Caller> CALLERS = List.of(
            new Caller("forskare", Set.of(Caller.RESEARCHER), Optional.empty()),
            new Caller("forskare2", Set.of(Caller.RESEARCHER, Caller.ADMIN), Optional.empty()),
            new Caller("pilot", Set.of(Caller.PILOT), Optional.of("Värmland")),
            new Caller("pilot2", Set.of(Caller.PILOT), Optional.of("Örebro")),
            new Caller("pilot3", Set.of(Caller.PILOT, Caller.ATTENDEE), Optional.empty()),
            new Caller("deltagare", Set.of(Caller.ATTENDEE), Optional.empty()),
            new Caller("admin", Set.of(Caller.ADMIN), Optional.empty()),
            Caller.ANONYMOUS);

    @AutoClose
    private static final ElasticsearchClient client = RequestsOnly.client();
    private final AtomicLong generation = new AtomicLong();

    @Test
    void callersWithTheSameKeyAreSentTheSameSearchAndCallersWhoMayReadLessNeverShareAKeyWithThoseWhoMayReadMore() {
        PassageSearch search = new PassageSearch(client, "lararena-passages", iri -> iri, text -> Set.of(), true);
        SearchRequest request = SearchRequest.fromParams(MultiMap.caseInsensitiveMultiMap().add("q", "samverkan").add("pilot", "Värmland"));

        for (Caller one : CALLERS) {
            for (Caller other : CALLERS) {
                boolean sameKey = SearchAnswerCache.Key.of(request, one).equals(SearchAnswerCache.Key.of(request, other));
                boolean sameSearch = search.elasticsearchRequest(request, one).toString().equals(search.elasticsearchRequest(request, other).toString());
                assertThat(sameKey).as("%s and %s: the same key exactly when sent the same search", one.username(), other.username())
                        .isEqualTo(sameSearch);
            }
        }
        SearchAnswerCache.Key researcher = SearchAnswerCache.Key.of(request, CALLERS.get(0));
        assertThat(CALLERS.subList(2, CALLERS.size())).allSatisfy(caller -> assertThat(SearchAnswerCache.Key.of(request, caller)).isNotEqualTo(researcher));
    }

    @Test
    void anAnswerIsGivenAgainUntilTheIndexChanges() {
        SearchAnswerCache cache = new SearchAnswerCache(1 << 20, generation::get);
        SearchAnswerCache.Key key = key("samverkan", Caller.ANONYMOUS);
        long computedIn = cache.generation();
        cache.put(key, computedIn, Buffer.buffer("{\"total\":1}"));

        assertThat(cache.get(key)).contains(Buffer.buffer("{\"total\":1}"));
        assertThat(cache.get(key("samverkan", CALLERS.get(0)))).as("another caller's rights").isEmpty();
        assertThat(cache.get(key("kontinuitet", Caller.ANONYMOUS))).as("another search").isEmpty();

        generation.incrementAndGet();
        assertThat(cache.get(key)).isEmpty();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void anAnswerComputedWhileTheIndexChangedIsNotKept() {
        SearchAnswerCache cache = new SearchAnswerCache(1 << 20, generation::get);
        SearchAnswerCache.Key key = key("samverkan", Caller.ANONYMOUS);
        long computedIn = cache.generation();
        generation.incrementAndGet();

        cache.put(key, computedIn, Buffer.buffer("{\"total\":1}"));

        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void whenFullTheAnswersAskedLeastRecentlyGoAndAHugeAnswerIsNotKept() {
        SearchAnswerCache cache = new SearchAnswerCache(16 * 100, generation::get);
        Buffer answer = Buffer.buffer("x".repeat(60));
        for (int i = 0; i < 40; i++) {
            cache.put(key("ord" + i, Caller.ANONYMOUS), 0, answer);
            // The first answer is asked again and again, so it stays.
            assertThat(cache.get(key("ord0", Caller.ANONYMOUS))).isPresent();
        }

        assertThat(cache.bytes()).isLessThanOrEqualTo(16 * 100).isGreaterThan(16 * 100 - 60);
        assertThat(cache.get(key("ord1", Caller.ANONYMOUS))).isEmpty();
        assertThat(cache.get(key("ord39", Caller.ANONYMOUS))).isPresent();
        cache.put(key("stort", Caller.ANONYMOUS), 0, Buffer.buffer("x".repeat(101)));
        assertThat(cache.get(key("stort", Caller.ANONYMOUS))).isEmpty();
    }

    @Test
    void aFailedSearchReachesTheCallerAsItFailedAndIsNotKept() {
        SearchAnswerCache cache = new SearchAnswerCache(1 << 20, generation::get);
        LararenaException unavailable = LararenaException.unavailable("Elasticsearch is not reachable; try again shortly", null);

        CompletableFuture<Buffer> failed = cache.answer(key("samverkan", Caller.ANONYMOUS), () -> CompletableFuture.failedFuture(unavailable));

        // The HTTP failure handler answers with the exception's status (503) only when it gets the exception itself, as
        // Vert.x's Future.fromCompletionStage passes on what whenComplete sees.
        AtomicReference<Throwable> seen = new AtomicReference<>();
        failed.whenComplete((answer, failure) -> seen.set(failure));
        assertThat(seen.get()).isSameAs(unavailable);
        CompletableFuture<Buffer> again = cache.answer(key("samverkan", Caller.ANONYMOUS),
                () -> CompletableFuture.completedFuture(new JsonObject().put("total", 3)));
        assertThat(again.join().toString()).isEqualTo("{\"total\":3}");
        assertThat(cache.answer(key("samverkan", Caller.ANONYMOUS), () -> CompletableFuture.failedFuture(unavailable)).join().toString())
                .as("the answer computed since, kept").isEqualTo("{\"total\":3}");
    }

    @Test
    void aCacheOfNoBytesKeepsNothing() {
        SearchAnswerCache cache = new SearchAnswerCache(0, generation::get);
        cache.put(key("samverkan", Caller.ANONYMOUS), cache.generation(), Buffer.buffer("{}"));

        assertThat(cache.get(key("samverkan", Caller.ANONYMOUS))).isEmpty();
    }

    private static SearchAnswerCache.Key key(String text, Caller caller) {
        return SearchAnswerCache.Key.of(SearchRequest.of(text), caller);
    }
}
