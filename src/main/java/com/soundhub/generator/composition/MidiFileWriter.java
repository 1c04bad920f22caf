package com.soundhub.generator.composition;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes compositions as type-1 Standard MIDI Files and as {@link Sequence}s.
 *
 * <p>Track 0 is the conductor track (title, tempo, time and key signature, section
 * markers); each part follows in its own track with its name, program change, mixer
 * settings and notes. Event order is fully determined, so equal compositions give
 * byte-identical files.
 */
public final class MidiFileWriter {

    private static final int META = 0xFF;
    private static final int META_TEXT = 0x01;
    private static final int META_TRACK_NAME = 0x03;
    private static final int META_MARKER = 0x06;
    private static final int META_END_OF_TRACK = 0x2F;
    private static final int META_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;
    private static final int META_KEY_SIGNATURE = 0x59;
    private static final int CC_VOLUME = 7;
    private static final int CC_PAN = 10;
    private static final int CC_REVERB = 91;
    private static final int CC_CHORUS = 93;

    /** Order of simultaneous events: meta first, then controllers, note-offs before note-ons. */
    private static final Comparator<Event> ORDER = Comparator.comparingInt(Event::tick)
            .thenComparingInt(Event::rank).thenComparingInt(Event::pitch);

    /** One timed event with its raw status and data bytes. */
    private record Event(int tick, int rank, int pitch, byte[] bytes) {
    }

    private MidiFileWriter() {
    }

    /** The whole composition as a Standard MIDI File. */
    public static byte[] write(Composition composition) {
        return write(composition, composition.roles());
    }

    /** A Standard MIDI File with only the chosen parts (plus the conductor track). */
    public static byte[] write(Composition composition, Set<PartRole> parts) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
        try {
            write(composition, parts, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return buffer.toByteArray();
    }

    /** Streams a Standard MIDI File with only the chosen parts to {@code out}. */
    public static void write(Composition composition, Set<PartRole> parts, OutputStream out) throws IOException {
        List<List<Event>> tracks = tracks(composition, parts);
        out.write(new byte[]{'M', 'T', 'h', 'd', 0, 0, 0, 6});
        writeShort(out, 1);
        writeShort(out, tracks.size());
        writeShort(out, composition.ticksPerQuarter());
        for (List<Event> track : tracks) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int previousTick = 0;
            for (Event event : track) {
                writeVariableLength(body, event.tick() - previousTick);
                body.write(event.bytes());
                previousTick = event.tick();
            }
            out.write(new byte[]{'M', 'T', 'r', 'k'});
            writeInt(out, body.size());
            body.writeTo(out);
        }
        out.flush();
    }

