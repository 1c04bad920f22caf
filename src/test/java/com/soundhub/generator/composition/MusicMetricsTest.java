package com.soundhub.generator.composition;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-checked values for each metric, following MusPy's definitions. */
class MusicMetricsTest {

    private static final int Q = 480;
    private static final int BAR = 4 * Q;

    @Test
    void scaleConsistencyAndEntropyOfAMajorScale() {
        List<Note> melody = new ArrayList<>();
        int[] cMajor = {60, 62, 64, 65, 67, 69, 71};
        for (int i = 0; i < cMajor.length; i++) {
            melody.add(new Note(i * Q, Q, cMajor[i], 80));
        }
        MusicMetrics m = MusicMetrics.of(piece(2, List.of(), melody));
        assertEquals(1.0, m.scaleConsistency(), 1e-12);
        assertEquals(Math.log(7) / Math.log(2), m.pitchClassEntropy(), 1e-12);
        assertEquals(11, m.pitchRange());
        assertEquals(1.0, m.polyphony(), 1e-12);
    }

    @Test
    void chromaticNotesLowerScaleConsistency() {
        List<Note> melody = new ArrayList<>();
        for (int pc = 0; pc < 12; pc++) {
            melody.add(new Note(pc * Q, Q, 60 + pc, 80));
        }
        MusicMetrics m = MusicMetrics.of(piece(3, List.of(), melody));
        assertEquals(7 / 12.0, m.scaleConsistency(), 1e-12);
        assertEquals(Math.log(12) / Math.log(2), m.pitchClassEntropy(), 1e-12);
    }

    @Test
    void drumsDoNotCountForPitchMetrics() {
        List<Note> drums = List.of(new Note(0, 120, 36, 100), new Note(Q, 120, 81, 100));
        List<Note> melody = List.of(new Note(0, BAR, 60, 80), new Note(BAR, BAR, 67, 80));
        MusicMetrics m = MusicMetrics.of(piece(2, drums, melody));
        assertEquals(7, m.pitchRange());
        assertEquals(1.0, m.scaleConsistency(), 1e-12);
        assertEquals(1.0, m.pitchClassEntropy(), 1e-12);
    }

    @Test
    void polyphonyCountsPitchesWhereSomethingSounds() {
        // A held triad for one bar, then a single note for one bar: (3 + 1) / 2 per step.
        List<Note> notes = List.of(new Note(0, BAR, 60, 80), new Note(0, BAR, 64, 80), new Note(0, BAR, 67, 80),
                new Note(BAR, BAR, 72, 80));
        assertEquals(2.0, MusicMetrics.of(piece(2, List.of(), notes)).polyphony(), 1e-12);
        // The same pitch doubled is one pitch, as in a binary piano roll.
        List<Note> doubled = List.of(new Note(0, BAR, 60, 80), new Note(0, BAR, 60, 80));
        assertEquals(1.0, MusicMetrics.of(piece(1, List.of(), doubled)).polyphony(), 1e-12);
    }

    @Test
    void grooveConsistencyComparesNeighbouringBars() {
        // Four identical bars of quarter notes, ending exactly at the bar line: MusPy counts
        // one more (empty) measure, so the last comparison costs the four onsets.
        List<Note> steady = new ArrayList<>();
        for (int beat = 0; beat < 16; beat++) {
            steady.add(new Note(beat * Q, Q, 60, 80));
        }
        assertEquals(1 - 4.0 / (16 * 4), MusicMetrics.of(piece(4, List.of(), steady)).grooveConsistency(), 1e-12);

        // Bar 2 adds two sixteenths: two transitions each differ by two positions.
        List<Note> varied = new ArrayList<>(steady);
        varied.add(new Note(BAR + 120, 60, 62, 80));
        varied.add(new Note(BAR + 360, 60, 62, 80));
        assertEquals(1 - (2 + 2 + 0 + 4.0) / (16 * 4), MusicMetrics.of(piece(4, List.of(), varied)).grooveConsistency(),
                1e-12);
    }

    @Test
    void grooveIgnoresSmallTimingJitterOnTheSixteenthGrid() {
        List<Note> jittered = new ArrayList<>();
        for (int beat = 0; beat < 16; beat++) {
            jittered.add(new Note(Math.max(0, beat * Q + (beat % 3 - 1) * 11), Q - 30, 60, 80));
        }
        assertEquals(1 - 4.0 / 64, MusicMetrics.of(piece(4, List.of(), jittered)).grooveConsistency(), 1e-12);
        // On the raw tick grid the same jitter counts as variation.
        assertTrue(MusicMetrics.of(piece(4, List.of(), jittered), Q).grooveConsistency() < 1);
    }

    @Test
    void emptyBeatRateCountsSilentBeatsIncludingDrums() {
        // Notes in beats 0 and 3 only (each one beat long). MusPy counts beats up to the last
        // note's end (five here) and also marks the beat holding a note's end, so beats 0, 1,
        // 3 and 4 sound and beat 2 is empty.
        List<Note> notes = List.of(new Note(0, Q, 60, 80), new Note(3 * Q, Q, 60, 80));
        Composition sparse = piece(2, List.of(), notes);
        MusicMetrics m = MusicMetrics.of(sparse);
        assertEquals(1 - 4.0 / 5, m.emptyBeatRate(), 1e-12);
        List<Note> drums = List.of(new Note(2 * Q, 120, 42, 80));
        assertEquals(0.0, MusicMetrics.of(piece(2, drums, notes)).emptyBeatRate(), 1e-12);
    }

    @Test
    void undefinedValuesAreNaN() {
        MusicMetrics m = MusicMetrics.of(piece(1, List.of(new Note(0, 120, 36, 90)), List.of()));
        assertTrue(Double.isNaN(m.scaleConsistency()));
        assertTrue(Double.isNaN(m.pitchClassEntropy()));
        assertTrue(Double.isNaN(m.polyphony()));
        assertEquals(0, m.pitchRange());
        assertThrows(IllegalArgumentException.class, () -> MusicMetrics.of(piece(1, List.of(), List.of()), 0));
    }

    /** A C-major 4/4 piece at 480 PPQ with the given drum and melody notes. */
    static Composition piece(int bars, List<Note> drums, List<Note> melody) {
        int length = bars * BAR;
        CompositionRequest request = new CompositionRequest(Genre.POP, Mood.CALM, 120, 30, 1);
        Chord tonic = new Chord(0, List.of(0, 4, 7), "C", "I");
        return new Composition(request, Key.of(0, Mode.MAJOR), 120, TimeSignature.FOUR_FOUR, Q, length,
                List.of(new Section("A", 0, bars, 0, length)), List.of(new ChordSpan(0, length, tonic)),
                List.of(new Part(PartRole.DRUMS, "Kit", 0, 9, 35, 81, drums),
                        new Part(PartRole.MELODY, "Piano", 0, 0, 0, 127, melody)));
    }
}
