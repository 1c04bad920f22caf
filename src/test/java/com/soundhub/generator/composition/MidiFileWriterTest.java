package com.soundhub.generator.composition;

import org.junit.jupiter.api.Test;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MidiFileWriterTest {

    private final Composition piece = new Composer().compose(
            new CompositionRequest(Genre.BOSSA_NOVA, Mood.CALM, 132, 40, Key.parse("D minor"), 77));

    @Test
    void writesAParseableTypeOneFile() throws Exception {
        byte[] bytes = MidiFileWriter.write(piece);
        MidiFileFormat format = MidiSystem.getMidiFileFormat(new ByteArrayInputStream(bytes));
        assertEquals(1, format.getType());
        assertEquals(Sequence.PPQ, format.getDivisionType());
        assertEquals(480, format.getResolution());

        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        Track[] tracks = sequence.getTracks();
        assertEquals(5, tracks.length, "conductor plus four parts");
        assertEquals(piece.lengthTicks(), sequence.getTickLength());

        List<MetaMessage> conductor = metas(tracks[0]);
        byte[] tempo = find(conductor, 0x51).getData();
        int micros = ((tempo[0] & 0xFF) << 16) | ((tempo[1] & 0xFF) << 8) | (tempo[2] & 0xFF);
        assertEquals(Math.round(60_000_000f / 132), micros);
        assertArrayEquals(new byte[]{4, 2, 24, 8}, find(conductor, 0x58).getData());
        assertArrayEquals(new byte[]{-1, 1}, find(conductor, 0x59).getData(), "D minor: one flat, minor");
        long markers = conductor.stream().filter(m -> m.getType() == 0x06).count();
        assertEquals(piece.sections().size(), markers);
    }

    @Test
    void eachPartTrackCarriesNameProgramChannelAndAllNotes() throws Exception {
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(MidiFileWriter.write(piece)));
        Track[] tracks = sequence.getTracks();
        for (int i = 0; i < piece.parts().size(); i++) {
            Part part = piece.parts().get(i);
            Track track = tracks[i + 1];
            String name = new String(find(metas(track), 0x03).getData(), StandardCharsets.UTF_8);
            assertTrue(name.startsWith(part.role().label()), name);
            int noteOns = 0;
            int noteOffs = 0;
            int program = -1;
            for (int e = 0; e < track.size(); e++) {
                if (track.get(e).getMessage() instanceof ShortMessage m) {
                    assertEquals(part.channel(), m.getChannel(), "channel of " + part.role());
                    switch (m.getCommand()) {
                        case ShortMessage.NOTE_ON -> noteOns++;
                        case ShortMessage.NOTE_OFF -> noteOffs++;
                        case ShortMessage.PROGRAM_CHANGE -> program = m.getData1();
                        default -> { }
                    }
                }
            }
            assertEquals(part.notes().size(), noteOns, "note-ons of " + part.role());
            assertEquals(noteOns, noteOffs, "every note is released in " + part.role());
            assertEquals(part.program(), program, "program of " + part.role());
        }
        assertEquals(9, piece.part(PartRole.DRUMS).channel());
    }

    @Test
    void sameCompositionSameBytes() {
        assertArrayEquals(MidiFileWriter.write(piece), MidiFileWriter.write(piece));
        Composition again = new Composer().compose(piece.request());
        assertArrayEquals(MidiFileWriter.write(piece), MidiFileWriter.write(again));
    }

    @Test
    void theFileHoldsExactlyTheEventsOfTheSequence() throws Exception {
        Sequence written = MidiSystem.getSequence(new ByteArrayInputStream(MidiFileWriter.write(piece)));
        assertEquals(events(MidiFileWriter.toSequence(piece)), events(written));
    }

    @Test
    void simultaneousNotesAreReleasedBeforeTheyAreStruckAgain() {
        for (Track track : MidiFileWriter.toSequence(piece).getTracks()) {
            for (int e = 1; e < track.size(); e++) {
                MidiEvent previous = track.get(e - 1);
                MidiEvent event = track.get(e);
                assertTrue(event.getTick() >= previous.getTick(), "events in time order");
                if (event.getTick() == previous.getTick() && isNote(event, ShortMessage.NOTE_OFF)) {
                    assertTrue(!isNote(previous, ShortMessage.NOTE_ON), "a note-off after a note-on at tick " + event.getTick());
                }
            }
        }
    }

    @Test
    void sequencesCanHoldASubsetOfParts() {
        Sequence stem = MidiFileWriter.toSequence(piece, EnumSet.of(PartRole.BASS));
        assertEquals(2, stem.getTracks().length, "conductor plus the bass");
        assertEquals(piece.lengthTicks(), stem.getTickLength(), "stems keep the full length");
        int notes = 0;
        for (int e = 0; e < stem.getTracks()[1].size(); e++) {
            MidiEvent event = stem.getTracks()[1].get(e);
            if (event.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON) {
                notes++;
                assertEquals(PartRole.BASS.channel(), m.getChannel());
            }
        }
        assertEquals(piece.part(PartRole.BASS).notes().size(), notes);
        assertEquals(5, MidiFileWriter.toSequence(piece).getTracks().length);
        assertEquals(1, MidiFileWriter.toSequence(piece, EnumSet.noneOf(PartRole.class)).getTracks().length);
    }

    @Test
    void subsetFileMatchesSubsetSequence() throws Exception {
        byte[] bytes = MidiFileWriter.write(piece, EnumSet.of(PartRole.MELODY, PartRole.DRUMS));
        Sequence parsed = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        assertEquals(3, parsed.getTracks().length);
    }

    /** Every event of every track as "tick status data...", so sequences compare by content. */
    private static List<List<String>> events(Sequence sequence) {
        List<List<String>> tracks = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            List<String> events = new ArrayList<>();
            for (int e = 0; e < track.size(); e++) {
                MidiEvent event = track.get(e);
                events.add(event.getTick() + " " + HexFormat.of().formatHex(event.getMessage().getMessage()));
            }
            tracks.add(events);
        }
        return tracks;
    }

    private static boolean isNote(MidiEvent event, int command) {
        return event.getMessage() instanceof ShortMessage m && m.getCommand() == command;
    }

    private static List<MetaMessage> metas(Track track) {
        List<MetaMessage> metas = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof MetaMessage meta) {
                metas.add(meta);
            }
        }
        return metas;
    }

    private static MetaMessage find(List<MetaMessage> metas, int type) {
        return metas.stream().filter(m -> m.getType() == type).findFirst()
                .orElseThrow(() -> new AssertionError("missing meta event " + type));
    }
}
