package com.soundhub.generator.rendering;

import com.soundhub.generator.composition.Composer;
import com.soundhub.generator.composition.Composition;
import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.MidiFileWriter;
import com.soundhub.generator.composition.Mood;
import com.soundhub.generator.composition.PartRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineRendererTest {

    /** RMS floor in 16-bit units (about -50 dBFS): far above dither-level noise, far below music. */
    private static final double AUDIBLE_RMS = 100;

    private static final OfflineRenderer RENDERER = new OfflineRenderer();
    private static Composition piece;
    private static byte[] mixWav;
    private static RenderResult mix;

    @BeforeAll
    static void renderTheMix() throws IOException {
        // Short and loud: 30 s of energetic rock at the top tempo.
        piece = new Composer().compose(new CompositionRequest(Genre.ROCK, Mood.ENERGETIC, 180, 30, 2024));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mix = RENDERER.renderMix(piece, out);
        mixWav = out.toByteArray();
    }

    @Test
    void isAvailableUnderTheBuildsJvmFlags() {
        assertTrue(OfflineRenderer.isAvailable(), "surefire must pass --add-exports java.desktop/com.sun.media.sound");
    }

    @Test
    void mixIsA16BitStereoWavOfThePiecesLengthPlusTail() throws Exception {
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(mixWav))) {
            AudioFormat format = audio.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
            assertEquals(44_100f, format.getSampleRate());
            assertEquals(16, format.getSampleSizeInBits());
            assertEquals(2, format.getChannels());
            assertFalse(format.isBigEndian());
            long expected = (long) Math.ceil((piece.durationSeconds() + 1.5) * 44_100);
            assertEquals(expected, audio.getFrameLength(), 2.0);
            assertEquals(mix.frames(), audio.getFrameLength());
        }
        assertEquals(44 + mix.frames() * 4, mixWav.length);
    }

    @Test
    void mixIsAudibleAndBelowFullScale() {
        Levels levels = Levels.of(mixWav);
        assertEquals(levels.peak, mix.peak(), "reported peak matches the samples");
        assertEquals(levels.rms, mix.rms(), 1e-6);
        assertTrue(mix.rms() > AUDIBLE_RMS, "mix RMS " + mix.rms());
        assertTrue(mix.peak() < 32767, "mix clips: peak " + mix.peak());
        // Audio throughout, not just at the start: every 5-second window has signal.
        for (int second = 0; second + 5 <= (int) piece.durationSeconds(); second += 5) {
            assertTrue(Levels.window(mixWav, second, second + 5).rms > AUDIBLE_RMS / 2, "quiet from " + second + " s");
        }
    }

    @Test
    void everyStemIsAudibleAndAlignedWithTheMix() throws IOException {
        Map<PartRole, ByteArrayOutputStream> files = new EnumMap<>(PartRole.class);
        Map<PartRole, RenderResult> stems = RENDERER.renderStems(piece, part -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            files.put(part, out);
            return out;
        });
        assertEquals(EnumSet.allOf(PartRole.class), stems.keySet());
        for (Map.Entry<PartRole, RenderResult> stem : stems.entrySet()) {
            RenderResult result = stem.getValue();
            assertEquals(mix.frames(), result.frames(), stem.getKey() + " stem length");
            assertTrue(result.rms() > AUDIBLE_RMS, stem.getKey() + " stem RMS " + result.rms());
            assertTrue(result.peak() < 32767, stem.getKey() + " stem clips");
            assertEquals(44 + result.frames() * 4, files.get(stem.getKey()).size());
        }
    }

    @Test
    void aSequenceWithoutNotesRendersSilence() throws IOException {
        Sequence empty = MidiFileWriter.toSequence(piece, EnumSet.noneOf(PartRole.class));
        RenderResult result = RENDERER.render(empty, OutputStream.nullOutputStream());
        assertTrue(result.rms() < 1, "silence has RMS " + result.rms());
        assertEquals(mix.frames(), result.frames());
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void everyGenreRendersAudiblyWithoutClippingEvenWhenEnergetic(Genre genre) throws IOException {
        Composition loud = new Composer().compose(new CompositionRequest(genre, Mood.ENERGETIC, 180, 30, 11));
        RenderResult result = RENDERER.renderMix(loud, OutputStream.nullOutputStream());
        assertTrue(result.rms() > AUDIBLE_RMS, genre + " RMS " + result.rms());
        assertTrue(result.peak() < 32767, genre + " clips");
        assertTrue(result.realTimeFactor() > 1, genre + " renders slower than real time");
    }

    @Test
    void eventsPlayAtTheirTimestamps() throws Exception {
        // One note half a second in: the audio must stay silent until then.
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track track = sequence.createTrack();
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 0, 0), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 110), 480));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0), 960));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RenderResult result = RENDERER.render(sequence, out);
        double onset = Levels.firstFrameAbove(out.toByteArray(), 200) / 44_100.0;
        assertEquals(0.5, onset, 0.02, "note onset at " + onset + " s");
        assertEquals(Math.ceil((1.0 + 1.5) * 44_100), result.frames(), 1.0);
    }

    @Test
    void scheduleFollowsTempoChanges() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track track = sequence.createTrack();
        track.add(new MidiEvent(new MetaMessage(0x51, new byte[]{0x07, (byte) 0xA1, 0x20}, 3), 0)); // 120 BPM
        track.add(new MidiEvent(new MetaMessage(0x51, new byte[]{0x0F, 0x42, 0x40}, 3), 1920)); // 60 BPM
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100), 3840));
        List<OfflineRenderer.TimedMessage> timed = OfflineRenderer.schedule(sequence);
        OfflineRenderer.TimedMessage note = timed.stream()
                .filter(t -> t.message() instanceof ShortMessage).findFirst().orElseThrow();
        assertEquals(2_000_000 + 4_000_000, note.micros());
    }

    @Test
    void rendersWithASoundFontLoadedFromAPath(@TempDir Path dir) throws Exception {
        Path soundFont = dir.resolve("bank.sf2");
        com.sun.media.sound.EmergencySoundbank.createSoundbank().save(soundFont.toFile());
        OfflineRenderer withFont = new OfflineRenderer(soundFont);
        assertTrue(withFont.usesCustomSoundbank());
        RenderResult result = withFont.renderStem(piece, PartRole.BASS, OutputStream.nullOutputStream());
        assertTrue(result.rms() > AUDIBLE_RMS, "bass through the SoundFont, RMS " + result.rms());
    }

    @Test
    void rejectsMissingOrUnreadableSoundFonts(@TempDir Path dir) throws IOException {
        assertThrows(IOException.class, () -> new OfflineRenderer(dir.resolve("missing.sf2")));
        Path garbage = Files.write(dir.resolve("garbage.sf2"), new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        assertThrows(IOException.class, () -> new OfflineRenderer(garbage));
        assertThrows(IllegalArgumentException.class, () -> RENDERER.renderStem(
                piece.withOnly(EnumSet.of(PartRole.BASS)), PartRole.DRUMS, OutputStream.nullOutputStream()));
    }

    /** Independent peak and RMS measurement of a WAV produced by the renderer. */
    private record Levels(int peak, double rms) {

        static Levels of(byte[] wav) {
            return window(wav, 0, Integer.MAX_VALUE);
        }

        static Levels window(byte[] wav, int fromSecond, int toSecond) {
            int start = 44 + (int) Math.min((long) fromSecond * 44_100 * 4, wav.length - 44);
            int end = 44 + (int) Math.min((long) toSecond * 44_100 * 4, wav.length - 44);
            int peak = 0;
            double sum = 0;
            long count = 0;
            for (int i = start; i + 1 < end; i += 2) {
                int s = (short) ((wav[i] & 0xFF) | (wav[i + 1] << 8));
                peak = Math.max(peak, Math.abs(s));
                sum += (double) s * s;
                count++;
            }
            return new Levels(peak, count == 0 ? 0 : Math.sqrt(sum / count));
        }

        static long firstFrameAbove(byte[] wav, int threshold) {
            for (int i = 44; i + 3 < wav.length; i += 4) {
                int left = (short) ((wav[i] & 0xFF) | (wav[i + 1] << 8));
                int right = (short) ((wav[i + 2] & 0xFF) | (wav[i + 3] << 8));
                if (Math.abs(left) > threshold || Math.abs(right) > threshold) {
                    return (i - 44) / 4;
                }
            }
            return -1;
        }
    }
}
