package com.soundhub.generator.composition;

import com.soundhub.generator.composition.FormPlanner.Kind;
import com.soundhub.generator.composition.FormPlanner.PlannedSection;
import com.soundhub.generator.composition.HarmonyPlanner.PlannedChord;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the melody from a short motif per theme.
 *
 * <p>A motif is two bars of rhythm drawn from {@link RhythmProbability} plus a contour of
 * scale steps drawn from a normal distribution. The first four-bar phrase of a section states
 * the motif, answers it transposed, and closes on a held chord tone; later phrases develop it
 * (sequence or inversion of its shape, fragmentation, augmentation or variation of its rhythm),
 * and recurring sections vary it again while keeping its opening bar. Notes on beats snap to
 * chord tones except for occasional suspensions and appoggiaturas, which the next note resolves
 * by step; after a leap of a fourth or more the line turns back by a step; other notes stay in
 * the scale, and every note stays inside the instrument's register.
 */
final class MelodyWriter {

    private static final int BAR = Arrangement.STEPS_PER_BAR;
    private static final int MAX_NOTE_STEPS = 8;
    private static final int BREATH_STEPS = 2;
    private static final int NONE = Integer.MIN_VALUE;

    /** Two bars of onsets and one contour step per onset. */
    private record Motif(boolean[][] rhythm, int[] steps) {
        int onsetsInBar(int bar) {
            int n = 0;
            for (boolean b : rhythm[bar]) {
                if (b) {
                    n++;
                }
            }
            return n;
        }
    }

    /** How a theme's phrases are laid out: motif, start degree and transpositions. */
    private record Theme(Motif motif, int startDegree, int answerShift, int restatementShift) {
    }

    /** A note before pitch and tick are fixed: step from the phrase start, contour step, held cadence note. */
    private record Slot(int step, int contourStep, boolean cadence) {
    }

    private final Arrangement a;
    private final SplittableRandom random;
    private final PartBuilder out;
    private final RhythmProbability rhythm;
    private final boolean sixteenths;
    private final double density;
    private final double articulation;
    private final int low;
    private final int high;
    private final int tonicBase;
    private int previousDegree;
    /** Degree of the last note written, across phrases; {@link #NONE} before the first. */
    private int lastDegree = NONE;
    /** Semitones of the leap into the last note (5 or more), 0 when it was reached by a step. */
    private int lastLeap;
    /** Degree of a non-chord tone on the last beat that the next note must resolve, or {@link #NONE}. */
    private int pendingResolution = NONE;

    MelodyWriter(Arrangement arrangement, SplittableRandom random, SplittableRandom feel) {
        this.a = arrangement;
        this.random = random;
        this.low = a.melodyLow();
        this.high = a.melodyHigh();
        this.out = new PartBuilder(feel, 4, 10, 5, a.lengthTicks, low, high);
        this.rhythm = new RhythmProbability(a.randomness());
        this.sixteenths = a.style.melodySixteenths() && a.request.tempoBpm() < 132;
        this.density = 0.55 + 0.5 * a.mood.energy();
        this.articulation = a.style.genre() == Genre.HOUSE ? 0.6 : 0.92;
        // Degree 0 sits at or just below the bottom of the register; degrees count up from it.
        this.tonicBase = low - Math.floorMod(low - a.key.tonic(), 12);
        this.previousDegree = centreDegree();
    }

    Part write() {
        Theme themeA = theme();
        Theme themeB = theme();
        Theme themeC = a.sections.stream().anyMatch(s -> s.theme() == 'C') ? theme() : themeB;
        for (PlannedSection section : a.sections) {
            if (section.kind() == Kind.BODY) {
                Theme theme = section.theme() == 'A' ? themeA : section.theme() == 'B' ? themeB : themeC;
                writeSection(section, section.occurrence() == 0 ? theme : varied(theme, section.occurrence()));
            } else if (section.kind() == Kind.OUTRO) {
                writeEnding(section);
            }
        }
        Instrument instrument = a.style.melody();
        return new Part(PartRole.MELODY, instrument.name(), instrument.program(), PartRole.MELODY.channel(),
                low, high, out.build());
    }

