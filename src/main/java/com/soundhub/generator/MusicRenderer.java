package com.soundhub.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import com.soundhub.generator.rendering.OfflineRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one renderer of this instance (it is immutable and thread-safe): with the SoundFont named by
 * {@code soundhub.generator.soundfont} (such as FluidR3_GM.sf2) when there is one, otherwise with
 * the JDK's built-in instruments.
 */
@ApplicationScoped
public class MusicRenderer {

    private static final Logger log = LoggerFactory.getLogger(MusicRenderer.class);

    @Inject
    @ConfigProperty(name = "soundhub.generator.soundfont")
    Optional<String> soundFont;

    private volatile OfflineRenderer renderer;

    public OfflineRenderer get() throws IOException {
        OfflineRenderer current = renderer;
        if (current == null) {
            synchronized (this) {
                if (renderer == null) {
                    Optional<String> path = soundFont.filter(value -> !value.isBlank());
                    renderer = path.isPresent() ? new OfflineRenderer(Path.of(path.get())) : new OfflineRenderer();
                    log.info("Music renderer ready with {}", path.map(p -> "SoundFont " + p).orElse("the built-in instruments"));
                }
                current = renderer;
            }
        }
        return current;
    }
}
