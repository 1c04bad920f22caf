package com.soundhub.web.views;

import java.util.Set;

import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;

/** SoundHub's own template attributes, prefixed {@code sh:}: {@code sh:cache} and {@code sh:per-viewer}. */
final class SoundHubDialect extends AbstractProcessorDialect {

    static final String PREFIX = "sh";

    SoundHubDialect() {
        // Before the standard dialect (1000), so that sh:cache and sh:per-viewer run first on their elements.
        super("SoundHub", PREFIX, 100);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new CachedFragmentProcessor(dialectPrefix), new ViewerPartProcessor(dialectPrefix));
    }
}
