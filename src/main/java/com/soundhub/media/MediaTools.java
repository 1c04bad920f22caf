package com.soundhub.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the ffmpeg and ffprobe executables are: configured paths ({@code soundhub.media.ffmpeg},
 * {@code soundhub.media.ffprobe}) or the binaries bundled in the WAR, unpacked on first use with
 * the libraries they load and nothing else ({@link BundledFfmpeg}), so that they run on a machine
 * with only a JDK.
 */
@ApplicationScoped
public class MediaTools {

    @Inject
    @ConfigProperty(name = "soundhub.media.ffmpeg")
    Optional<String> configuredFfmpeg;

    @Inject
    @ConfigProperty(name = "soundhub.media.ffprobe")
    Optional<String> configuredFfprobe;

    private volatile String ffmpeg;
    private volatile String ffprobe;

    /** For CDI. */
    public MediaTools() {
    }

    private MediaTools(String ffmpeg, String ffprobe) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    /** The bundled executables, for use outside the container (tools, tests, benchmarks). */
    public static MediaTools bundled() {
        return new MediaTools(bundledFfmpeg(), bundledFfprobe());
    }

    public String ffmpeg() {
        if (ffmpeg == null) {
            ffmpeg = configuredFfmpeg.filter(path -> !path.isBlank()).orElseGet(MediaTools::bundledFfmpeg);
        }
        return ffmpeg;
    }

    public String ffprobe() {
        if (ffprobe == null) {
            ffprobe = configuredFfprobe.filter(path -> !path.isBlank()).orElseGet(MediaTools::bundledFfprobe);
        }
        return ffprobe;
    }

    /**
     * Environment for running the executables: the bundled ones find their shared libraries next to
     * themselves only when told to.
     */
    public Map<String, String> environment() {
        return environmentFor(ffmpeg(), ffprobe());
    }

    public static Map<String, String> environmentFor(String ffmpeg, String ffprobe) {
        java.util.LinkedHashSet<String> folders = new java.util.LinkedHashSet<>();
        for (String executable : new String[]{ffmpeg, ffprobe}) {
            Path folder = Path.of(executable).toAbsolutePath().getParent();
            if (folder != null && Files.isRegularFile(folder.resolve(".complete"))) {
                folders.add(folder.toString());
            }
        }
        if (folders.isEmpty()) {
            return Map.of();
        }
        String existing = System.getenv("LD_LIBRARY_PATH");
        if (existing != null && !existing.isBlank()) {
            folders.add(existing);
        }
        return Map.of("LD_LIBRARY_PATH", String.join(java.io.File.pathSeparator, folders));
    }

    /** The bundled ffmpeg, unpacked without the Java bindings' libraries ({@link BundledFfmpeg}). */
    public static String bundledFfmpeg() {
        return BundledFfmpeg.program("ffmpeg").toString();
    }

    public static String bundledFfprobe() {
        return BundledFfmpeg.program("ffprobe").toString();
    }
}
