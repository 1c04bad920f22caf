package com.soundhub.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.soundhub.recordings.CatalogueChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ranked recordings a search found, kept for a few seconds ({@code soundhub.search-cache.seconds},
 * 5 by default, 0 turns it off) for everyone on this instance who searches for the same thing, as
 * Solr's query result cache does: ranking a common word reads every recording that has it, and the
 * answer is the same for every viewer, since only listed recordings are found. While one request
 * ranks, the others asking the same wait for its answer instead of ranking too. Every instance
 * forgets what it keeps when an owner changes a recording; new recordings show within the lifetime.
 */
@ApplicationScoped
public class SearchResultCache {

    /** One found recording and its sort value, which the next page's cursor continues from. */
    record Hit(long id, long sortValue) {
    }

    private static final int MAX_SEARCHES = 5_000;
    /** How long a request waits for another's ranking before it ranks for itself. */
    private static final long WAIT_SECONDS = 10;

    private record Entry(CompletableFuture<List<Hit>> hits, long expiresAt) {

        boolean fresh(long now) {
            return now - expiresAt < 0;
        }
    }

    @Inject
    @ConfigProperty(name = "soundhub.search-cache.seconds", defaultValue = "5")
    int lifetimeSeconds;

    private final Map<SearchService.Query, Entry> entries = new ConcurrentHashMap<>();
    /** Counts forgettings, so that a ranking that started before one is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    /** What {@code search} finds for {@code query}, from a recent identical search when there is one. */
    List<Hit> hits(SearchService.Query query, Supplier<List<Hit>> search) {
        if (lifetimeSeconds <= 0) {
            return search.get();
        }
        long now = System.nanoTime();
        Entry kept = entries.get(query);
        if (kept != null && kept.fresh(now)) {
            return awaited(kept, search);
        }
        if (entries.size() >= MAX_SEARCHES) {
            entries.values().removeIf(entry -> !entry.fresh(now) && entry.hits().isDone());
            if (entries.size() >= MAX_SEARCHES) {
                return search.get();
            }
        }
        Entry mine = new Entry(new CompletableFuture<>(), now + TimeUnit.SECONDS.toNanos(lifetimeSeconds));
        Entry winner = entries.compute(query, (key, existing) -> existing != null && existing.fresh(now) ? existing : mine);
        if (winner != mine) {
            return awaited(winner, search);
        }
        long generationAtStart = generation.get();
        try {
            List<Hit> hits = List.copyOf(search.get());
            mine.hits().complete(hits);
            if (generation.get() != generationAtStart) {
                entries.remove(query, mine);
            }
            return hits;
        } catch (RuntimeException | Error failure) {
            entries.remove(query, mine);
            mine.hits().completeExceptionally(failure);
            throw failure;
        }
    }

    void catalogueChanged(@Observes CatalogueChanged changed) {
        forgetAll();
    }

    void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    private static List<Hit> awaited(Entry entry, Supplier<List<Hit>> search) {
        try {
            return entry.hits().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException otherRankingFailed) {
            // Its own request reports what went wrong; this one tries for itself.
            return search.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return search.get();
        }
    }
}