    // ----- motif and theme ----------------------------------------------------------------

    private Theme theme() {
        boolean[] first = rhythm.sampleBar(random, density, sixteenths);
        first[0] = true; // motifs open on the downbeat so they are easy to recognise
        if (count(first) < 3) {
            first[8] = true;
        }
        boolean[] second = mutate(first, 1 + random.nextInt(2));
        boolean[][] bars = {first, second};
        int total = count(first) + count(second);
        int[] steps = contour(total);
        // Open a little below the middle of the register so the line has room to rise.
        int start = centreDegree() + Randomness.pick(random, List.of(-4, -2, -2, 0, 2));
        int answer = Randomness.pick(random, List.of(-2, -1, 1, 2, 3));
        int restatement = Randomness.pick(random, List.of(0, 1, -1, 2));
        return new Theme(new Motif(bars, steps), start, answer, restatement);
    }

    /** A recurring section keeps the motif's shape but shifts it and changes a rhythm or two. */
    private Theme varied(Theme theme, int occurrence) {
        Motif motif = theme.motif();
        boolean[][] rhythmBars = {motif.rhythm()[0].clone(), mutate(motif.rhythm()[1], 1)};
        int total = count(rhythmBars[0]) + count(rhythmBars[1]);
        int[] steps = new int[total];
        for (int i = 0; i < total; i++) {
            steps[i] = i < motif.steps().length ? motif.steps()[i] : stepAfter(steps[i - 1]);
        }
        int shift = occurrence % 2 == 1 ? Randomness.pick(random, List.of(-1, 1, 2)) : 0;
        return new Theme(new Motif(rhythmBars, steps), theme.startDegree() + shift, theme.answerShift(),
                theme.restatementShift());
    }

    /** Toggles a few positions, preferring to add strong onsets and to drop weak ones. */
    private boolean[] mutate(boolean[] bar, int changes) {
        boolean[] copy = bar.clone();
        for (int c = 0; c < changes; c++) {
            int step = 1 + random.nextInt(BAR - 1);
            if (!sixteenths && RhythmProbability.metricalLevel(step) == RhythmProbability.SIXTEENTH) {
                step -= 1;
            }
            if (step == 0) {
                continue;
            }
            double keep = rhythm.probability(step);
            copy[step] = copy[step] ? random.nextDouble() < keep : random.nextDouble() < 0.5 + keep / 2;
        }
        if (count(copy) < 2) {
            copy[8] = true;
        }
        return copy;
    }

    private int[] contour(int length) {
        int[] steps = new int[length];
        for (int i = 1; i < length; i++) {
            steps[i] = stepAfter(steps[i - 1]);
        }
        return steps;
    }

    /** Melodic motion: mostly steps from a normal distribution; a leap is usually answered by a step back. */
    private int stepAfter(int previous) {
        if (Math.abs(previous) >= 3 && Randomness.chance(random, 0.8)) {
            return -Integer.signum(previous) * (Randomness.chance(random, 0.7) ? 1 : 2);
        }
        int step = (int) Math.round(Randomness.gaussian(random) * a.mood.stepSpread());
        if (step == 0 && Randomness.chance(random, 0.5)) {
            step = (int) Math.round(Randomness.gaussian(random) * a.mood.stepSpread());
        }
        return Math.max(-7, Math.min(7, step));
    }

    // ----- phrases ------------------------------------------------------------------------

    private void writeSection(PlannedSection section, Theme theme) {
        int bar = section.startBar();
        int end = section.startBar() + section.bars();
        int phrase = 0;
        while (bar < end) {
            int length = Math.min(4, end - bar);
            boolean sectionEnd = bar + length == end;
            int shift = phrase % 2 == 0 ? 0 : theme.restatementShift();
            // The first phrase states the theme; the ones after it develop it rather than repeat it.
            Theme stated = phrase == 0 ? theme : developed(theme);
            writePhrase(bar, length, stated, stated.startDegree() + shift, sectionEnd);
            bar += length;
            phrase++;
        }
    }

    /** The ways a later phrase works on the motif. */
    enum Development { SEQUENCE, INVERSION, FRAGMENTATION, AUGMENTATION, RHYTHMIC_VARIATION }

