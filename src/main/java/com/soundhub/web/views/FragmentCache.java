package com.soundhub.web.views;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.soundhub.recordings.CatalogueChanged;
import com.soundhub.web.ShortLivedCopies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rendered HTML of the parts of pages that look the same for every viewer (a feed's cards, a
 * profile's recordings, search results), kept for a few seconds ({@code soundhub.fragment-cache.seconds},
 * 5 by default, 0 turns it off) and shared by everyone on this instance, as Rails' fragment caching
 * does: a signed-in member's page is still rendered for them (their header, likes, follows, CSRF
 * token), but its biggest part is copied instead of rendered again. Templates mark such a part with
 * {@code sh:cache="key"} (see {@link CachedFragmentProcessor}); a key says everything the part
 * depends on. Every instance forgets what it keeps when an owner changes a recording.
 */
@ApplicationScoped
public class FragmentCache {

    private static final int MAX_FRAGMENTS = 5_000;

    @Inject
    @ConfigProperty(name = "soundhub.fragment-cache.seconds", defaultValue = "5")
    int lifetimeSeconds;

    private final ShortLivedCopies<String> fragments = new ShortLivedCopies<>(MAX_FRAGMENTS);
    /**
     * Marks where a fragment being rendered begins and ends in the page. A secret, so that nothing
     * else on a page can pass for a mark (escaped text cannot hold {@code <!--} anyway).
     */
    private final String markPrefix = "<!--sh-fragment-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12)) + ":";

    void catalogueChanged(@Observes CatalogueChanged changed) {
        forgetAll();
    }

    void forgetAll() {
        fragments.forgetAll();
    }

    boolean enabled() {
        return lifetimeSeconds > 0;
    }

    /** What one page renders: the fragments it found kept, and the ones it renders to keep. */
    Page newPage() {
        return new Page(fragments.generation());
    }

    /** One page's use of the cache, from its rendering to {@link #finish}. */
    final class Page {

        private final long generationAtStart;
        private final List<String> rendering = new ArrayList<>(2);

        private Page(long generationAtStart) {
            this.generationAtStart = generationAtStart;
        }

        /** The kept HTML for {@code key}, or empty when this page is to render it (and keep it). */
        Optional<String> find(String key) {
            return fragments.find(key, System.nanoTime()).map(ShortLivedCopies.Copy::value);
        }

        /** The marks to put around a fragment this page renders. */
        String[] marks(String key) {
            int index = rendering.size();
            rendering.add(key);
            return new String[] {markPrefix + index + "-->", markPrefix + "/" + index + "-->"};
        }

        /** The page without the marks, keeping each fragment found between them. */
        String finish(String html) {
            if (rendering.isEmpty()) {
                return html;
            }
            StringBuilder page = new StringBuilder(html.length());
            Deque<int[]> open = new ArrayDeque<>();
            long now = System.nanoTime();
            int from = 0;
            for (int mark = html.indexOf(markPrefix); mark >= 0; mark = html.indexOf(markPrefix, from)) {
                page.append(html, from, mark);
                int end = html.indexOf("-->", mark);
                String label = html.substring(mark + markPrefix.length(), end);
                from = end + 3;
                if (!label.startsWith("/")) {
                    open.push(new int[] {Integer.parseInt(label), page.length()});
                } else if (!open.isEmpty()) {
                    int[] begun = open.pop();
                    fragments.keep(rendering.get(begun[0]), page.substring(begun[1]), now,
                            TimeUnit.SECONDS.toNanos(lifetimeSeconds), generationAtStart);
                }
            }
            page.append(html, from, html.length());
            return page.toString();
        }
    }
}