    /**
     * The chosen parts as a {@link Sequence}, e.g. to render one stem. The conductor track is
     * always included so tempo and length match the full piece.
     */
    public static Sequence toSequence(Composition composition, Set<PartRole> parts) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, composition.ticksPerQuarter());
            for (List<Event> events : tracks(composition, parts)) {
                Track track = sequence.createTrack();
                for (Event event : events) {
                    track.add(new MidiEvent(toMessage(event.bytes()), event.tick()));
                }
            }
            return sequence;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("composition produced an invalid MIDI event", e);
        }
    }

    /** The whole composition as a {@link Sequence}. */
    public static Sequence toSequence(Composition composition) {
        return toSequence(composition, composition.roles());
    }

    private static MidiMessage toMessage(byte[] bytes) throws InvalidMidiDataException {
        int status = bytes[0] & 0xFF;
        if (status == META) {
            int type = bytes[1] & 0xFF;
            int headerLength = 2 + variableLengthSize(bytes, 2);
            byte[] data = new byte[bytes.length - headerLength];
            System.arraycopy(bytes, headerLength, data, 0, data.length);
            return new MetaMessage(type, data, data.length);
        }
        return bytes.length == 2
                ? new ShortMessage(status & 0xF0, status & 0x0F, bytes[1], 0)
                : new ShortMessage(status & 0xF0, status & 0x0F, bytes[1], bytes[2]);
    }

    // ----- track assembly -----------------------------------------------------------------

    private static List<List<Event>> tracks(Composition composition, Set<PartRole> parts) {
        if (parts == null) {
            throw new IllegalArgumentException("parts must not be null");
        }
        Set<PartRole> chosen = parts.isEmpty() ? EnumSet.noneOf(PartRole.class) : EnumSet.copyOf(parts);
        List<List<Event>> tracks = new ArrayList<>();
        tracks.add(conductor(composition));
        for (Part part : composition.parts()) {
            if (chosen.contains(part.role())) {
                tracks.add(partTrack(composition, part));
            }
        }
        return tracks;
    }

    private static List<Event> conductor(Composition c) {
        List<Event> events = new ArrayList<>();
        events.add(meta(0, META_TRACK_NAME, text(c.title())));
        events.add(meta(0, META_TEXT, text("SoundHub seed " + c.request().seed())));
        int tempo = c.microsecondsPerQuarter();
        events.add(meta(0, META_TEMPO, new byte[]{(byte) (tempo >> 16), (byte) (tempo >> 8), (byte) tempo}));
        TimeSignature ts = c.timeSignature();
        events.add(meta(0, META_TIME_SIGNATURE, new byte[]{(byte) ts.numerator(),
                (byte) Integer.numberOfTrailingZeros(ts.denominator()), 24, 8}));
        events.add(meta(0, META_KEY_SIGNATURE, new byte[]{(byte) c.key().signatureAccidentals(),
                (byte) (c.key().mode() == Mode.MINOR ? 1 : 0)}));
        for (Section section : c.sections()) {
            events.add(meta(section.startTick(), META_MARKER, text(section.label())));
        }
        events.sort(ORDER);
        events.add(meta(c.lengthTicks(), META_END_OF_TRACK, new byte[0]));
        return events;
    }

    private static List<Event> partTrack(Composition c, Part part) {
        int ch = part.channel();
        List<Event> events = new ArrayList<>();
        events.add(meta(0, META_TRACK_NAME, text(part.role().label() + " - " + part.instrument())));
        events.add(new Event(0, 1, 0, new byte[]{(byte) (0xC0 | ch), (byte) part.program()}));
        events.add(controller(ch, CC_VOLUME, volume(part.role())));
        events.add(controller(ch, CC_PAN, pan(part.role())));
        events.add(controller(ch, CC_REVERB, part.isDrums() ? 30 : reverb(c.request().mood())));
        events.add(controller(ch, CC_CHORUS, 0));
        int end = c.lengthTicks();
        for (Note note : part.notes()) {
            events.add(new Event(note.tick(), 4, note.pitch(),
                    new byte[]{(byte) (0x90 | ch), (byte) note.pitch(), (byte) note.velocity()}));
            events.add(new Event(note.endTick(), 3, note.pitch(),
                    new byte[]{(byte) (0x80 | ch), (byte) note.pitch(), 64}));
            end = Math.max(end, note.endTick());
        }
        events.sort(ORDER);
        events.add(meta(end, META_END_OF_TRACK, new byte[0]));
        return events;
    }

    private static Event controller(int channel, int controller, int value) {
        return new Event(0, 2, controller, new byte[]{(byte) (0xB0 | channel), (byte) controller, (byte) value});
    }

    /** Channel volumes balance the parts and leave headroom so the mix does not clip. */
    private static int volume(PartRole role) {
        return switch (role) {
            case DRUMS -> 82;
            case BASS -> 90;
            case HARMONY -> 70;
            case MELODY -> 86;
        };
    }

    private static int pan(PartRole role) {
        return switch (role) {
            case DRUMS, BASS -> 64;
            case HARMONY -> 46;
            case MELODY -> 80;
        };
    }

    private static int reverb(Mood mood) {
        return MoodProfile.of(mood).reverb();
    }

    private static Event meta(int tick, int type, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length + 6);
        bytes.write(META);
        bytes.write(type);
        writeVariableLength(bytes, data.length);
        bytes.write(data, 0, data.length);
        return new Event(tick, 0, 0, bytes.toByteArray());
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ----- encoding -----------------------------------------------------------------------

    private static void writeVariableLength(OutputStream out, int value) {
        try {
            if (value < 0) {
                throw new IllegalStateException("events out of order");
            }
            int buffer = value & 0x7F;
            int v = value >>> 7;
            while (v > 0) {
                buffer <<= 8;
                buffer |= 0x80 | (v & 0x7F);
                v >>>= 7;
            }
            while (true) {
                out.write(buffer & 0xFF);
                if ((buffer & 0x80) != 0) {
                    buffer >>>= 8;
                } else {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int variableLengthSize(byte[] bytes, int offset) {
        int size = 0;
        while ((bytes[offset + size] & 0x80) != 0) {
            size++;
        }
        return size + 1;
    }

    private static void writeShort(OutputStream out, int value) throws IOException {
        out.write((value >> 8) & 0xFF);
        out.write(value & 0xFF);
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write((value >> 24) & 0xFF);
        out.write((value >> 16) & 0xFF);
        out.write((value >> 8) & 0xFF);
        out.write(value & 0xFF);
    }
}
