package com.soundhub.generator.composition;

import com.soundhub.generator.composition.FormPlanner.Kind;
import com.soundhub.generator.composition.FormPlanner.PlannedSection;
import com.soundhub.generator.composition.GenreStyle.CompStyle;
import com.soundhub.generator.composition.HarmonyPlanner.PlannedChord;

import java.util.SplittableRandom;

/**
 * Writes the harmony part: the genre's accompaniment figure (block chords, power chords,
 * jazz comping, off-beat stabs, held pads, arpeggios, bossa guitar) over voice-led
 * voicings of the planned chords.
 */
final class CompingWriter {

    /** Rhythm figures as {step, length in steps} pairs; each theme picks one per style. */
    private static final int[][][] BLOCK = {
            {{0, 8}, {8, 8}},
            {{0, 6}, {6, 4}, {10, 6}},
            {{0, 4}, {4, 4}, {8, 4}, {12, 4}},
            {{0, 3}, {3, 3}, {6, 2}, {8, 3}, {11, 3}, {14, 2}}};
    private static final int[][][] POWER = {
            {{0, 2}, {2, 2}, {4, 2}, {6, 2}, {8, 2}, {10, 2}, {12, 2}, {14, 2}},
            {{0, 6}, {6, 2}, {8, 6}, {14, 2}},
            {{0, 16}}};
    private static final int[][][] JAZZ = {
            {{0, 3}, {6, 2}},
            {{4, 2}, {10, 4}},
            {{2, 2}, {8, 4}}};
    private static final int[][][] STABS = {
            {{2, 1}, {6, 1}, {10, 1}, {14, 1}},
            {{2, 2}, {6, 2}, {10, 2}, {14, 2}},
            {{0, 3}, {3, 3}, {6, 2}, {10, 3}, {13, 3}}};
    private static final int[][][] PAD = {
            {{0, 16}},
            {{0, 6}, {6, 10}},
            {{0, 10}, {10, 6}}};
    private static final int[][][] BOSSA = {
            {{0, 3}, {3, 3}, {6, 4}, {10, 2}, {12, 4}},
            {{0, 2}, {3, 3}, {6, 2}, {8, 3}, {11, 3}, {14, 2}}};
    /** Arpeggio order over {bass, voicing...}: up, then a turn back. */
    private static final int[] ARPEGGIO_ORDER = {0, 1, 2, 3, 2, 1, 2, 3};

    private final Arrangement a;
    private final SplittableRandom random;
    private final PartBuilder out;
    private final int low;
    private final int high;
    private int[] previousVoicing;

    CompingWriter(Arrangement arrangement, SplittableRandom random, SplittableRandom feel) {
        this.a = arrangement;
        this.random = random;
        this.low = a.harmonyLow();
        this.high = a.harmonyHigh();
        this.out = new PartBuilder(feel, 4, 10, 4, a.lengthTicks, low, high);
    }

    Part write() {
        CompStyle style = a.style.compStyle();
        int[][][] figures = style == CompStyle.ARPEGGIO ? new int[0][][] : figures(style);
        int figureA = chooseFigure(figures.length);
        int figureB = chooseFigure(figures.length);
        for (PlannedSection section : a.sections) {
            for (int bar = section.startBar(); bar < section.startBar() + section.bars(); bar++) {
                if (a.isFinalBar(bar)) {
                    finalChord(bar);
                } else if (style == CompStyle.ARPEGGIO) {
                    arpeggio(bar);
                } else {
                    int figure = section.theme() == 'B' ? figureB : figureA;
                    if (section.kind() == Kind.INTRO && style == CompStyle.POWER_CHORDS) {
                        figure = 2; // guitars ring out in the intro, then start driving
                    }
                    if (style == CompStyle.JAZZ_COMP && Randomness.chance(random, 0.2)) {
                        figure = random.nextInt(figures.length); // comping breathes a little
                    }
                    play(bar, figures[figure], style);
                }
            }
        }
        Instrument instrument = a.style.harmony();
        return new Part(PartRole.HARMONY, instrument.name(), instrument.program(), PartRole.HARMONY.channel(),
                low, high, out.build());
    }

