package com.soundhub.web;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered output kept for a few seconds on one instance, as a micro-cache: when a copy has just
 * expired, the first request to find it makes it again (it gets nothing) while the others are sent
 * the expired copy, so that a crowd does not render the same thing all at once every few seconds.
 * Copies made from data read before a {@link #forgetAll()} are not kept after it.
 *
 * @param <V> what is kept: a page's bytes, a fragment's HTML
 */
public final class ShortLivedCopies<V> {

    /** How long after it expires a copy may still be sent while one request makes it again. */
    public static final long STALE_NANOS = 30_000_000_000L;
    /** How long one request may take to make it again before another one tries. */
    public static final long REFRESH_NANOS = 10_000_000_000L;
    private static final long UNCLAIMED = Long.MIN_VALUE;

    /** A kept copy and when it stops being fresh ({@link System#nanoTime()}). */
    public record Copy<V>(V value, long expiresAt, AtomicLong refreshClaimedAt) {

        public boolean fresh(long now) {
            return now - expiresAt < 0;
        }
    }

    private final int maxCopies;
    private final Map<String, Copy<V>> copies = new ConcurrentHashMap<>();
    /** Counts forgettings, so that a copy made from data read before one is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    public ShortLivedCopies(int maxCopies) {
        this.maxCopies = maxCopies;
    }

    public long generation() {
        return generation.get();
    }

    /** The copy to send, if there is one; empty tells the caller to make it (again). */
    public Optional<Copy<V>> find(String key, long now) {
        Copy<V> copy = copies.get(key);
        if (copy == null || now - copy.expiresAt() > STALE_NANOS) {
            return Optional.empty();
        }
        if (copy.fresh(now)) {
            return Optional.of(copy);
        }
        long claimed = copy.refreshClaimedAt().get();
        if (claimed != UNCLAIMED && now - claimed < REFRESH_NANOS) {
            return Optional.of(copy);
        }
        return copy.refreshClaimedAt().compareAndSet(claimed, now) ? Optional.empty() : Optional.of(copy);
    }

    /** Keeps a copy made since {@code generationAtStart} until {@code now + lifetimeNanos}, unless a forgetting came meanwhile. */
    public void keep(String key, V value, long now, long lifetimeNanos, long generationAtStart) {
        if (generation.get() != generationAtStart) {
            return;
        }
        if (copies.size() >= maxCopies) {
            for (Iterator<Copy<V>> kept = copies.values().iterator(); kept.hasNext(); ) {
                if (!kept.next().fresh(now)) {
                    kept.remove();
                }
            }
            if (copies.size() >= maxCopies) {
                return;
            }
        }
        copies.put(key, new Copy<>(value, now + lifetimeNanos, new AtomicLong(UNCLAIMED)));
    }

    public void forgetAll() {
        generation.incrementAndGet();
        copies.clear();
    }
}
