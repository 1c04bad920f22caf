package com.soundhub.web;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

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

    /** A kept page: its bytes and their content type. */
    record Page(byte[] body, String contentType) {
    }

    @Inject
    @ConfigProperty(name = "soundhub.page-cache.seconds", defaultValue = "5")
    int lifetimeSeconds;

    @Inject
    ProgressHub hub;

    private final ShortLivedCopies<Page> pages = new ShortLivedCopies<>(MAX_PAGES);
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
        return pages.generation();
    }

    /** The page to send, if there is one (see {@link ShortLivedCopies#find}). */
    Optional<ShortLivedCopies.Copy<Page>> find(String key, long now) {
        return pages.find(key, now);
    }

    /** Keeps a page rendered since {@code generationAtStart}, unless a change arrived meanwhile. */
    void keep(String key, byte[] body, String contentType, long now, long generationAtStart) {
        pages.keep(key, new Page(body, contentType), now, TimeUnit.SECONDS.toNanos(lifetimeSeconds), generationAtStart);
    }

    void forgetAll() {
        pages.forgetAll();
    }
}
