package com.soundhub.generator.rendering;

import com.soundhub.generator.composition.Composition;
import com.soundhub.generator.composition.MidiFileWriter;
import com.soundhub.generator.composition.PartRole;
import com.sun.media.sound.AudioSynthesizer;
import com.sun.media.sound.ModelPatch;

import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Patch;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders MIDI to 16-bit, 44.1 kHz stereo PCM WAV offline, much faster than real time,
 * with the JDK's software synthesizer.
 *
 * <p>The synthesizer runs in pull mode ({@code AudioSynthesizer.openStream}): every event is
 * queued up front with its timestamp in microseconds, then exactly the piece's length plus
 * a short release tail is read in 32-bit float; nothing waits on a clock. The whole render is
 * held in memory (0.35 MB a second of audio, and as much again for the limiter while it runs:
 * about 170 MB at the peak for a four-minute piece) because {@link Mastering} needs all of it to
 * measure its loudness before setting the level; every file, mix or stem, leaves at -14 LUFS with its
 * true peak at most -1 dBTP.
 *
 * <p>The default instruments are the JDK's generated emergency soundbank, created once per
 * JVM and the same in every JVM ({@link BuiltInSoundbank}); it is used explicitly rather than through the synthesizer's own default lookup, which
 * would pick up whatever SoundFont a machine happens to have installed and would write a
 * cache file to the user's home directory. Only the instruments a sequence actually uses are
 * loaded into each render's synthesizer, which keeps large SoundFonts cheap to render with.
 *
 * <p>Instances are immutable and thread-safe; each render uses its own synthesizer. The JVM
 * must run with {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}.
 *
 * <p><b>Why a JDK-internal interface.</b> {@code AudioSynthesizer} is the JDK synthesizer's
 * (Gervill's) own interface and is not exported from {@code java.desktop}. The public
 * {@code javax.sound.midi} API only renders in real time: {@code Synthesizer.open()} and
 * {@code Sequencer} play on the wall clock into an audio device line, and no public method hands
 * back the samples (a fake device plugged in through {@code javax.sound.sampled.spi} would get them,
 * but it is chosen for the whole JVM and the synthesizer starts playing before the events can be
 * queued, so their timing would drift). The one public route to offline audio, {@code AudioSystem.getAudioInputStream}
 * on a MIDI file, is served by this same synthesizer (the JDK's {@code SoftMidiAudioFileReader}) but
 * takes no soundbank and no settings: it always plays the JVM's default soundbank, which is the
 * largest SoundFont in {@code $JAVA_HOME/lib/audio}, else a {@code default.sf2} under
 * {@code /usr/share/soundfonts} or {@code /usr/share/sounds/sf2}, else a generated one that it also
 * saves under {@code ~/.gervill}. So it could not use the configured SoundFont, the same piece would
 * sound different on a machine that happens to have a SoundFont installed, and chorus, polyphony
 * and the instruments loaded could not be chosen (it renders about half as fast as this class).
 * {@code OfflineRendererContractTest} fails with an explanation if a JDK upgrade changes what this
 * class relies on.
 */
public final class OfflineRenderer {

    /** Output sample rate in Hz. */
    public static final int SAMPLE_RATE = 44_100;
    /** Output channels (stereo). */
    public static final int CHANNELS = 2;
    /** Audio rendered after the last event so releases and reverb can decay, in microseconds. */
    public static final long RELEASE_TAIL_MICROS = 1_500_000;

    static final String EXPORT_HINT = "Generated music cannot be rendered: start the JVM with "
            + "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED (the JDK does not export its "
            + "synthesizer's offline rendering interface to applications otherwise)";
    private static final int META_TEMPO = 0x51;
    private static final int DEFAULT_MICROS_PER_QUARTER = 500_000;
    private static final int BUFFER_FRAMES = 4096;

    private final Soundbank soundbank;
    private final boolean customSoundbank;

    /**
     * A renderer using the JDK's built-in (generated) soundbank.
     *
     * @throws IllegalStateException if the JVM lacks the required {@code --add-exports} flag
     */
    public OfflineRenderer() {
        requireAvailable();
        this.soundbank = BuiltInSoundbank.get();
        this.customSoundbank = false;
    }

    /**
     * A renderer using a SoundFont 2 (or DLS) file for every instrument.
     *
     * @throws IOException           if the file cannot be read or is not a soundbank
     * @throws IllegalStateException if the JVM lacks the required {@code --add-exports} flag
     */
    public OfflineRenderer(Path soundFont) throws IOException {
        requireAvailable();
        if (soundFont == null) {
            throw new IllegalArgumentException("soundFont must not be null");
        }
        if (!Files.isRegularFile(soundFont)) {
            throw new IOException("soundbank file not found: " + soundFont.getFileName());
        }
        try {
            this.soundbank = MidiSystem.getSoundbank(soundFont.toFile());
        } catch (InvalidMidiDataException e) {
            throw new IOException("not a readable soundbank: " + soundFont.getFileName(), e);
        }
        this.customSoundbank = true;
    }

    /**
     * True when this JVM lets the renderer reach the JDK synthesizer's offline interface, i.e.
     * it runs with {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} (or an
     * equivalent export to the module holding this class). Useful for a health check.
     */
    public static boolean isAvailable() {
        return ModuleLayer.boot().findModule("java.desktop")
                .map(m -> m.isExported("com.sun.media.sound", OfflineRenderer.class.getModule()))
                .orElse(false);
    }

    /**
     * Checks {@link #isAvailable()} before any internal class is touched, so that a JVM without
     * the flag fails with a message naming it rather than an {@link IllegalAccessError}.
     *
     * @throws IllegalStateException naming the missing JVM flag
     */
    public static void requireAvailable() {
        if (!isAvailable()) {
            throw new IllegalStateException(EXPORT_HINT);
        }
    }

    /** True when a SoundFont was supplied rather than the JDK's built-in soundbank. */
    public boolean usesCustomSoundbank() {
        return customSoundbank;
    }

    /** Renders the full mix of a composition. */
    public RenderResult renderMix(Composition composition, OutputStream wav) throws IOException {
        return render(MidiFileWriter.toSequence(composition), wav);
    }

    /**
     * Renders one part alone. Stems have exactly the mix's length, so they line up sample
     * for sample when played together.
     */
    public RenderResult renderStem(Composition composition, PartRole part, OutputStream wav) throws IOException {
        if (!composition.hasPart(part)) {
            throw new IllegalArgumentException("composition has no " + part.label() + " part");
        }
        return render(MidiFileWriter.toSequence(composition, EnumSet.of(part)), wav);
    }

    /** Opens the output stream for one stem. */
    @FunctionalInterface
    public interface StemOutput {
        OutputStream open(PartRole part) throws IOException;
    }

    /**
     * Renders every part of the composition as its own stem. Each stream obtained from
     * {@code outputs} is closed once its stem is written.
     */
    public Map<PartRole, RenderResult> renderStems(Composition composition, StemOutput outputs) throws IOException {
        Map<PartRole, RenderResult> results = new EnumMap<>(PartRole.class);
        for (PartRole part : composition.roles()) {
            try (OutputStream out = outputs.open(part)) {
                results.put(part, renderStem(composition, part, out));
            }
        }
        return results;
    }

    /**
     * Renders a sequence to a WAV stream: its length plus {@link #RELEASE_TAIL_MICROS}.
     * The stream is flushed but not closed.
     */
    public RenderResult render(Sequence sequence, OutputStream wav) throws IOException {
        if (sequence == null || wav == null) {
            throw new IllegalArgumentException("sequence and output must not be null");
        }
        long started = System.nanoTime();
        List<TimedMessage> messages = schedule(sequence);
        long lengthMicros = messages.isEmpty() ? 0 : messages.get(messages.size() - 1).micros();
        long frames = (long) Math.ceil((lengthMicros + RELEASE_TAIL_MICROS) * (double) SAMPLE_RATE / 1_000_000.0);

        float[] samples;
        AudioSynthesizer synthesizer = openSynthesizer();
        try {
            AudioInputStream audio = synthesizer.openStream(format(), streamSettings());
            try (audio) {
                loadInstruments(synthesizer, messages);
                Receiver receiver = synthesizer.getReceiver();
                for (TimedMessage m : messages) {
                    if (!(m.message() instanceof MetaMessage)) {
                        receiver.send(m.message(), m.micros());
                    }
                }
                samples = read(audio, frames);
            }
        } catch (MidiUnavailableException e) {
            throw new IOException("software synthesizer unavailable", e);
        } finally {
            synthesizer.close();
        }
        Mastering.Outcome mastered = Mastering.normalise(samples, SAMPLE_RATE);
        WavHeader.write(wav, SAMPLE_RATE, CHANNELS, frames);
        Levels levels = writePcm16(samples, wav);
        wav.flush();
        return new RenderResult(frames, SAMPLE_RATE, levels.peak, levels.rms(), System.nanoTime() - started,
                mastered.loudnessLufs(), mastered.truePeakDbtp());
    }

    /**
     * The synthesizer renders in 32-bit float, so nothing clips before {@link Mastering} sets the
     * level; the file is written in 16-bit PCM afterwards.
     */
    private static AudioFormat format() {
        return new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, SAMPLE_RATE, 32, CHANNELS, 4 * CHANNELS, SAMPLE_RATE, false);
    }

    /** The synthesizer's settings for every render; it ignores names it does not know. */
    static Map<String, Object> streamSettings() {
        Map<String, Object> info = new HashMap<>();
        info.put("interpolation", "linear");
        info.put("max polyphony", 64);
        info.put("reverb", Boolean.TRUE);
        info.put("chorus", Boolean.FALSE); // no part asks for chorus; skipping it saves time
        // Off: its limiter would ride the level of each render differently (a stem against the mix,
        // a quiet section against a loud one); Mastering sets the level once the whole piece is known.
        info.put("auto gain control", Boolean.FALSE);
        info.put("load default soundbank", Boolean.FALSE);
        return info;
    }

    /**
     * Loads the instruments the messages select (program and bank per channel, the drum kit
     * on channel 10), or the whole soundbank if any of them is missing from it.
     */
    private void loadInstruments(AudioSynthesizer synthesizer, List<TimedMessage> messages) {
        Set<String> wanted = new LinkedHashSet<>();
        int[] program = new int[16];
        int[] bank = new int[16];
        for (TimedMessage m : messages) {
            if (m.message() instanceof ShortMessage sm) {
                int ch = sm.getChannel();
                switch (sm.getCommand()) {
                    case ShortMessage.PROGRAM_CHANGE -> program[ch] = sm.getData1();
                    case ShortMessage.CONTROL_CHANGE -> {
                        if (sm.getData1() == 0) {
                            bank[ch] = (sm.getData2() << 7) | (bank[ch] & 0x7F);
                        } else if (sm.getData1() == 32) {
                            bank[ch] = (bank[ch] & ~0x7F) | sm.getData2();
                        }
                    }
                    case ShortMessage.NOTE_ON -> wanted.add(key(ch == 9, program[ch], bank[ch]));
                    default -> {
                        // other messages do not choose instruments
                    }
                }
            }
        }
        List<Instrument> selected = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (Instrument instrument : soundbank.getInstruments()) {
            Patch patch = instrument.getPatch();
            boolean percussion = patch instanceof ModelPatch mp && mp.isPercussion();
            String key = key(percussion, patch.getProgram(), patch.getBank());
            if (wanted.contains(key) && found.add(key)) {
                selected.add(instrument);
            }
        }
        if (found.size() < wanted.size()) {
            synthesizer.loadAllInstruments(soundbank);
            return;
        }
        for (Instrument instrument : selected) {
            synthesizer.loadInstrument(instrument);
        }
    }

    private static String key(boolean percussion, int program, int bank) {
        return (percussion ? "p" : "m") + program + "." + bank;
    }

    private static AudioSynthesizer openSynthesizer() throws IOException {
        try {
            Synthesizer synthesizer = MidiSystem.getSynthesizer();
            if (synthesizer instanceof AudioSynthesizer audioSynthesizer) {
                return audioSynthesizer;
            }
            throw new IOException("the default synthesizer cannot render offline: " + synthesizer.getDeviceInfo());
        } catch (MidiUnavailableException e) {
            throw new IOException("software synthesizer unavailable", e);
        } catch (IllegalAccessError e) {
            throw new IllegalStateException(EXPORT_HINT, e);
        }
    }

    // ----- event scheduling ---------------------------------------------------------------

    /** A MIDI message and when it plays, in microseconds from the start. */
    record TimedMessage(long micros, MidiMessage message) {
    }

    private record Indexed(long tick, int track, int index, MidiMessage message) {
    }

    /**
     * Merges all tracks into one time-ordered list and converts ticks to microseconds,
     * following tempo changes. The last entry is the sequence's end.
     */
    static List<TimedMessage> schedule(Sequence sequence) {
        List<Indexed> events = new ArrayList<>();
        Track[] tracks = sequence.getTracks();
        for (int t = 0; t < tracks.length; t++) {
            for (int i = 0; i < tracks[t].size(); i++) {
                MidiEvent event = tracks[t].get(i);
                events.add(new Indexed(event.getTick(), t, i, event.getMessage()));
            }
        }
        events.sort(Comparator.comparingLong(Indexed::tick).thenComparingInt(Indexed::track)
                .thenComparingInt(Indexed::index));

        List<TimedMessage> timed = new ArrayList<>(events.size());
        float division = sequence.getDivisionType();
        int resolution = sequence.getResolution();
        long lastTick = 0;
        double lastMicros = 0;
        long microsPerQuarter = DEFAULT_MICROS_PER_QUARTER;
        for (Indexed e : events) {
            double micros;
            if (division == Sequence.PPQ) {
                micros = lastMicros + (e.tick() - lastTick) * (double) microsPerQuarter / resolution;
                lastMicros = micros;
                lastTick = e.tick();
                if (e.message() instanceof MetaMessage meta && meta.getType() == META_TEMPO
                        && meta.getData().length == 3) {
                    byte[] d = meta.getData();
                    microsPerQuarter = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
                }
            } else {
                micros = e.tick() * 1_000_000.0 / (division * resolution);
            }
            timed.add(new TimedMessage(Math.round(micros), e.message()));
        }
        return timed;
    }

    // ----- audio streaming ----------------------------------------------------------------

    /** Running peak and energy of the samples written. */
    private static final class Levels {
        int peak;
        double sumOfSquares;
        long samples;

        double rms() {
            return samples == 0 ? 0 : Math.sqrt(sumOfSquares / samples);
        }
    }

    /** Reads exactly {@code frames} stereo float frames from the synthesizer's endless stream. */
    private static float[] read(AudioInputStream audio, long frames) throws IOException {
        if (frames * CHANNELS > Integer.MAX_VALUE - 8) {
            throw new IOException("piece too long to render: " + frames + " frames");
        }
        float[] samples = new float[(int) (frames * CHANNELS)];
        int frameBytes = CHANNELS * 4;
        byte[] buffer = new byte[BUFFER_FRAMES * frameBytes];
        java.nio.FloatBuffer floats = java.nio.ByteBuffer.wrap(buffer).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        int position = 0;
        while (position < samples.length) {
            int wanted = Math.min(buffer.length, (samples.length - position) * 4);
            int read = audio.readNBytes(buffer, 0, wanted);
            if (read < wanted) {
                // The synthesizer's stream is endless; a short read means it failed.
                throw new IOException("synthesizer stream ended early");
            }
            floats.position(0);
            floats.get(samples, position, read / 4);
            position += read / 4;
        }
        return samples;
    }

    /** Writes the samples as 16-bit little-endian PCM (rounded, clamped) and measures what was written. */
    private static Levels writePcm16(float[] samples, OutputStream out) throws IOException {
        Levels levels = new Levels();
        byte[] buffer = new byte[BUFFER_FRAMES * CHANNELS * 2];
        int filled = 0;
        for (float s : samples) {
            int sample = (int) Math.max(-32768, Math.min(32767, Math.round(s * 32767.0)));
            levels.peak = Math.max(levels.peak, Math.abs(sample));
            levels.sumOfSquares += (double) sample * sample;
            buffer[filled++] = (byte) sample;
            buffer[filled++] = (byte) (sample >> 8);
            if (filled == buffer.length) {
                out.write(buffer, 0, filled);
                filled = 0;
            }
        }
        out.write(buffer, 0, filled);
        levels.samples = samples.length;
        return levels;
    }
}
