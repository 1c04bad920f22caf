package com.soundhub.web;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.soundhub.recordings.CatalogueChanged;
import com.soundhub.web.views.MemberPageTemplate;
import com.soundhub.web.views.SharedRendering;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pages {@link MemberPageCache} keeps: per page address, how the page tells members apart, and
 * per variant the page's template. Like {@link AnonymousPages}, every instance keeps its own and
 * forgets them all as soon as an owner's change to a recording commits anywhere.
 */
@ApplicationScoped
public class MemberPages {

    private static final int MAX_PAGES = 1_000;
    private static final int MAX_VIEWER_PARTS = 5_000;
    /** A viewer's part is kept under everything it shows, so it may be kept longer than a page. */
    private static final long VIEWER_PART_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** A kept page: its template and content type. */
    record Page(MemberPageTemplate template, String contentType) {
    }

    @Inject
    @ConfigProperty(name = "soundhub.member-page-cache.seconds", defaultValue = "5")
    int lifetimeSeconds;

    private final SharedRendering rendering = new SharedRendering();
    private final ShortLivedCopies<MemberVariants> variants = new ShortLivedCopies<>(MAX_PAGES);
    private final ShortLivedCopies<Page> pages = new ShortLivedCopies<>(MAX_PAGES);
    private final ShortLivedCopies<String> viewerParts = new ShortLivedCopies<>(MAX_VIEWER_PARTS);

    void catalogueChanged(@Observes CatalogueChanged changed) {
        forgetAll();
    }

    boolean enabled() {
        return lifetimeSeconds > 0;
    }

    /** How many seconds a member's own change may take to show in pages kept for others. */
    int lifetimeSeconds() {
        return lifetimeSeconds;
    }

    SharedRendering rendering() {
        return rendering;
    }

    long generation() {
        return pages.generation();
    }

    /** How the page at {@code address} tells members apart, if it was rendered lately. */
    Optional<MemberVariants> variants(String address, long now) {
        return variants.find(address, now).map(ShortLivedCopies.Copy::value);
    }

    /** The variant's page to send, if there is one (see {@link ShortLivedCopies#find}). */
    Optional<ShortLivedCopies.Copy<Page>> find(String address, String variant, long now) {
        return pages.find(pageKey(address, variant), now);
    }

    /** Keeps how a page rendered since {@code generationAtStart} tells members apart, unless a change arrived meanwhile. */
    void keepVariants(String address, MemberVariants memberVariants, long now, long generationAtStart) {
        variants.keep(address, memberVariants, now, lifetimeNanos(), generationAtStart);
    }

    /** Keeps one variant of a page rendered since {@code generationAtStart}, unless a change arrived meanwhile. */
    void keep(String address, String variant, Page page, long now, long generationAtStart) {
        pages.keep(pageKey(address, variant), page, now, lifetimeNanos(), generationAtStart);
    }

    /**
     * A viewer's part of a page ({@code sh:per-viewer}) as {@code render} makes it, kept under
     * {@code viewerKey}, which names everything it shows (the member, their unread counts, their
     * CSRF token), so that a member's header is rendered once while none of that changes.
     */
    String viewerPart(SharedRendering.ViewerPart part, String viewerKey, Supplier<String> render) {
        String key = part.template() + "::" + part.fragment() + '\n' + viewerKey;
        long now = System.nanoTime();
        Optional<ShortLivedCopies.Copy<String>> kept = viewerParts.find(key, now);
        if (kept.isPresent()) {
            return kept.get().value();
        }
        long generation = viewerParts.generation();
        String html = render.get();
        viewerParts.keep(key, html, now, VIEWER_PART_NANOS, generation);
        return html;
    }

    void forgetAll() {
        variants.forgetAll();
        pages.forgetAll();
    }

    private long lifetimeNanos() {
        return TimeUnit.SECONDS.toNanos(lifetimeSeconds);
    }

    private static String pageKey(String address, String variant) {
        return address + '\n' + variant;
    }
}
