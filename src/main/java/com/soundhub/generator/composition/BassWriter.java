package com.soundhub.generator.composition;

import com.soundhub.generator.composition.FormPlanner.Kind;
import com.soundhub.generator.composition.FormPlanner.PlannedSection;
import com.soundhub.generator.composition.GenreStyle.BassStyle;
import com.soundhub.generator.composition.HarmonyPlanner.PlannedChord;

import java.util.SplittableRandom;

/**
 * Writes the bass: root/fifth figures per genre (driving eighths, off-beat house bass,
 * boom-bap, the bossa surdo figure...) and a walking line for jazz that steps towards
 * each next root through chord and scale tones and a chromatic or diatonic approach note.
 */
final class BassWriter {

    private static final int ROOT = 0;
    private static final int FIFTH = 1;
    private static final int OCTAVE = 2;
    private static final int APPROACH = 3;

    /** Figures as {step, tone, length in steps}. */
    private static final int[][][] ROOT_FIFTH = {
            {{0, ROOT, 6}, {6, ROOT, 2}, {8, FIFTH, 6}, {14, APPROACH, 2}},
            {{0, ROOT, 4}, {4, ROOT, 4}, {8, ROOT, 4}, {12, FIFTH, 4}},
            {{0, ROOT, 6}, {6, ROOT, 4}, {10, FIFTH, 2}, {12, ROOT, 4}}};
    private static final int[][][] EIGHTHS = {
            {{0, ROOT, 2}, {2, ROOT, 2}, {4, ROOT, 2}, {6, ROOT, 2}, {8, ROOT, 2}, {10, ROOT, 2}, {12, ROOT, 2},
                    {14, APPROACH, 2}},
            {{0, ROOT, 2}, {2, ROOT, 2}, {4, ROOT, 2}, {6, ROOT, 2}, {8, ROOT, 2}, {10, ROOT, 2}, {12, FIFTH, 2},
                    {14, OCTAVE, 2}}};
    private static final int[][][] OFFBEAT = {
            {{2, ROOT, 2}, {6, ROOT, 2}, {10, ROOT, 2}, {14, OCTAVE, 2}},
            {{2, ROOT, 2}, {6, OCTAVE, 2}, {10, ROOT, 2}, {14, OCTAVE, 2}}};
    private static final int[][][] BOOM_BAP = {
            {{0, ROOT, 5}, {7, ROOT, 2}, {10, FIFTH, 4}, {14, APPROACH, 2}},
            {{0, ROOT, 6}, {10, ROOT, 2}, {12, FIFTH, 4}}};
    private static final int[][][] SUSTAINED = {
            {{0, ROOT, 8}, {8, FIFTH, 8}},
            {{0, ROOT, 16}},
            {{0, ROOT, 12}, {12, FIFTH, 4}}};
    private static final int[][][] BOSSA = {
            {{0, ROOT, 6}, {6, ROOT, 2}, {8, FIFTH, 6}, {14, FIFTH, 2}}};

    private final Arrangement a;
    private final SplittableRandom random;
    private final PartBuilder out;
    private final int low;
    private final int high;
    private final boolean chromatic;
    private int previous;

    BassWriter(Arrangement arrangement, SplittableRandom random, SplittableRandom feel) {
        this.a = arrangement;
        this.random = random;
        this.low = a.bassLow();
        this.high = a.bassHigh();
        this.out = new PartBuilder(feel, 3, 8, 4, a.lengthTicks, low, high);
        this.chromatic = a.style.bassStyle() == BassStyle.WALKING;
        this.previous = low + 7;
    }

    Part write() {
        int[][][] figures = figures(a.style.bassStyle());
        int figureA = random.nextInt(figures.length);
        int figureB = random.nextInt(figures.length);
        for (PlannedSection section : a.sections) {
            for (int bar = section.startBar(); bar < section.startBar() + section.bars(); bar++) {
                if (a.bassRests(bar)) {
                    continue;
                }
                if (a.isFinalBar(bar)) {
                    int root = place(a.harmony.get(bar).first().chord().root());
                    int tick = a.tickOf(bar, 0);
                    out.add(tick, a.lengthTicks - tick, root, a.velocity(bar, 0.9));
                } else if (a.style.bassStyle() == BassStyle.WALKING && section.kind() != Kind.INTRO) {
                    walk(bar);
                } else if (a.style.bassStyle() == BassStyle.WALKING) {
                    play(bar, SUSTAINED[0]); // a two-feel intro before the walk starts
                } else {
                    play(bar, figures[section.theme() == 'B' ? figureB : figureA]);
                }
            }
        }
        Instrument instrument = a.style.bass();
        return new Part(PartRole.BASS, instrument.name(), instrument.program(), PartRole.BASS.channel(),
                low, high, out.build());
    }

    private static int[][][] figures(BassStyle style) {
        return switch (style) {
            case ROOT_FIFTH -> ROOT_FIFTH;
            case DRIVING_EIGHTHS -> EIGHTHS;
            case OFFBEAT -> OFFBEAT;
            case BOOM_BAP -> BOOM_BAP;
            case SUSTAINED, WALKING -> SUSTAINED;
            case BOSSA -> BOSSA;
        };
    }

