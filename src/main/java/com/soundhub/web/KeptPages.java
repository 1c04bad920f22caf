package com.soundhub.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The copies of public pages this instance keeps ({@code soundhub.page-cache.seconds}, 5 by
 * default, 0 turns it off), at most {@code soundhub.page-cache.megabytes} of them (32 by default).
 * Caffeine decides which stay: its admission policy keeps the pages many people ask for when a
 * crawler or junk addresses bring many that nobody asks for again. While one request renders a page,
 * the others asking for it wait for that rendering instead of rendering it too.
 *
 * <p>Copies are forgotten on every instance as soon as the catalogue changes in a way a visitor
 * would see ({@link PublicPagesChanged}: a recording made private, a new comment), so the lifetime
 * only bounds how late counts and new recordings show.
 */
@ApplicationScoped
public class KeptPages {

    /** A rendered page: what {@link PublicPageCache} sends, and whether it may be kept. */
    record Page(int status, String contentType, String location, byte[] body) {

        private static final int MAX_BYTES = 512 * 1024;
        /** Kept in place of a page that was not found for nobody, so that the next request goes straight to its viewer. */
        static final Page NOT_FOR_VISITORS = new Page(404, null, null, new byte[0]);

        boolean keepable() {
            return status == 200 && contentType != null && contentType.startsWith("text/html") && body.length <= MAX_BYTES;
        }

        /** Rendered for nobody, the page was not found: it may exist for someone, rendered for them alone. */
        boolean notForVisitors() {
            return status == 404;
        }

        int weight() {
            return body.length + 64;
        }
    }

    @Inject
    @ConfigProperty(name = "soundhub.page-cache.seconds", defaultValue = "5")
    int lifetimeSeconds;

    @Inject
    @ConfigProperty(name = "soundhub.page-cache.megabytes", defaultValue = "32")
    int megabytes;

    private AsyncCache<String, Page> pages;

    @PostConstruct
    void create() {
        pages = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(Math.max(lifetimeSeconds, 1)))
                .maximumWeight(megabytes * 1024L * 1024L)
                .weigher((String address, Page page) -> address.length() + page.weight())
                .buildAsync();
    }

    boolean enabled() {
        return lifetimeSeconds > 0;
    }

    /**
     * The copy of the page at {@code address}, kept or being rendered; or null when there is none,
     * and then {@code mine} stands for it until the caller completes it with the page (or null, to
     * keep nothing).
     */
    CompletableFuture<Page> claim(String address, CompletableFuture<Page> mine) {
        return pages.asMap().putIfAbsent(address, mine);
    }

    void forget(@Observes PublicPagesChanged changed) {
        if (changed.path() == null) {
            pages.synchronous().invalidateAll();
        } else {
            pages.asMap().keySet().removeIf(address -> changed.concerns(pathOf(address)));
        }
    }

    /** The path of a kept page's address ({@code scheme://host/path?query}). */
    static String pathOf(String address) {
        int start = address.indexOf('/', address.indexOf("://") + 3);
        int query = address.indexOf('?', start);
        return address.substring(start, query < 0 ? address.length() : query);
    }
}
