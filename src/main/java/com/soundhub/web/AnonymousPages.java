package com.soundhub.web;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.soundhub.recordings.CatalogueChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The copies {@link AnonymousPageCache} keeps. When an owner changes or withdraws a recording,
 * every instance forgets its copies as soon as the change commits ({@link CatalogueChanged}), so a
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

    private final ShortLivedCopies<Page> pages = new ShortLivedCopies<>(MAX_PAGES);

    void catalogueChanged(@Observes CatalogueChanged changed) {
        forgetAll();
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