    /**
     * The motif developed for a later phrase: one technique on its shape (sequence: the same
     * shape moved up or down; inversion: the contour upside down) and one on its rhythm
     * (fragmentation: its opening half-bar twice; augmentation: that half-bar at half speed;
     * rhythmic variation: a few onsets moved), so the phrase is heard as the same idea, changed.
     */
    private Theme developed(Theme theme) {
        Motif motif = theme.motif();
        boolean[][] bars = {motif.rhythm()[0].clone(), motif.rhythm()[1].clone()};
        Development rhythmic = Randomness.pick(random,
                List.of(Development.FRAGMENTATION, Development.AUGMENTATION, Development.RHYTHMIC_VARIATION));
        switch (rhythmic) {
            case FRAGMENTATION -> {
                for (int step = 0; step < BAR / 2; step++) {
                    bars[0][step + BAR / 2] = bars[0][step];
                }
            }
            case AUGMENTATION -> {
                boolean[] slow = new boolean[BAR];
                for (int step = 0; step < BAR / 2; step++) {
                    slow[2 * step] = bars[0][step];
                }
                bars[0] = slow;
            }
            default -> bars[0] = mutate(bars[0], 2);
        }
        // The motif's second bar (which also opens the cadence bar) changes too, early in the bar.
        bars[1] = mutate(bars[1], 2);
        if (java.util.Arrays.equals(bars[1], motif.rhythm()[1])) {
            bars[1][Randomness.pick(random, List.of(2, 4, 6))] ^= true;
        }
        bars[0][0] = true;
        int total = count(bars[0]) + count(bars[1]);
        int[] steps = new int[total];
        Development shape = Randomness.chance(random, 0.5) ? Development.INVERSION : Development.SEQUENCE;
        for (int i = 0; i < total; i++) {
            int original = i < motif.steps().length ? motif.steps()[i] : stepAfter(steps[i - 1]);
            steps[i] = shape == Development.INVERSION ? -original : original;
        }
        int sequence = shape == Development.SEQUENCE ? Randomness.pick(random, List.of(-2, -1, 1, 2)) : 0;
        return new Theme(new Motif(bars, steps), theme.startDegree() + sequence, theme.answerShift(),
                theme.restatementShift());
    }

    /**
     * One phrase: motif bar 1, motif bar 2, answer (bar 1 transposed), cadence bar. Shorter
     * phrases keep the opening bars and always finish with the cadence bar.
     */
    private void writePhrase(int firstBar, int length, Theme theme, int startDegree, boolean sectionEnd) {
        Motif motif = theme.motif();
        List<Slot> slots = new ArrayList<>();
        int firstBarOnsets = motif.onsetsInBar(0);
        for (int i = 0; i < length; i++) {
            boolean cadenceBar = i == length - 1;
            int source = i == 2 ? 0 : i % 2;
            if (cadenceBar) {
                addCadenceBar(slots, motif, i);
            } else {
                int offset = source == 0 ? 0 : firstBarOnsets;
                int n = 0;
                for (int step = 0; step < BAR; step++) {
                    if (motif.rhythm()[source][step]) {
                        int contour = motif.steps()[Math.min(offset + n, motif.steps().length - 1)];
                        if (i == 2 && n == 0) {
                            contour = theme.answerShift(); // the answer: motif bar 1 moved off its first pitch
                        }
                        slots.add(new Slot(i * BAR + step, contour, false));
                        n++;
                    }
                }
            }
        }
        realise(slots, firstBar, startDegree, sectionEnd);
    }

    /** The closing bar: the first half of motif bar 2, then a held note on a chord tone. */
    private void addCadenceBar(List<Slot> slots, Motif motif, int index) {
        int n = 0;
        int offset = motif.onsetsInBar(0);
        for (int step = 0; step < 8; step++) {
            if (motif.rhythm()[1][step]) {
                int contour = motif.steps()[Math.min(offset + n, motif.steps().length - 1)];
                slots.add(new Slot(index * BAR + step, contour, false));
                n++;
            }
        }
        slots.add(new Slot(index * BAR + 8, n == 0 ? 0 : -Integer.signum(motif.steps()[offset]), true));
    }

