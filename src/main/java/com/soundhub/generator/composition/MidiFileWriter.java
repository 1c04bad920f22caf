package com.soundhub.generator.composition;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Compositions as {@link Sequence}s, and as type-1 Standard MIDI Files written by the JDK
 * ({@link MidiSystem#write}).
 *
 * <p>Track 0 is the conductor track (title, tempo, time and key signature, section
 * markers); each part follows in its own track with its name, program change, mixer
 * settings and notes. A {@link Track} keeps events of the same tick in the order they were
 * added, so adding them in a fixed order makes equal compositions give byte-identical files.
 */
public final class MidiFileWriter {

    private static final int SMF_MULTI_TRACK = 1;
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
    private static final int RELEASE_VELOCITY = 64;

    /**
     * Notes sounding at the same tick: releases before onsets (so a repeated pitch is struck
     * again rather than cut short), then by pitch.
     */
    private static final Comparator<MidiEvent> NOTE_ORDER = Comparator.comparingLong(MidiEvent::getTick)
            .thenComparing(event -> ((ShortMessage) event.getMessage()).getCommand() == ShortMessage.NOTE_ON)
            .thenComparingInt(event -> ((ShortMessage) event.getMessage()).getData1());

    private MidiFileWriter() {
    }

    /** The whole composition as a Standard MIDI File. */
    public static byte[] write(Composition composition) {
        return write(composition, composition.roles());
    }

    /** A Standard MIDI File with only the chosen parts (plus the conductor track). */
    public static byte[] write(Composition composition, Set<PartRole> parts) {
        ByteArrayOutputStream file = new ByteArrayOutputStream(16 * 1024);
        try {
            MidiSystem.write(toSequence(composition, parts), SMF_MULTI_TRACK, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return file.toByteArray();
    }

    /** The whole composition as a {@link Sequence}. */
    public static Sequence toSequence(Composition composition) {
        return toSequence(composition, composition.roles());
    }

    /**
     * The chosen parts as a {@link Sequence}, e.g. to render one stem. The conductor track is
     * always included so tempo and length match the full piece.
     */
    public static Sequence toSequence(Composition composition, Set<PartRole> parts) {
        if (parts == null) {
            throw new IllegalArgumentException("parts must not be null");
        }
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, composition.ticksPerQuarter());
            addConductor(sequence.createTrack(), composition);
            for (Part part : composition.parts()) {
                if (parts.contains(part.role())) {
                    addPart(sequence.createTrack(), composition, part);
                }
            }
            return sequence;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("composition produced an invalid MIDI event", e);
        }
    }

    private static void addConductor(Track track, Composition c) throws InvalidMidiDataException {
        add(track, 0, meta(META_TRACK_NAME, text(c.title())));
        add(track, 0, meta(META_TEXT, text("SoundHub seed " + c.request().seed())));
        int tempo = c.microsecondsPerQuarter();
        add(track, 0, meta(META_TEMPO, new byte[]{(byte) (tempo >> 16), (byte) (tempo >> 8), (byte) tempo}));
        TimeSignature ts = c.timeSignature();
        // 24 MIDI clocks per metronome click and 8 thirty-seconds per quarter: the usual values.
        add(track, 0, meta(META_TIME_SIGNATURE, new byte[]{(byte) ts.numerator(),
                (byte) Integer.numberOfTrailingZeros(ts.denominator()), 24, 8}));
        add(track, 0, meta(META_KEY_SIGNATURE, new byte[]{(byte) c.key().signatureAccidentals(),
                (byte) (c.key().mode() == Mode.MINOR ? 1 : 0)}));
        for (Section section : c.sections()) {
            add(track, section.startTick(), meta(META_MARKER, text(section.label())));
        }
        add(track, c.lengthTicks(), meta(META_END_OF_TRACK, new byte[0]));
    }

    private static void addPart(Track track, Composition c, Part part) throws InvalidMidiDataException {
        int channel = part.channel();
        add(track, 0, meta(META_TRACK_NAME, text(part.role().label() + " - " + part.instrument())));
        add(track, 0, new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, part.program(), 0));
        add(track, 0, controller(channel, CC_VOLUME, volume(part.role())));
        add(track, 0, controller(channel, CC_PAN, pan(part.role())));
        add(track, 0, controller(channel, CC_REVERB, part.isDrums() ? 30 : MoodProfile.of(c.request().mood()).reverb()));
        add(track, 0, controller(channel, CC_CHORUS, 0));
        List<MidiEvent> notes = new ArrayList<>(part.notes().size() * 2);
        int end = c.lengthTicks();
        for (Note note : part.notes()) {
            notes.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, note.pitch(), note.velocity()), note.tick()));
            notes.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, note.pitch(), RELEASE_VELOCITY),
                    note.endTick()));
            end = Math.max(end, note.endTick());
        }
        notes.sort(NOTE_ORDER);
        notes.forEach(track::add);
        add(track, end, meta(META_END_OF_TRACK, new byte[0]));
    }

    private static void add(Track track, long tick, MidiMessage message) {
        track.add(new MidiEvent(message, tick));
    }

    private static ShortMessage controller(int channel, int controller, int value) throws InvalidMidiDataException {
        return new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, controller, value);
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

    private static MetaMessage meta(int type, byte[] data) throws InvalidMidiDataException {
        return new MetaMessage(type, data, data.length);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
