package com.soundhub.generator.composition;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quality floor over thirty seeds per genre, every mood, tempo and length range. */
class ComposerQualityTest {

    private static final Set<PartRole> PITCHED = EnumSet.of(PartRole.BASS, PartRole.HARMONY, PartRole.MELODY);

    @ParameterizedTest
    @EnumSource(Genre.class)
    void metricsStayAboveTheQualityFloor(Genre genre) {
        // Secondary dominants, borrowed chords and harmonic-minor dominants bring notes from
        // outside any one major or minor scale, so the floor leaves room for them.
        double scaleFloor = genre == Genre.JAZZ || genre == Genre.BOSSA_NOVA ? 0.85 : 0.90;
        for (Composition piece : Pieces.of(genre)) {
            MusicMetrics metrics = MusicMetrics.of(piece);
            String where = describe(piece) + " " + metrics;
            assertTrue(metrics.scaleConsistency() >= scaleFloor, "scale consistency: " + where);
            // Drums that lay out and come back, breaks and fills change whole bars at section
            // seams on purpose; within sections the groove stays steady.
            assertTrue(metrics.grooveConsistency() >= 0.70, "groove consistency: " + where);
            assertTrue(metrics.emptyBeatRate() <= 0.1, "empty-beat rate: " + where);
            // Drums alone must not be what keeps beats busy: the pitched parts also cover them.
            MusicMetrics pitched = MusicMetrics.of(piece.withOnly(PITCHED));
            assertTrue(pitched.emptyBeatRate() <= 0.1, "pitched empty-beat rate: " + where);
            assertTrue(metrics.polyphony() >= 1.5, "polyphony: " + where);
            assertTrue(metrics.pitchClassEntropy() > 1.5 && metrics.pitchClassEntropy() <= Math.log(12) / Math.log(2),
                    "pitch-class entropy: " + where);
        }
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void everyNoteStaysInsideItsPartsRegister(Genre genre) {
        for (Composition piece : Pieces.of(genre)) {
            Part melody = piece.part(PartRole.MELODY);
            assertFalse(melody.notes().isEmpty(), "melody is empty: " + describe(piece));
            for (Part part : piece.parts()) {
                for (Note note : part.notes()) {
                    assertTrue(note.pitch() >= part.lowestPitch() && note.pitch() <= part.highestPitch(),
                            part.role() + " note " + note + " outside " + part.lowestPitch() + "-"
                                    + part.highestPitch() + " in " + describe(piece));
                }
            }
            assertTrue(melody.highestPitch() - melody.lowestPitch() <= 24, "melody register wider than two octaves");
        }
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void pieceEndsOnTheTonicChord(Genre genre) {
        for (Composition piece : Pieces.of(genre)) {
            Key key = piece.key();
            Chord last = piece.chords().get(piece.chords().size() - 1).chord();
            assertEquals(key.tonic(), last.root(), "final chord root in " + describe(piece));
            assertEquals(key.pitchClassOf(2), last.pitchClass(1), "final chord third in " + describe(piece));

            int finalBar = piece.lengthTicks() - piece.ticksPerBar();
            for (PartRole role : PITCHED) {
                List<Note> ending = piece.part(role).notes().stream()
                        .filter(n -> n.tick() >= finalBar - 30).toList();
                assertFalse(ending.isEmpty(), role + " is silent in the final bar of " + describe(piece));
                for (Note note : ending) {
                    assertTrue(last.contains(note.pitch() % 12),
                            role + " plays " + note.pitch() + " over the final " + last + " in " + describe(piece));
                }
            }
            assertEquals(key.tonic(), lastNote(piece.part(PartRole.BASS)).pitch() % 12, "bass ends on the tonic");
            assertEquals(key.tonic(), lastNote(piece.part(PartRole.MELODY)).pitch() % 12, "melody ends on the tonic");
            ChordSpan penultimate = piece.chords().get(piece.chords().size() - 2);
            assertFalse(penultimate.chord().root() == key.tonic(), "the final tonic must be approached by a cadence");
        }
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void tempoAndLengthAreRespected(Genre genre) {
        for (int i = 0; i < Pieces.PER_GENRE; i++) {
            CompositionRequest request = Pieces.request(genre, i);
            Composition piece = Pieces.of(genre).get(i);
            double barSeconds = 4 * 60.0 / request.tempoBpm();
            assertEquals(request.tempoBpm(), piece.tempoBpm());
            assertEquals(0, piece.lengthTicks() % piece.ticksPerBar(), "whole bars");
            assertEquals(request.lengthSeconds(), piece.durationSeconds(), barSeconds,
                    "duration of " + describe(piece));
            int lastEnd = piece.parts().stream().mapToInt(Part::endTick).max().orElse(0);
            assertTrue(lastEnd <= piece.lengthTicks(), "notes run past the end of " + describe(piece));
            assertTrue(lastEnd > piece.lengthTicks() - piece.ticksPerBar() / 4, "the piece stops early: " + describe(piece));
            Section lastSection = piece.sections().get(piece.sections().size() - 1);
            assertEquals(piece.lengthTicks(), lastSection.endTick());
        }
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void sameRequestGivesByteIdenticalMidi(Genre genre) {
        Composer fresh = new Composer();
        for (int i = 0; i < Pieces.PER_GENRE; i += 3) {
            byte[] first = MidiFileWriter.write(Pieces.of(genre).get(i));
            byte[] second = MidiFileWriter.write(fresh.compose(Pieces.request(genre, i)));
            assertArrayEquals(first, second, "MIDI differs for " + Pieces.request(genre, i));
        }
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void differentSeedsGiveDifferentPieces(Genre genre) {
        Composer composer = new Composer();
        Set<List<Note>> melodies = new HashSet<>();
        Set<String> files = new HashSet<>();
        CompositionRequest base = Pieces.request(genre, 0);
        for (long seed = 1; seed <= 12; seed++) {
            Composition piece = composer.compose(new CompositionRequest(genre, base.mood(), base.tempoBpm(),
                    base.lengthSeconds(), seed));
            melodies.add(piece.part(PartRole.MELODY).notes());
            files.add(Arrays.toString(MidiFileWriter.write(piece)));
        }
        assertEquals(12, melodies.size(), "melodies repeat across seeds");
        assertEquals(12, files.size(), "MIDI files repeat across seeds");
    }

    private static Note lastNote(Part part) {
        return part.notes().stream()
                .max(Comparator.comparingInt(Note::tick).thenComparingInt(Note::endTick))
                .orElseThrow();
    }

    static String describe(Composition piece) {
        CompositionRequest r = piece.request();
        return r.genre().slug() + "/" + r.mood().slug() + " " + r.tempoBpm() + "bpm " + r.lengthSeconds() + "s seed "
                + r.seed() + " in " + piece.key();
    }
}
