package com.soundhub.generator.composition;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistical shape of the melodies over the whole test corpus. */
class MelodyShapeTest {

    @Test
    void stepsAreCommonAndLeapsRareAndUsuallyAnswered() {
        int intervals = 0;
        int small = 0;
        int leaps = 0;
        int answeredLeaps = 0;
        int leapsWithAnswer = 0;
        for (Genre genre : Genre.values()) {
            for (Composition piece : Pieces.of(genre)) {
                List<Integer> steps = melodicIntervals(piece);
                for (int i = 0; i < steps.size(); i++) {
                    int step = steps.get(i);
                    intervals++;
                    if (Math.abs(step) <= 4) {
                        small++;
                    }
                    if (Math.abs(step) >= 7) {
                        leaps++;
                        if (i + 1 < steps.size() && steps.get(i + 1) != 0) {
                            leapsWithAnswer++;
                            if (Integer.signum(steps.get(i + 1)) == -Integer.signum(step)) {
                                answeredLeaps++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(small >= intervals * 0.65, "small steps: " + small + "/" + intervals);
        assertTrue(leaps <= intervals * 0.15, "leaps: " + leaps + "/" + intervals);
        assertTrue(answeredLeaps >= leapsWithAnswer * 0.6, "leaps turned back: " + answeredLeaps + "/" + leapsWithAnswer);
    }

    @Test
    void strongBeatsCarryChordTonesAndOtherNotesStayInTheScale() {
        int strong = 0;
        int strongChordTones = 0;
        int notes = 0;
        int inScale = 0;
        for (Genre genre : Genre.values()) {
            for (Composition piece : Pieces.of(genre)) {
                for (Note note : piece.part(PartRole.MELODY).notes()) {
                    notes++;
                    if (piece.key().contains(note.pitch() % 12)) {
                        inScale++;
                    }
                    int grid = Math.round(note.tick() / 120f);
                    if (grid % 4 == 0) {
                        strong++;
                        Chord chord = chordAt(piece, grid * 120);
                        if (chord.contains(note.pitch() % 12)) {
                            strongChordTones++;
                        }
                    }
                }
            }
        }
        assertTrue(inScale == notes, "melody notes outside the key: " + (notes - inScale));
        assertTrue(strongChordTones >= strong * 0.85, "chord tones on beats: " + strongChordTones + "/" + strong);
    }

    @Test
    void melodyOnsetsFollowTheMetricalHierarchy() {
        int[] byLevel = new int[4];
        for (Genre genre : Genre.values()) {
            for (Composition piece : Pieces.of(genre)) {
                for (Note note : piece.part(PartRole.MELODY).notes()) {
                    int step = Math.floorMod(Math.round(note.tick() / 120f), 16);
                    byLevel[RhythmProbability.metricalLevel(step)]++;
                }
            }
        }
        // Per position: 1 downbeat, 3 other beats, 4 off-beat eighths, 8 sixteenths per bar.
        double downbeat = byLevel[0];
        double beat = byLevel[1] / 3.0;
        double offbeat = byLevel[2] / 4.0;
        double sixteenth = byLevel[3] / 8.0;
        assertTrue(downbeat > beat && beat > offbeat && offbeat > sixteenth,
                "onsets per position: " + downbeat + ", " + beat + ", " + offbeat + ", " + sixteenth);
    }

    @Test
    void themesComeBackWithTheirMotifRhythm() {
        int recurring = 0;
        int checked = 0;
        for (Genre genre : Genre.values()) {
            for (Composition piece : Pieces.of(genre)) {
                Section first = find(piece, "A");
                Section second = find(piece, "A'");
                if (first == null || second == null) {
                    continue;
                }
                checked++;
                boolean[] a = onsets(piece, first.startTick());
                boolean[] b = onsets(piece, second.startTick());
                int distance = 0;
                for (int i = 0; i < a.length; i++) {
                    if (a[i] != b[i]) {
                        distance++;
                    }
                }
                if (distance <= 3) {
                    recurring++;
                }
            }
        }
        assertTrue(checked > 100);
        assertTrue(recurring >= checked * 0.9, "motif rhythm recurs in " + recurring + "/" + checked);
    }

    /** Melody onsets in the two bars from {@code start}, on the sixteenth grid. */
    private static boolean[] onsets(Composition piece, int start) {
        boolean[] grid = new boolean[32];
        for (Note note : piece.part(PartRole.MELODY).notes()) {
            int step = Math.round((note.tick() - start) / 120f);
            if (step >= 0 && step < 32) {
                grid[step] = true;
            }
        }
        return grid;
    }

    private static Section find(Composition piece, String label) {
        return piece.sections().stream().filter(s -> s.label().equals(label)).findFirst().orElse(null);
    }

    private static Chord chordAt(Composition piece, int tick) {
        for (ChordSpan span : piece.chords()) {
            if (tick >= span.startTick() && tick < span.endTick()) {
                return span.chord();
            }
        }
        return piece.chords().get(piece.chords().size() - 1).chord();
    }

    private static List<Integer> melodicIntervals(Composition piece) {
        List<Integer> steps = new ArrayList<>();
        List<Note> notes = piece.part(PartRole.MELODY).notes();
        for (int i = 1; i < notes.size(); i++) {
            Note previous = notes.get(i - 1);
            Note note = notes.get(i);
            // Only within a phrase: a rest of a beat or more starts a new line.
            if (note.tick() - previous.endTick() < 480) {
                steps.add(note.pitch() - previous.pitch());
            }
        }
        return steps;
    }
}
