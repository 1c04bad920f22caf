package com.soundhub.recordings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.soundhub.media.HlsTranscoder;
import com.soundhub.media.TranscodeResult;
import com.soundhub.storage.ObjectStorage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stores a finished HLS rendition next to its recording's other objects, the same way for uploads
 * and generated pieces, and says what the recording plays from.
 */
@ApplicationScoped
public class Renditions {

    @Inject
    ObjectStorage storage;

    @Resource
    ManagedExecutorService executor;

    /** Stores the rendition's files under {@code recordingPrefix + "hls/"}, a few at a time. */
    public MediaRendition store(String recordingPrefix, TranscodeResult result) throws Exception {
        String hlsPrefix = recordingPrefix + "hls/";
        Path playlistFile = result.hlsDirectory().resolve(HlsTranscoder.PLAYLIST);
        if (!Files.exists(playlistFile)) {
            throw new IOException("ffmpeg wrote no playlist: " + result.diagnostics());
        }
        String playlist = Files.readString(playlistFile, StandardCharsets.UTF_8);
        // Many small PUTs are bound by latency, not bandwidth: send them side by side.
        List<Future<?>> puts = new ArrayList<>();
        for (Path file : result.hlsFiles()) {
            String name = file.getFileName().toString();
            puts.add(executor.submit(() -> storage.put(hlsPrefix + name, file, contentType(name))));
        }
        for (Future<?> put : puts) {
            try {
                put.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return new MediaRendition(hlsPrefix, playlist, result.decodedSeconds(),
                result.loudnessLufs().isPresent() ? result.loudnessLufs().getAsDouble() : null, result.peaks());
    }

    static String contentType(String name) {
        if (name.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (name.endsWith(".m4s")) {
            return "audio/iso.segment";
        }
        return "audio/mp4";
    }
}
