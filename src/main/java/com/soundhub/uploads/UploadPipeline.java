package com.soundhub.uploads;

import java.util.Locale;
import java.util.Optional;

import com.soundhub.jobs.media.MediaRun;
import com.soundhub.jobs.media.Outcome;
import com.soundhub.media.AudioProbe;
import com.soundhub.media.FileIntegrity;
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
 * The steps from an uploaded original to an HLS rendition: check the stored object and its header,
 * probe it, transcode it in one ffmpeg pass that reads it straight from storage, store the
 * rendition next to the original and publish the recording. A file that is not acceptable is
 * rejected with a reason a person can read; anything else that goes wrong is thrown, for the job
 * to retry. Runs outside transactions: the rendition goes to S3 before the upload's state changes.
 */
@ApplicationScoped
public class UploadPipeline {

    private static final Logger log = LoggerFactory.getLogger(UploadPipeline.class);
    /** Long enough for the longest transcode, retries of reads included. */
    private static final java.time.Duration READ_LIFETIME = java.time.Duration.ofHours(2);

    @Inject
    UploadService uploads;

    @Inject
    UploadSettings settings;

    @Inject
    ObjectStorage storage;

    @Inject
    AudioProbe probe;

    @Inject
    HlsTranscoder transcoder;

    @Inject
    Renditions renditions;

    /** Milliseconds each step took, for the log line that says how the time was spent. */
    private static final class Timings {
        private final StringBuilder text = new StringBuilder();
        private long mark = System.nanoTime();

        void step(String name) {
            long now = System.nanoTime();
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(name).append(' ').append((now - mark) / 1_000_000).append(" ms");
            mark = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** One attempt at processing an upload; the file is rejected with a reason or the recording published. */
    Outcome process(UploadService.Work work, MediaRun run) throws Exception {
        long started = System.nanoTime();
        Timings timings = new Timings();
        Optional<String> rejection = process(work, run, timings);
        if (rejection.isPresent()) {
            return Outcome.rejected(rejection.get());
        }
        log.info("Upload {} ready in {} ms ({})", work.uploadId(), (System.nanoTime() - started) / 1_000_000, timings);
        return Outcome.done();
    }

    /** Empty when the recording was published; otherwise why the file was rejected. */
    private Optional<String> process(UploadService.Work work, MediaRun run, Timings timings) throws Exception {
        Optional<StoredObject> stored = storage.describe(work.objectKey());
        if (stored.isEmpty()) {
            return Optional.of("The uploaded file is no longer there. Please upload it again.");
        }
        if (stored.get().size() == 0) {
            return Optional.of("The file is empty.");
        }
        if (stored.get().size() > settings.maxBytes()) {
            return Optional.of("The file is larger than " + settings.maxMegabytes() + " MB.");
        }
        // ffmpeg reads the original straight from storage: downloading overlaps with decoding, and
        // no copy of the file is ever held, in memory or on disk.
        String original = storage.presignForServer(work.objectKey(), READ_LIFETIME).toString();
        byte[] header = storage.readStart(work.objectKey(), FileIntegrity.HEADER_BYTES);

        Optional<ProbeResult> probed = probe.probe(original, run.processes());
        timings.step("probe");
        if (probed.isEmpty() || !probed.get().hasAudio()) {
            return Optional.of("This is not an audio file we can read. Upload " + AcceptedAudio.FORMATS + ".");
        }
        ProbeResult found = probed.get();
        if (!AcceptedAudio.accepts(found)) {
            return Optional.of(found.hasVideo()
                    ? "This file contains video. Upload the audio only (" + AcceptedAudio.FORMATS + ")."
                    : "This audio format (" + found.formatName() + ") isn't supported. Upload " + AcceptedAudio.FORMATS + ".");
        }
        if (FileIntegrity.missingBytes(header, stored.get().size()).isPresent()) {
            return Optional.of("The file is damaged: its end is missing. It may not have been copied completely; "
                    + "please upload the complete file.");
        }
        if (found.durationSeconds() > settings.maxSeconds()) {
            return Optional.of("The recording is longer than " + settings.maxMinutes() + " minutes (it is "
                    + minutes(found.durationSeconds()) + "). Upload a shorter version.");
        }
        if (found.durationSeconds() >= 0 && found.durationSeconds() < 1) {
            return Optional.of("The recording is shorter than a second.");
        }

        if (found.title() != null) {
            uploads.titleFromTags(work.uploadId(), found.title());
        }
        uploads.transcoding(work.uploadId());
        double expectedSeconds = found.durationSeconds() > 0 ? found.durationSeconds() : settings.maxSeconds();
        TranscodeResult result = run.heavy(() -> transcoder.transcode(original, run.folder().resolve("out"),
                expectedSeconds, percent -> {
                    run.progress(UploadState.TRANSCODING.name(), percent);
                    uploads.progress(work.uploadId(), percent);
                }, run.processes()));
        timings.step("transcode");
        Optional<String> damage = damage(found, result);
        if (damage.isPresent()) {
            log.info("Upload {} looks damaged: {}", work.uploadId(), result.diagnostics());
            return damage;
        }
        if (result.decodedSeconds() > settings.maxSeconds()) {
            return Optional.of("The recording is longer than " + settings.maxMinutes() + " minutes (it is "
                    + minutes(result.decodedSeconds()) + "). Upload a shorter version.");
        }

        MediaRendition rendition = renditions.store(work.recordingPrefix(), result);
        timings.step("store " + result.hlsFiles().size() + " files");
        uploads.completed(work.uploadId(), rendition);
        timings.step("publish");
        return Optional.empty();
    }

    /** Why the decoded audio shows the file is damaged, if it does. */
    static Optional<String> damage(ProbeResult probed, TranscodeResult result) {
        if (!result.succeeded()) {
            return Optional.of("The file is damaged: it could not be decoded.");
        }
        if (result.decodedSeconds() < 0.5) {
            return Optional.of("The file is damaged: it contains no playable audio.");
        }
        if (probed.durationSeconds() > 2 && result.decodedSeconds() < probed.durationSeconds() * 0.9) {
            return Optional.of("The file is damaged: it ends after " + minutes(result.decodedSeconds()) + " although it says it lasts "
                    + minutes(probed.durationSeconds()) + ". It may not have been copied completely.");
        }
        if (result.decodeErrors() >= 5) {
            return Optional.of("The file is damaged: parts of it could not be decoded.");
        }
        return Optional.empty();
    }

    static String minutes(double seconds) {
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