    private void realise(List<Slot> slots, int firstBar, int startDegree, boolean sectionEnd) {
        int degree = startDegree;
        int previousStep = 0;
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            int bar = firstBar + slot.step() / BAR;
            int stepInBar = slot.step() % BAR;
            PlannedChord chord = a.harmony.get(bar).at(stepInBar);
            int candidate = i == 0 ? nearestChordDegree(startDegree, chord, 0) : degree + slot.contourStep();
            candidate = keepInside(candidate, degree, slot.contourStep());
            boolean strong = RhythmProbability.metricalLevel(stepInBar) <= RhythmProbability.BEAT;
            boolean last = i + 1 == slots.size();
            if (slot.cadence()) {
                candidate = sectionEnd ? stableDegree(candidate, chord) : nearestChordDegree(candidate, chord, previousStep);
            } else if (pendingResolution != NONE) {
                // The note after a suspension or appoggiatura resolves it by step to a chord tone.
                candidate = resolution(lastDegree, pendingResolution, chord);
            } else if (lastLeap != 0) {
                // After a leap the line turns back by a step, as a singer would: the gap is filled.
                candidate = lastDegree - Integer.signum(lastLeap);
            } else if (strong) {
                candidate = nearestChordDegree(candidate, chord, slot.contourStep());
                if (!last && !slots.get(i + 1).cadence() && lastDegree != NONE
                        && Randomness.chance(random, nonChordToneChance())) {
                    candidate = nonChordTone(candidate, chord);
                }
            }
            candidate = fold(candidate);
            pendingResolution = NONE;
            if (strong && !slot.cadence() && !isChordDegree(candidate, chord) && !last) {
                // Whatever put a non-chord tone on the beat (a leap's recovery, a suspension), it resolves next.
                pendingResolution = candidate;
            }
            previousStep = candidate - degree;
            degree = candidate;
            remember(degree);

            int nextStep = i + 1 < slots.size() ? slots.get(i + 1).step() : ((slot.step() / BAR) + 1) * BAR;
            int lengthSteps;
            if (slot.cadence()) {
                lengthSteps = BAR - stepInBar - (sectionEnd ? 0 : BREATH_STEPS);
            } else {
                lengthSteps = Math.min(nextStep - slot.step(), MAX_NOTE_STEPS);
            }
            int tick = a.tickOf(bar, stepInBar);
            int endTick = slot.cadence() ? a.tickOf(bar, stepInBar + lengthSteps)
                    : a.tickOf(firstBar, slot.step() + lengthSteps);
            int duration = (int) Math.max(a.stepTicks / 2.0, (endTick - tick) * (slot.cadence() ? 0.97 : articulation));
            int velocity = a.velocity(bar, 0.95 * Arrangement.accent(stepInBar));
            out.add(tick, duration, pitchOf(degree), velocity);
        }
        previousDegree = degree;
    }

    /** Records the note just written: its degree and, if it was reached by a leap, the leap's size. */
    private void remember(int degree) {
        int interval = lastDegree == NONE ? 0 : pitchOf(degree) - pitchOf(lastDegree);
        lastLeap = Math.abs(interval) >= ListeningMeasures.LEAP ? interval : 0;
        lastDegree = degree;
    }

    /** How often a strong beat carries a suspension or appoggiatura instead of a chord tone. */
    private double nonChordToneChance() {
        return switch (a.style.genre()) {
            case JAZZ, BOSSA_NOVA, BALLAD -> 0.16;
            case HOUSE, ROCK -> 0.08;
            default -> 0.12;
        };
    }

    /**
     * A non-chord tone on the beat: a suspension (the previous note held over when it is not a
     * tone of the new chord) or an appoggiatura (the step above the chord tone).
     */
    private int nonChordTone(int chordDegree, PlannedChord chord) {
        if (!isChordDegree(lastDegree, chord) && Math.abs(lastDegree - chordDegree) == 1) {
            return lastDegree;
        }
        int above = chordDegree + 1;
        return isChordDegree(above, chord) || above > highestDegree() ? chordDegree : above;
    }

    /** The chord tone a step from a non-chord tone, preferring the step down (the usual resolution). */
    private int resolution(int from, int nonChordDegree, PlannedChord chord) {
        for (int d : new int[]{nonChordDegree - 1, nonChordDegree + 1}) {
            if (isChordDegree(d, chord) && d >= lowestDegree() && d <= highestDegree()) {
                return d;
            }
        }
        return nearestChordDegree(from - 1, chord, -1);
    }

    /** The final bars: a short dominant figure (in a two-bar outro) then the tonic held to the end. */
    private void writeEnding(PlannedSection outro) {
        int degree = previousDegree;
        for (int bar = outro.startBar(); bar < outro.startBar() + outro.bars() - 1; bar++) {
            int[] steps = {0, 4, 8};
            for (int step : steps) {
                degree = fold(nearestChordDegree(degree + (step == 0 ? 0 : -1), a.harmony.get(bar).at(step), -1));
                int tick = a.tickOf(bar, step);
                int duration = (int) ((a.tickOf(bar, step + 4) - tick) * articulation);
                out.add(tick, duration, pitchOf(degree), a.velocity(bar, 0.9 * Arrangement.accent(step)));
                remember(degree);
            }
        }
        int finalBar = outro.startBar() + outro.bars() - 1;
        int tonic = nearestTonic(degree);
        int tick = a.tickOf(finalBar, 0);
        out.add(tick, a.lengthTicks - tick, pitchOf(tonic), a.velocity(finalBar, 0.95));
    }

    // ----- pitch helpers ------------------------------------------------------------------

    private int pitchOf(int degree) {
        return tonicBase + a.key.mode().semitonesOf(degree);
    }

    private int lowestDegree() {
        int d = 0;
        while (pitchOf(d) < low) {
            d++;
        }
        return d;
    }

    private int highestDegree() {
        int d = lowestDegree();
        while (pitchOf(d + 1) <= high) {
            d++;
        }
        return d;
    }

    private int centreDegree() {
        return (lowestDegree() + highestDegree()) / 2;
    }

    /** Reflects motion that would leave the register back towards its middle. */
    private int keepInside(int candidate, int from, int step) {
        if (candidate > highestDegree() || candidate < lowestDegree()) {
            candidate = from - step;
        }
        return fold(candidate);
    }

    private int fold(int degree) {
        int d = degree;
        while (d > highestDegree()) {
            d -= 7;
        }
        while (d < lowestDegree()) {
            d += 7;
        }
        return d;
    }

    /** Nearest degree that is a chord tone, searching first in the direction of motion. */
    private int nearestChordDegree(int degree, PlannedChord chord, int direction) {
        int first = direction >= 0 ? 1 : -1;
        for (int distance = 0; distance <= 3; distance++) {
            for (int sign : new int[]{first, -first}) {
                int d = degree + sign * distance;
                if (isChordDegree(d, chord) && d >= lowestDegree() && d <= highestDegree()) {
                    return d;
                }
            }
        }
        return degree;
    }

    /** Section endings settle on the chord's root or third, whichever is closer. */
    private int stableDegree(int degree, PlannedChord chord) {
        int best = degree;
        int bestDistance = Integer.MAX_VALUE;
        int root = chord.degree();
        for (int d = lowestDegree(); d <= highestDegree(); d++) {
            int relative = Math.floorMod(d - root, 7);
            if ((relative == 0 || relative == 2) && isChordDegree(d, chord)) {
                int distance = Math.abs(d - degree);
                if (distance < bestDistance) {
                    best = d;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private int nearestTonic(int degree) {
        int best = fold(0);
        for (int d = lowestDegree(); d <= highestDegree(); d++) {
            if (Math.floorMod(d, 7) == 0 && Math.abs(d - degree) < Math.abs(best - degree)) {
                best = d;
            }
        }
        return best;
    }

    private static boolean isChordDegree(int degree, PlannedChord chord) {
        int d = Math.floorMod(degree, 7);
        for (int m : chord.melodyDegrees()) {
            if (m == d) {
                return true;
            }
        }
        return false;
    }

    private static int count(boolean[] bar) {
        int n = 0;
        for (boolean b : bar) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
