package com.soundhub.generator;

import com.soundhub.generator.composition.Composer;
import com.soundhub.generator.composition.Composition;
import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.MidiFileWriter;
import com.soundhub.generator.composition.Mood;
import com.soundhub.generator.composition.PartRole;
import com.soundhub.generator.rendering.OfflineRenderer;
import com.soundhub.generator.rendering.RenderResult;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;

/**
 * Single-threaded timing of the generator: composing a 60-second piece, rendering its
 * full mix and each stem, with the built-in soundbank and optionally a SoundFont.
 *
 * <pre>
 * java --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED \
 *      -cp target/classes:target/test-classes com.soundhub.generator.GeneratorBenchmark \
 *      [--soundfont FILE.sf2] [--midi-out song.mid] [--silent-midi-out silent.mid]
 *
 * java ... com.soundhub.generator.GeneratorBenchmark render song.mid out.wav [FILE.sf2]
 * </pre>
 *
 * The second form renders one MIDI file and exits, for timing a cold start from the shell
 * next to other renderers. {@code --silent-midi-out} writes the benchmark piece without its
 * parts (tempo map only), to measure a renderer's start-up and idle cost.
 */
public final class GeneratorBenchmark {

    private static final CompositionRequest REQUEST = new CompositionRequest(Genre.POP, Mood.HAPPY, 120, 60, 42L);
    private static final int WARM_UP_ROUNDS = 3;
    private static final int COMPOSE_RUNS = 200;
    private static final int MIX_RUNS = 7;
    private static final int STEM_RUNS = 3;

    private GeneratorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("render")) {
            renderFile(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Path.of(args[3]) : null);
            return;
        }
        Path soundFont = null;
        Path midiOut = null;
        Path silentOut = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--soundfont" -> soundFont = Path.of(args[i + 1]);
                case "--midi-out" -> midiOut = Path.of(args[i + 1]);
                case "--silent-midi-out" -> silentOut = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }

        Composer composer = new Composer();
        OfflineRenderer renderer = new OfflineRenderer();
        System.out.printf(Locale.ROOT, "JVM %s, %d available processors, single-threaded measurements%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "piece: %s, %d BPM, %d s requested%n",
                REQUEST.genre().label() + "/" + REQUEST.mood().label(), REQUEST.tempoBpm(), REQUEST.lengthSeconds());

        long t = System.nanoTime();
        warmUp(composer, renderer);
        System.out.printf(Locale.ROOT, "warm-up: %.1f s%n", (System.nanoTime() - t) / 1e9);

        Composition piece = composer.compose(REQUEST);
        double audioSeconds = piece.durationSeconds() + OfflineRenderer.RELEASE_TAIL_MICROS / 1e6;
        if (midiOut != null) {
            Files.write(midiOut, MidiFileWriter.write(piece));
            System.out.println("wrote " + midiOut);
        }
        if (silentOut != null) {
            Files.write(silentOut, MidiFileWriter.write(piece, EnumSet.noneOf(PartRole.class)));
            System.out.println("wrote " + silentOut);
        }

        double[] compose = new double[COMPOSE_RUNS];
        for (int i = 0; i < COMPOSE_RUNS; i++) {
            long start = System.nanoTime();
            composer.compose(REQUEST);
            compose[i] = (System.nanoTime() - start) / 1e6;
        }
        double composeMs = median(compose);

        double mixMs = medianRender(renderer, piece, null, MIX_RUNS);
        System.out.printf(Locale.ROOT, "%ncompose 60 s piece:        median %7.2f ms (min %.2f ms, %d runs)%n",
                composeMs, Arrays.stream(compose).min().orElse(0), COMPOSE_RUNS);
        System.out.printf(Locale.ROOT, "render full mix (%.1f s):  median %7.1f ms  -> %5.1fx real time%n",
                audioSeconds, mixMs, audioSeconds / (mixMs / 1e3));
        System.out.printf(Locale.ROOT, "compose + full mix:               %7.1f ms  -> %5.1fx real time (target <= 1500 ms)%n",
                composeMs + mixMs, piece.durationSeconds() / ((composeMs + mixMs) / 1e3));
        double stemsTotal = 0;
        for (PartRole part : PartRole.values()) {
            double ms = medianRender(renderer, piece, part, STEM_RUNS);
            stemsTotal += ms;
            System.out.printf(Locale.ROOT, "render %-7s stem:        median %7.1f ms  -> %5.1fx real time%n",
                    part.slug(), ms, audioSeconds / (ms / 1e3));
        }
        System.out.printf(Locale.ROOT, "all four stems:                   %7.1f ms%n", stemsTotal);

        System.out.println();
        System.out.println("compose + full mix, 60 s, every genre (median of 3):");
        for (Genre genre : Genre.values()) {
            CompositionRequest request = new CompositionRequest(genre, Mood.HAPPY, 120, 60, 42L);
            double[] runs = new double[3];
            for (int i = 0; i < runs.length; i++) {
                long start = System.nanoTime();
                Composition p = composer.compose(request);
                renderer.renderMix(p, OutputStream.nullOutputStream());
                runs[i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.printf(Locale.ROOT, "  %-14s %7.1f ms%n", genre.slug(), median(runs));
        }

        if (soundFont != null) {
            long load = System.nanoTime();
            OfflineRenderer withFont = new OfflineRenderer(soundFont);
            double loadMs = (System.nanoTime() - load) / 1e6;
            withFont.renderMix(piece, OutputStream.nullOutputStream()); // first use loads instruments
            double fontMs = medianRender(withFont, piece, null, MIX_RUNS);
            System.out.printf(Locale.ROOT, "%nSoundFont %s: load %.0f ms, full mix median %.1f ms -> %.1fx real time%n",
                    soundFont.getFileName(), loadMs, fontMs, audioSeconds / (fontMs / 1e3));
        }
    }

    private static void warmUp(Composer composer, OfflineRenderer renderer) throws IOException {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Genre genre : Genre.values()) {
                Composition p = composer.compose(new CompositionRequest(genre, Mood.ENERGETIC, 140, 60, round));
                renderer.renderMix(p, OutputStream.nullOutputStream());
            }
        }
    }

    private static double medianRender(OfflineRenderer renderer, Composition piece, PartRole stem, int runs)
            throws IOException {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            RenderResult result = stem == null
                    ? renderer.renderMix(piece, OutputStream.nullOutputStream())
                    : renderer.renderStem(piece, stem, OutputStream.nullOutputStream());
            ms[i] = result.renderNanos() / 1e6;
        }
        return median(ms);
    }

    private static void renderFile(Path midi, Path wav, Path soundFont) throws Exception {
        OfflineRenderer renderer = soundFont == null ? new OfflineRenderer() : new OfflineRenderer(soundFont);
        Sequence sequence = MidiSystem.getSequence(midi.toFile());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wav), 1 << 16)) {
            renderer.render(sequence, out);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

}
