package com.soundhub.web;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.soundhub.jobs.ProgressHub;
import com.soundhub.recordings.RecordingChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The copies {@link AnonymousPageCache} keeps. When an owner changes or withdraws a recording,
 * every instance forgets its copies as soon as the change commits (a PostgreSQL NOTIFY), so a
 * recording made private stops showing at once; the short lifetime bounds what a lost
 * notification could leave behind.
 */
@ApplicationScoped
public class AnonymousPages {

    private static final int MAX_PAGES = 2_000;

    /** How long after it expires a page may still be sent while one request renders it again. */
    static final long STALE_NANOS = 30_000_000_000L;
    /** How long one request may take to render it before another one tries. */
    static final long REFRESH_NANOS = 10_000_000_000L;
    private static final long UNCLAIMED = Long.MIN_VALUE;

    record Page(byte[] body, String contentType, long expiresAt, AtomicLong refreshClaimedAt) {

        boolean fresh(long now) {
            return now - expiresAt < 0;
        }
    }

    @Inject
    @ConfigProperty(name = "soundhub.page-cache.seconds", defaultValue = "5")
    int lifetimeSeconds;

    @Inject
    ProgressHub hub;

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    /** Counts forgettings, so that a page rendered from data read before one is not kept after it. */
    private final AtomicLong generation = new AtomicLong();
    private AutoCloseable subscription;

    @PostConstruct
    void listen() {
        subscription = hub.subscribe(RecordingChanged.TOPIC, event -> forgetAll());
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Created at start-up, so that it hears changes before it keeps anything.
    }

    @PreDestroy
    void stop() {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // Only a set of subscribers is left behind, and the application is going away.
        }
    }

    boolean enabled() {
        return lifetimeSeconds > 0;
    }

    long generation() {
        return generation.get();
    }

    /**
     * The page to send, if there is one. When a kept page has just expired, the first request to
     * find it renders it again (it gets nothing) while the others are sent the expired copy, so that
     * a crowd does not render the same page all at once every few seconds.
     */
    Optional<Page> find(String key, long now) {
        Page page = pages.get(key);
        if (page == null || now - page.expiresAt() > STALE_NANOS) {
            return Optional.empty();
        }
        if (page.fresh(now)) {
            return Optional.of(page);
        }
        long claimed = page.refreshClaimedAt().get();
        if (claimed != UNCLAIMED && now - claimed < REFRESH_NANOS) {
            return Optional.of(page);
        }
        return page.refreshClaimedAt().compareAndSet(claimed, now) ? Optional.empty() : Optional.of(page);
    }

    /** Keeps a page rendered since {@code generationAtStart}, unless a change arrived meanwhile. */
    void keep(String key, byte[] body, String contentType, long now, long generationAtStart) {
        if (generation.get() != generationAtStart) {
            return;
        }
        if (pages.size() >= MAX_PAGES) {
            for (Iterator<Page> kept = pages.values().iterator(); kept.hasNext(); ) {
                if (!kept.next().fresh(now)) {
                    kept.remove();
                }
            }
            if (pages.size() >= MAX_PAGES) {
                return;
            }
        }
        pages.put(key, new Page(body, contentType, now + lifetimeSeconds * 1_000_000_000L, new AtomicLong(UNCLAIMED)));
    }

    void forgetAll() {
        generation.incrementAndGet();
        pages.clear();
    }
}
