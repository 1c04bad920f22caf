package com.soundhub.projects.contents;

import java.time.Duration;
import java.util.Optional;

import com.soundhub.jobs.media.MediaRun;
import com.soundhub.jobs.media.Outcome;
import com.soundhub.media.AudioProbe;
import com.soundhub.media.HlsTranscoder;
import com.soundhub.media.ProbeResult;
import com.soundhub.media.TranscodeResult;
import com.soundhub.recordings.MediaRendition;
import com.soundhub.recordings.Renditions;
import com.soundhub.storage.ObjectStorage;
import com.soundhub.storage.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at analysing an audio content, the way uploads are processed: ffprobe and ffmpeg read
 * the content straight from storage through a presigned URL; one ffmpeg pass writes the HLS
 * rendition, the waveform peaks and the loudness; the rendition is stored under
 * {@code projects/contents/<hash>.hls/} and what was found is kept with the content. A file that is
 * not audio ffmpeg can decode ends the analysis with a reason in plain words; anything else that
 * goes wrong is thrown, for the media job to try again. Runs outside transactions.
 */
@ApplicationScoped
public class AudioAnalyser {

    private static final Logger log = LoggerFactory.getLogger(AudioAnalyser.class);
    /** Long enough for the longest transcode, retries of reads included. */
    private static final Duration READ_LIFETIME = Duration.ofHours(3);
    static final String ANALYSING = "ANALYSING";

    static final String NOT_AUDIO = "This file is not audio SoundHub can read, so it cannot be played here. "
            + "It can still be downloaded.";

    @Inject
    ObjectStorage storage;

    @Inject
    ContentStore contents;

    @Inject
    AudioProbe probe;

    @Inject
    HlsTranscoder transcoder;

    @Inject
    Renditions renditions;

    Outcome analyse(ContentRepository.PendingAnalysis work, MediaRun run) throws Exception {
        long started = System.nanoTime();
        String key = ContentStore.key(work.hash());
        Optional<StoredObject> stored = storage.describe(key);
        if (stored.isEmpty()) {
            return Outcome.rejected("The file is no longer stored.");
        }
        if (stored.get().size() == 0) {
            return Outcome.rejected("The file is empty.");
        }
        // Read straight from storage: no copy of a large file on disk or in memory.
        String source = storage.presignForServer(key, READ_LIFETIME).toString();
        Optional<ProbeResult> probed = probe.probe(source, run.processes());
        Optional<String> unreadable = unreadable(probed);
        if (unreadable.isPresent()) {
            return Outcome.rejected(unreadable.get());
        }
        ProbeResult found = probed.get();
        run.progress(ANALYSING, 0);
        double expectedSeconds = found.durationSeconds() > 0 ? found.durationSeconds() : 3600;
        TranscodeResult result = run.heavy(() -> transcoder.transcode(source, run.folder().resolve("out"), expectedSeconds,
                percent -> run.progress(ANALYSING, percent), run.processes()));
        Optional<String> damage = damage(result);
        if (damage.isPresent()) {
            log.info("Project content {} could not be decoded: {}", work.hash(), result.diagnostics());
            return Outcome.rejected(damage.get());
        }
        MediaRendition rendition = renditions.store(ContentStore.key(work.hash()) + ".", result);
        if (!contents.analysed(work.hash(), found(found, rendition))) {
            log.info("Project content {} was deleted or analysed elsewhere meanwhile; its rendition was removed", work.hash());
        }
        log.info("Project content {} analysed in {} ms ({} s of audio, {} files)", work.hash(),
                (System.nanoTime() - started) / 1_000_000, Math.round(rendition.durationSeconds()), result.hlsFiles().size());
        return Outcome.done();
    }

    /** Why ffprobe's findings show the file cannot be played, if they do. */
    static Optional<String> unreadable(Optional<ProbeResult> probed) {
        if (probed.isEmpty() || !probed.get().hasAudio()) {
            return Optional.of(NOT_AUDIO);
        }
        return Optional.empty();
    }

    /** Why the decoded audio shows the file cannot be played, if it does. */
    static Optional<String> damage(TranscodeResult result) {
        if (!result.succeeded()) {
            return Optional.of("The file is damaged: its audio could not be decoded. It can still be downloaded.");
        }
        if (result.decodedSeconds() <= 0) {
            return Optional.of("The file contains no playable audio. It can still be downloaded.");
        }
        return Optional.empty();
    }

    /** What is kept with the content: the original's sample rate and channels, the decoded length. */
    static ContentRepository.Analysed found(ProbeResult probed, MediaRendition rendition) {
        double seconds = rendition.durationSeconds() > 0 ? rendition.durationSeconds() : Math.max(0, probed.durationSeconds());
        return new ContentRepository.Analysed((int) Math.min(Integer.MAX_VALUE, Math.round(seconds * 1000)),
                probed.sampleRate(), probed.channels(), rendition.loudnessLufs(), rendition.peaks(), rendition.playlist());
    }
}