    private static int[][][] figures(CompStyle style) {
        return switch (style) {
            case BLOCK -> BLOCK;
            case POWER_CHORDS -> POWER;
            case JAZZ_COMP -> JAZZ;
            case OFFBEAT_STABS -> STABS;
            case PAD -> PAD;
            case BOSSA -> BOSSA;
            case ARPEGGIO -> throw new IllegalArgumentException("arpeggios are written note by note");
        };
    }

    /** Calm pieces lean to the sparser figures, energetic ones to the busier. */
    private int chooseFigure(int count) {
        if (count == 0) {
            return 0;
        }
        double energy = a.mood.energy();
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            double busyness = count == 1 ? 0.5 : (double) i / (count - 1);
            weights[i] = 1.0 - Math.abs(busyness - energy) * 0.8;
        }
        if (a.style.compStyle() == CompStyle.POWER_CHORDS) {
            weights[2] = energy < 0.5 ? 0.6 : 0.05;
            weights[0] = 0.4 + energy;
        }
        return Math.max(0, Randomness.weighted(random, weights));
    }

    private void play(int bar, int[][] figure, CompStyle style) {
        for (int[] hit : figure) {
            int step = hit[0];
            PlannedChord chord = a.harmony.get(bar).at(step);
            int[] voicing = voicing(chord.chord(), style);
            int end = Math.min(step + hit[1], nextChordStep(bar, step));
            int tick = a.tickOf(bar, step);
            int length = a.tickOf(bar, end) - tick;
            double articulation = style == CompStyle.OFFBEAT_STABS || style == CompStyle.POWER_CHORDS ? 0.7 : 0.95;
            double strength = (style == CompStyle.PAD ? 0.7 : 0.78) * Arrangement.accent(step);
            for (int pitch : voicing) {
                out.add(tick, (int) (length * articulation), pitch, a.velocity(bar, strength));
            }
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

    private int[] voicing(Chord chord, CompStyle style) {
        int[] v;
        if (style == CompStyle.POWER_CHORDS) {
            int root = low + Math.floorMod(chord.root() - low, 12);
            v = new int[]{root, root + 7, root + 12};
        } else {
            int voices = chord.size() >= 4 ? 4 : 3;
            v = Voicings.voice(chord, a.style.rootlessVoicings(), voices, low + 5, high, previousVoicing);
        }
        previousVoicing = v;
        return v;
    }

    /** Ballad piano: a low root under an eighth-note arpeggio of the voicing. */
    private void arpeggio(int bar) {
        for (int i = 0; i < ARPEGGIO_ORDER.length; i++) {
            int step = i * 2;
            PlannedChord chord = a.harmony.get(bar).at(step);
            int[] upper = Voicings.voice(chord.chord(), false, 3, low + 12, high, previousVoicing);
            previousVoicing = upper;
            int bass = low + Math.floorMod(chord.chord().root() - low, 12);
            int index = ARPEGGIO_ORDER[i];
            int pitch = index == 0 ? bass : upper[Math.min(index - 1, upper.length - 1)];
            int ring = index == 0 ? 8 : 4; // let notes ring like a sustain pedal
            int end = Math.min(step + ring, nextChordStep(bar, step));
            int tick = a.tickOf(bar, step);
            out.add(tick, a.tickOf(bar, end) - tick, pitch, a.velocity(bar, 0.72 * Arrangement.accent(step)));
        }
    }

    /** The last bar: the tonic chord struck once and held to the end. */
    private void finalChord(int bar) {
        Chord chord = a.harmony.get(bar).first().chord();
        int tick = a.tickOf(bar, 0);
        int duration = a.lengthTicks - tick;
        int[] voicing = a.style.compStyle() == CompStyle.POWER_CHORDS
                ? voicing(chord, CompStyle.POWER_CHORDS)
                : Voicings.voice(chord, false, Math.min(4, chord.size()), low + 5, high, previousVoicing);
        if (a.style.compStyle() == CompStyle.ARPEGGIO) {
            int bass = low + Math.floorMod(chord.root() - low, 12);
            out.add(tick, duration, bass, a.velocity(bar, 0.75));
        }
        for (int pitch : voicing) {
            out.add(tick, duration, pitch, a.velocity(bar, 0.8));
        }
    }
}