    private void play(int bar, int[][] figure) {
        int root = -1;
        PlannedChord current = null;
        for (int[] hit : figure) {
            int step = hit[0];
            PlannedChord chord = a.harmony.get(bar).at(step);
            if (chord != current) {
                current = chord;
                root = place(chord.chord().root());
            }
            int pitch = switch (hit[1]) {
                case FIFTH -> fifthAbove(root, chord.chord());
                case OCTAVE -> root + 12 <= high ? root + 12 : root;
                case APPROACH -> approach(nextRoot(bar, step), root);
                default -> root;
            };
            int end = Math.min(step + hit[2], nextChordStep(bar, step));
            int tick = a.tickOf(bar, step);
            int duration = (int) ((a.tickOf(bar, end) - tick) * 0.9);
            out.add(tick, duration, pitch, a.velocity(bar, 0.9 * Arrangement.accent(step)));
            previous = pitch;
        }
    }

    /**
     * Four quarter notes: the root, two passing chord or scale tones heading for the next
     * root, and an approach note a step away from it.
     */
    private void walk(int bar) {
        var chords = a.harmony.get(bar).chords();
        int first = place(chords.get(0).chord().root());
        int target = near(nextRoot(bar, 12), first);
        int[] line = new int[4];
        line[0] = first;
        line[3] = approach(target, first);
        if (chords.size() > 1) {
            int second = near(chords.get(1).chord().root(), first);
            line[1] = chordToneNear(chords.get(0).chord(), (first + second) / 2.0, first);
            line[2] = second;
        } else {
            line[1] = chordToneNear(chords.get(0).chord(), (first + line[3]) / 2.0, first);
            line[2] = scaleToneBetween(line[1], line[3]);
        }
        for (int beat = 0; beat < 4; beat++) {
            int pitch = foldIntoRange(line[beat]);
            int tick = a.tickOf(bar, beat * 4);
            int duration = (int) ((a.tickOf(bar, beat * 4 + 4) - tick) * 0.92);
            double strength = beat % 2 == 0 ? 0.92 : 0.85;
            out.add(tick, duration, pitch, a.velocity(bar, strength));
            previous = pitch;
        }
    }

    private int nextChordStep(int bar, int step) {
        for (PlannedChord c : a.harmony.get(bar).chords()) {
            if (c.startStep() > step) {
                return c.startStep();
            }
        }
        return Arrangement.STEPS_PER_BAR;
    }

    private int nextRoot(int bar, int step) {
        for (PlannedChord c : a.harmony.get(bar).chords()) {
            if (c.startStep() > step) {
                return c.chord().root();
            }
        }
        return a.harmonyAfter(bar).first().chord().root();
    }

    /** Places a pitch class low in the register, near the previous note. */
    private int place(int pitchClass) {
        int best = -1;
        double bestCost = Double.MAX_VALUE;
        for (int p = low; p <= high; p++) {
            if (Math.floorMod(p, 12) == Math.floorMod(pitchClass, 12)) {
                double cost = Math.abs(p - previous) + 1.5 * Math.max(0, p - (low + 12));
                if (cost < bestCost) {
                    bestCost = cost;
                    best = p;
                }
            }
        }
        return best;
    }

    private int near(int pitchClass, int reference) {
        int p = reference + Math.floorMod(pitchClass - reference, 12);
        if (p - reference > 6) {
            p -= 12;
        }
        return foldIntoRange(p);
    }

    private int fifthAbove(int root, Chord chord) {
        int fifth = chord.size() > 2 ? chord.intervals().get(2) : 7;
        return root + fifth <= high ? root + fifth : root + fifth - 12;
    }

    /** A step below (or above, when coming from above) the target: chromatic in a walking line about a third of the time. */
    private int approach(int targetPitchClass, int from) {
        int target = near(targetPitchClass, from);
        int direction = from <= target ? -1 : 1;
        if (chromatic && Randomness.chance(random, 0.35)) {
            return foldIntoRange(target + direction);
        }
        int p = target + direction;
        while (!a.key.contains(p)) {
            p += direction;
        }
        return foldIntoRange(p);
    }

    private int chordToneNear(Chord chord, double goal, int avoid) {
        int best = avoid;
        double bestDistance = Double.MAX_VALUE;
        for (int p = low; p <= high; p++) {
            if (p != avoid && chord.contains(p)) {
                double distance = Math.abs(p - goal);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = p;
                }
            }
        }
        return best;
    }

    private int scaleToneBetween(int from, int to) {
        int direction = Integer.signum(to - from);
        if (direction == 0) {
            direction = 1;
        }
        int p = from + direction;
        while (!a.key.contains(p)) {
            p += direction;
        }
        if (p == to) {
            // No room between the two: step away and let the approach note come back.
            p = from - direction;
            while (!a.key.contains(p)) {
                p -= direction;
            }
        }
        return p;
    }

    private int foldIntoRange(int pitch) {
        int p = pitch;
        while (p > high) {
            p -= 12;
        }
        while (p < low) {
            p += 12;
        }
        return p;
    }
}
