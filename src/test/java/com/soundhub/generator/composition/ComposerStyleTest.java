package com.soundhub.generator.composition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Genre, mood and form characteristics the composer promises. */
class ComposerStyleTest {

    private final Composer composer = new Composer();

    @ParameterizedTest
    @EnumSource(Genre.class)
    void formAndHarmonyCoverThePieceWithoutGaps(Genre genre) {
        for (Composition piece : Pieces.of(genre)) {
            List<Section> sections = piece.sections();
            assertEquals("Intro", sections.get(0).label());
            assertEquals("Outro", sections.get(sections.size() - 1).label());
            assertTrue(sections.stream().anyMatch(s -> s.label().endsWith("'")) || piece.bars() < 16,
                    "a theme should recur with variation in " + ComposerQualityTest.describe(piece));
            int tick = 0;
            for (Section s : sections) {
                assertEquals(tick, s.startTick());
                tick = s.endTick();
            }
            assertEquals(piece.lengthTicks(), tick);
            tick = 0;
            for (ChordSpan span : piece.chords()) {
                assertEquals(tick, span.startTick());
                tick = span.endTick();
            }
            assertEquals(piece.lengthTicks(), tick);
        }
    }

    @ParameterizedTest
    @EnumSource(Genre.class)
    void drumsUseTheGeneralMidiPercussionChannel(Genre genre) {
        Composition piece = Pieces.of(genre).get(0);
        Part drums = piece.part(PartRole.DRUMS);
        assertEquals(9, drums.channel());
        assertTrue(drums.notes().stream().allMatch(n -> n.pitch() >= 35 && n.pitch() <= 81));
        for (Part part : piece.parts()) {
            if (!part.isDrums()) {
                assertTrue(part.channel() != 9, part.role() + " must not share the drum channel");
            }
        }
    }

    @Test
    void jazzUsesSeventhChordsAndTwoFiveOnes() {
        int twoFiveOnes = 0;
        for (Composition piece : Pieces.of(Genre.JAZZ)) {
            long sevenths = piece.chords().stream().filter(c -> c.chord().size() >= 4).count();
            assertTrue(sevenths >= piece.chords().size() * 0.9, "jazz chords should carry sevenths");
            if (containsTwoFiveOne(piece)) {
                twoFiveOnes++;
            }
        }
        assertTrue(twoFiveOnes >= Pieces.PER_GENRE * 0.9, "ii-V-I in only " + twoFiveOnes + " jazz pieces");
    }

    @Test
    void popLeansOnTheOneFiveSixFourFamily() {
        int withFamilyMoves = 0;
        for (Composition piece : Pieces.of(Genre.POP)) {
            if (piece.key().mode().isMinor()) {
                continue;
            }
            List<String> numerals = piece.chords().stream().map(c -> c.chord().numeral()).toList();
            int moves = 0;
            for (int i = 0; i + 1 < numerals.size(); i++) {
                String pair = numerals.get(i) + "-" + numerals.get(i + 1);
                if (List.of("I-V", "V-vi", "vi-IV", "IV-I", "IV-V").contains(pair)) {
                    moves++;
                }
            }
            if (moves >= numerals.size() / 4) {
                withFamilyMoves++;
            }
        }
        assertTrue(withFamilyMoves >= 10, "I-V-vi-IV moves are rare: " + withFamilyMoves);
    }

    @Test
    void darkAndSadMoodsUseMinorModesAndLowerRegisters() {
        // One seed in two moods gives unrelated pieces in unrelated keys, so registers are
        // compared on average over several seeds rather than seed by seed.
        for (Genre genre : Genre.values()) {
            double dark = 0;
            double happy = 0;
            for (long seed = 0; seed < 12; seed++) {
                Composition darkPiece = composer.compose(new CompositionRequest(genre, Mood.DARK, 100, 40, seed));
                Composition happyPiece = composer.compose(new CompositionRequest(genre, Mood.HAPPY, 100, 40, seed));
                assertTrue(darkPiece.key().mode().isMinor(), "dark piece in " + darkPiece.key());
                dark += mean(darkPiece.part(PartRole.MELODY));
                happy += mean(happyPiece.part(PartRole.MELODY));
                Composition sad = composer.compose(new CompositionRequest(genre, Mood.SAD, 100, 40, seed));
                assertTrue(sad.key().mode().isMinor(), "sad piece in " + sad.key());
            }
            assertTrue(dark < happy, "dark melody should sit lower than happy in " + genre);
        }
    }

