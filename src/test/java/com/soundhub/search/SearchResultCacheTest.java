package com.soundhub.search;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.soundhub.platform.paging.Cursor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchResultCacheTest {

    private final SearchResultCache cache = new SearchResultCache();
    private final AtomicInteger rankings = new AtomicInteger();

    SearchResultCacheTest() {
        cache.lifetimeSeconds = 5;
    }

    private static SearchService.Query query(String words) {
        return new SearchService.Query(words, null, null, null, null, false, Optional.empty());
    }

    private List<SearchResultCache.Hit> rank(long id) {
        rankings.incrementAndGet();
        return List.of(new SearchResultCache.Hit(id, 1_000), new SearchResultCache.Hit(id + 1, 900));
    }

    @Test
    void theSameSearchIsRankedOnceAndAnotherOneAgain() {
        List<SearchResultCache.Hit> first = cache.hits(query("night"), () -> rank(1));
        List<SearchResultCache.Hit> again = cache.hits(query("night"), () -> rank(99));

        assertThat(again).isEqualTo(first);
        assertThat(rankings).hasValue(1);
        SearchService.Query nextPage = new SearchService.Query("night", null, null, null, null, false,
                Optional.of(new Cursor(900, 2)));
        cache.hits(nextPage, () -> rank(3));
        cache.hits(query("night drive"), () -> rank(5));
        assertThat(rankings).hasValue(3);
    }

    @Test
    void aChangedRecordingMakesEverySearchRankAgain() {
        cache.hits(query("night"), () -> rank(1));
        cache.forgetAll();

        assertThat(cache.hits(query("night"), () -> rank(7))).extracting(SearchResultCache.Hit::id).containsExactly(7L, 8L);
    }

    @Test
    void turnedOffItRanksEachTime() {
        cache.lifetimeSeconds = 0;
        cache.hits(query("night"), () -> rank(1));
        cache.hits(query("night"), () -> rank(1));
        assertThat(rankings).hasValue(2);
    }

    @Test
    void whileOneRequestRanksTheOthersWaitForItsAnswer() throws Exception {
        CountDownLatch rankingStarted = new CountDownLatch(1);
        CountDownLatch finishRanking = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<SearchResultCache.Hit>> first = threads.submit(() -> cache.hits(query("night"), () -> {
                rankingStarted.countDown();
                await(finishRanking);
                return rank(1);
            }));
            assertThat(rankingStarted.await(5, TimeUnit.SECONDS)).isTrue();
            Future<List<SearchResultCache.Hit>> second = threads.submit(() -> cache.hits(query("night"), () -> rank(50)));
            Thread.sleep(200);
            assertThat(second.isDone()).as("waits instead of ranking too").isFalse();

            finishRanking.countDown();
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(first.get(5, TimeUnit.SECONDS));
            assertThat(rankings).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedRankingIsNotKept() {
        assertThatThrownBy(() -> cache.hits(query("night"), () -> {
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");

        assertThat(cache.hits(query("night"), () -> rank(1))).hasSize(2);
        assertThat(rankings).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
