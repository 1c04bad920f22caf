package com.soundhub.generator.rendering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the deployment when this JVM cannot render generated music, with a message naming the
 * missing JVM flag, so that a start script that lost the flag fails its release at once rather than
 * every generated piece failing later.
 */
@ApplicationScoped
public class RendererStartupCheck {

    private static final Logger log = LoggerFactory.getLogger(RendererStartupCheck.class);

    void requireRenderer(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            OfflineRenderer.requireAvailable();
        } catch (IllegalStateException e) {
            log.error(e.getMessage());
            throw e;
        }
    }
}
