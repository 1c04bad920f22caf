package com.soundhub.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.soundhub.generator.composition.Composer;
import com.soundhub.generator.composition.Composition;
import com.soundhub.generator.composition.MidiFileWriter;
import com.soundhub.generator.composition.MusicMetrics;
import com.soundhub.generator.composition.PartRole;
import com.soundhub.generator.rendering.OfflineRenderer;
import com.soundhub.jobs.media.MediaRun;
import com.soundhub.jobs.media.Outcome;
import com.soundhub.media.HlsTranscoder;
import com.soundhub.media.TranscodeResult;
import com.soundhub.projects.contents.ContentStore;
import com.soundhub.recordings.MediaRendition;
import com.soundhub.recordings.Renditions;
import com.soundhub.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a piece: compose (deterministic for the request), write the MIDI file, render the mix and
 * one stem per part offline in the run's folder, store them (the stems and the MIDI file held in the
 * projects' content store, so that the piece opens as a project without copying them), then send
 * the mix through the same HLS path as uploads. Runs outside transactions, so files go to S3 before the
 * state changes that announce them.
 */
@ApplicationScoped
public class GenerationPipeline {

    private static final Logger log = LoggerFactory.getLogger(GenerationPipeline.class);

    @Inject
    GeneratorService generations;

    @Inject
    MusicRenderer renderer;

    @Inject
    ObjectStorage storage;

    @Inject
    ContentStore contents;

    @Inject
    HlsTranscoder transcoder;

    @Inject
    Renditions renditions;

    private final Composer composer = new Composer();

    /** One attempt at making the piece: everything is made again, so an attempt never depends on an earlier one. */
    Outcome make(GeneratorService.Work work, MediaRun run) throws Exception {
        UUID id = work.id();
        long started = System.nanoTime();
        Composition composition = composer.compose(work.request());
        MusicMetrics metrics = MusicMetrics.of(composition);
        long composeNanos = System.nanoTime() - started;
        generations.composed(id, composition.title(), composition.key().label(), composition.durationSeconds(), metrics,
                composeNanos);

        String prefix = work.storagePrefix();
        Path folder = run.folder();
        Path midi = folder.resolve(GenerationFiles.MIDI);
        Files.write(midi, MidiFileWriter.write(composition));
        storage.put(prefix + GenerationFiles.MIDI, midi, "audio/midi");

        Path mix = folder.resolve("mix.wav");
        Map<String, Path> kept = new LinkedHashMap<>();
        long renderStarted = System.nanoTime();
        OfflineRenderer synth = renderer.get();
        run.heavy(() -> {
            try (OutputStream out = Files.newOutputStream(mix)) {
                synth.renderMix(composition, out);
            }
            for (PartRole part : composition.roles()) {
                Path stem = folder.resolve(part.name().toLowerCase(Locale.ROOT) + ".wav");
                try (OutputStream out = Files.newOutputStream(stem)) {
                    synth.renderStem(composition, part, out);
                }
                kept.put(GenerationFiles.stemPath(part), stem);
            }
            return null;
        });
        long renderNanos = System.nanoTime() - renderStarted;
        kept.put(GenerationFiles.MIDI, midi);
        contents.hold(id, kept, work.ownerId());
        storage.put(prefix + "original", mix, "audio/wav");
        generations.rendered(id, renderNanos, prefix + "original", Files.size(mix));

        TranscodeResult result = run.heavy(() -> transcoder.transcode(mix.toString(), folder.resolve("out"),
                composition.durationSeconds() + OfflineRenderer.RELEASE_TAIL_MICROS / 1e6,
                percent -> run.progress(GenerationState.TRANSCODING.name(), percent), run.processes()));
        if (!result.succeeded()) {
            throw new IOException("ffmpeg could not encode the rendered mix: " + result.diagnostics());
        }
        MediaRendition rendition = renditions.store(prefix, result);
        generations.completed(id, rendition);
        log.info("Generated {} in {} ms (compose {} ms, render {} ms)", id, (System.nanoTime() - started) / 1_000_000,
                composeNanos / 1_000_000, renderNanos / 1_000_000);
        return Outcome.done();
    }
}
