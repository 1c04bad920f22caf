package com.soundhub.generator.rendering;

import com.soundhub.generator.composition.Composer;
import com.soundhub.generator.composition.Composition;
import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.Mood;
import com.soundhub.generator.composition.Section;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Audio-level measures of rendered mixes: integrated loudness and true peak (BS.1770-4, see
 * {@link LoudnessMeter}), the loudness range between sections, and a digest of the bytes to
 * compare across JVM runs. Run with {@code java ... AudioReport [seeds]}; prints one line per
 * piece and a summary. {@link RenderedMusicTest} asserts the targets on a smaller sample.
 */
final class AudioReport {

    /** Loudness of each section of a rendered mix, in LUFS. */
    static double[] sectionLoudness(Composition piece, float[] stereo) {
        double[] levels = new double[piece.sections().size()];
        for (int i = 0; i < levels.length; i++) {
            Section s = piece.sections().get(i);
            int from = (int) Math.round(piece.ticksToSeconds(s.startTick()) * OfflineRenderer.SAMPLE_RATE);
            int to = (int) Math.round(piece.ticksToSeconds(s.endTick()) * OfflineRenderer.SAMPLE_RATE);
            levels[i] = LoudnessMeter.loudness(stereo, OfflineRenderer.SAMPLE_RATE, from, to);
        }
        return levels;
    }

    /** Loudest minus quietest section (sections too short or too quiet to gate are skipped). */
    static double sectionRange(double[] levels) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double l : levels) {
            if (Double.isFinite(l)) {
                min = Math.min(min, l);
                max = Math.max(max, l);
            }
        }
        return max >= min ? max - min : 0;
    }

    /** The samples of a 16-bit stereo WAV written by {@link OfflineRenderer} (44-byte header). */
    static float[] samples(byte[] wav) {
        int count = (wav.length - 44) / 2;
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            int lo = wav[44 + 2 * i] & 0xFF;
            int hi = wav[45 + 2 * i];
            out[i] = (short) ((hi << 8) | lo) / 32768f;
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        OfflineRenderer renderer = new OfflineRenderer();
        Composer composer = new Composer();
        double minLufs = Double.POSITIVE_INFINITY;
        double maxLufs = Double.NEGATIVE_INFINITY;
        double minPeak = Double.POSITIVE_INFINITY;
        double maxPeak = Double.NEGATIVE_INFINITY;
        double minRange = Double.POSITIVE_INFINITY;
        double maxRange = 0;
        for (Genre genre : Genre.values()) {
            for (int seed = 1; seed <= seeds; seed++) {
                Mood mood = Mood.values()[(genre.ordinal() + seed) % Mood.values().length];
                Composition piece = composer.compose(new CompositionRequest(genre, mood, 110, 60, seed));
                ByteArrayOutputStream wav = new ByteArrayOutputStream();
                renderer.renderMix(piece, wav);
                byte[] bytes = wav.toByteArray();
                float[] stereo = samples(bytes);
                double lufs = LoudnessMeter.integratedLoudness(stereo, OfflineRenderer.SAMPLE_RATE);
                double peak = LoudnessMeter.truePeakDbtp(stereo);
                double range = sectionRange(sectionLoudness(piece, stereo));
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
                System.out.printf(Locale.ROOT, "%-13s %-9s seed %d: %6.2f LUFS %6.2f dBTP sections %4.1f dB  %s%n",
                        genre.slug(), mood.slug(), seed, lufs, peak, range, digest);
                minLufs = Math.min(minLufs, lufs);
                maxLufs = Math.max(maxLufs, lufs);
                minPeak = Math.min(minPeak, peak);
                maxPeak = Math.max(maxPeak, peak);
                minRange = Math.min(minRange, range);
                maxRange = Math.max(maxRange, range);
            }
        }
        System.out.printf(Locale.ROOT, "loudness %.1f to %.1f LUFS, true peak %.1f to %.1f dBTP, section range %.1f to %.1f dB%n",
                minLufs, maxLufs, minPeak, maxPeak, minRange, maxRange);
    }

    private AudioReport() {
    }

    static byte[] render(OfflineRenderer renderer, Composition piece) throws IOException {
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        renderer.renderMix(piece, wav);
        return wav.toByteArray();
    }
}