    @Test
    void energeticPiecesAreLouderThanCalmOnes() {
        Composition energetic = composer.compose(new CompositionRequest(Genre.POP, Mood.ENERGETIC, 120, 60, 9));
        Composition calm = composer.compose(new CompositionRequest(Genre.POP, Mood.CALM, 120, 60, 9));
        assertTrue(meanVelocity(energetic) > meanVelocity(calm) + 15);
    }

    @Test
    void jazzRideSwingsAndHouseKeepsFourOnTheFloor() {
        Composition jazz = Pieces.of(Genre.JAZZ).get(4);
        long swung = jazz.part(PartRole.DRUMS).notes().stream()
                .filter(n -> n.pitch() == 51)
                .filter(n -> Math.abs(Math.floorMod(n.tick(), 480) - 320) <= 12)
                .count();
        long straight = jazz.part(PartRole.DRUMS).notes().stream()
                .filter(n -> n.pitch() == 51)
                .filter(n -> Math.abs(Math.floorMod(n.tick(), 480) - 240) <= 12)
                .count();
        assertTrue(swung > jazz.bars(), "ride skip notes should fall on the triplet eighth");
        assertEquals(0, straight, "no straight off-beat ride strokes in swing");

        Composition house = Pieces.of(Genre.HOUSE).get(3);
        int barTicks = house.ticksPerBar();
        for (int bar = 1; bar < house.bars() - 1; bar++) {
            for (int beat = 0; beat < 4; beat++) {
                int tick = bar * barTicks + beat * 480;
                boolean kick = house.part(PartRole.DRUMS).notes().stream()
                        .anyMatch(n -> n.pitch() == 36 && Math.abs(n.tick() - tick) <= 12);
                assertTrue(kick, "house kick missing at bar " + bar + " beat " + beat);
            }
        }
    }

    @Test
    void walkingBassPlaysQuartersInJazz() {
        Composition jazz = Pieces.of(Genre.JAZZ).get(1);
        Part bass = jazz.part(PartRole.BASS);
        long onBeat = bass.notes().stream().filter(n -> near(Math.floorMod(n.tick(), 480), 0, 12)).count();
        assertTrue(onBeat >= bass.notes().size() * 0.95, "walking bass should sit on the beats");
        assertTrue(bass.notes().size() >= (jazz.bars() - 4) * 4 * 0.9, "walking bass should play every beat");
    }

    private static boolean near(int value, int target, int tolerance) {
        return Math.abs(value - target) <= tolerance || Math.abs(value - target - 480) <= tolerance;
    }

    private static boolean containsTwoFiveOne(Composition piece) {
        List<ChordSpan> chords = piece.chords();
        Key key = piece.key();
        for (int i = 0; i + 2 < chords.size(); i++) {
            if (chords.get(i).chord().root() == key.pitchClassOf(1)
                    && chords.get(i + 1).chord().root() == key.pitchClassOf(4)
                    && chords.get(i + 2).chord().root() == key.tonic()) {
                return true;
            }
        }
        return false;
    }

    private static double mean(Part part) {
        return part.notes().stream().mapToInt(Note::pitch).average().orElseThrow();
    }

    private static double meanVelocity(Composition piece) {
        List<Note> notes = new ArrayList<>();
        piece.parts().forEach(p -> notes.addAll(p.notes()));
        return notes.stream().mapToInt(Note::velocity).average().orElseThrow();
    }
}
