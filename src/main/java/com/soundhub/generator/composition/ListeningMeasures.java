package com.soundhub.generator.composition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures of how a piece is written, beside the MusPy metrics of {@link MusicMetrics}: the
 * questions a listener asks of a generated piece (does the melody develop, does it sit above the
 * accompaniment, does a leap come back, does a minor piece end on a real dominant, do the drums
 * ever change) turned into counts over the notes and chords. Pure functions of a
 * {@link Composition}; counts rather than ratios, so many pieces can be pooled by adding them.
 *
 * <p>Note onsets are read on the sixteenth-note grid (the grid the composer writes on), so the
 * small timing jitter of humanisation does not make two equal rhythms look different.
 *
 * @param melodyBars              bars in which the melody has at least one onset
 * @param newRhythmBars           of those, bars whose onset pattern was not heard earlier in the piece
 * @param openingMotifRecurrences later bars repeating the rhythm of the first bar of the first body section
 * @param drumBars                bars after the first with drum onsets compared with the bar before
 * @param drumRepeats             of those, bars whose drum onset positions (any sound) equal the previous bar's, as
 *                                MusPy's groove consistency compares bars
 * @param leaps                   melodic intervals of 5 or more semitones followed by another note
 * @param recoveredLeaps          of those, followed by a step (1-2 semitones) in the opposite direction
 * @param strongBeatNotes         melody onsets on a beat
 * @param strongBeatNonChordTones of those, pitch classes outside the chord sounding there
 * @param resolvedNonChordTones   of those, followed by a step to a tone of the chord then sounding
 * @param melodyNotes             melody onsets
 * @param melodyAboveHarmony      of those, strictly above every harmony-part note sounding at the onset
 * @param chromaticNotes          pitched notes (all parts but drums) outside the key's scale
 * @param pitchedNotes            pitched notes (all parts but drums)
 * @param minorKey                1 when the key is minor or dorian (the keys whose cadence is measured), else 0
 * @param leadingToneCadence      1 when such a key's final cadence is a dominant on the fifth degree
 *                                holding the leading tone (harmonic-minor V or V7), else 0
 * @param chromaticChords         chord spans with a tone outside the key (secondary dominants,
 *                                borrowed chords, tritone substitutions, harmonic-minor dominants)
 * @param chords                  chord spans
 * @param sectionLevelRangeDb     loudest minus quietest section, from note velocities (see
 *                                {@link #sectionLevelsDb}); an estimate before rendering
 */
public record ListeningMeasures(int melodyBars, int newRhythmBars, int openingMotifRecurrences,
                                int drumBars, int drumRepeats,
                                int leaps, int recoveredLeaps,
                                int strongBeatNotes, int strongBeatNonChordTones, int resolvedNonChordTones,
                                int melodyNotes, int melodyAboveHarmony,
                                int chromaticNotes, int pitchedNotes,
                                int minorKey, int leadingToneCadence,
                                int chromaticChords, int chords,
                                double sectionLevelRangeDb) {

    /** Smallest interval, in semitones, counted as a leap. */
    public static final int LEAP = 5;
    private static final int STEPS_PER_BAR = 16;

    /** Measures one piece. */
    public static ListeningMeasures of(Composition c) {
        int stepTicks = c.ticksPerQuarter() / 4;
        List<Note> melody = c.hasPart(PartRole.MELODY) ? c.part(PartRole.MELODY).notes() : List.of();
        List<Note> harmony = c.hasPart(PartRole.HARMONY) ? c.part(PartRole.HARMONY).notes() : List.of();

        // --- rhythm of the melody, bar by bar
        List<Set<Integer>> melodyRhythm = barPatterns(melody, c, stepTicks);
        int firstBodyBar = c.sections().size() > 1 ? c.sections().get(1).startBar() : 0;
        Set<Integer> opening = firstBodyBar < melodyRhythm.size() ? melodyRhythm.get(firstBodyBar) : Set.of();
        Set<Set<Integer>> heard = new HashSet<>();
        int melodyBars = 0;
        int newRhythm = 0;
        int recurrences = 0;
        for (int bar = 0; bar < melodyRhythm.size(); bar++) {
            Set<Integer> pattern = melodyRhythm.get(bar);
            if (pattern.isEmpty()) {
                continue;
            }
            melodyBars++;
            if (heard.add(pattern)) {
                newRhythm++;
            }
            if (bar > firstBodyBar && !opening.isEmpty() && pattern.equals(opening)) {
                recurrences++;
            }
        }

        // --- drums
        int drumBars = 0;
        int drumRepeats = 0;
        if (c.hasPart(PartRole.DRUMS)) {
            List<Set<Integer>> drums = barPatterns(c.part(PartRole.DRUMS).notes(), c, stepTicks);
            for (int bar = 1; bar < drums.size(); bar++) {
                if (drums.get(bar).isEmpty() && drums.get(bar - 1).isEmpty()) {
                    continue;
                }
                drumBars++;
                if (drums.get(bar).equals(drums.get(bar - 1))) {
                    drumRepeats++;
                }
            }
        }

        // --- melodic line: leaps, non-chord tones, height above the harmony
        int leaps = 0;
        int recovered = 0;
        int strong = 0;
        int nonChord = 0;
        int resolved = 0;
        int above = 0;
        for (int i = 0; i < melody.size(); i++) {
            Note note = melody.get(i);
            Note next = i + 1 < melody.size() ? melody.get(i + 1) : null;
            if (i > 0 && next != null) {
                int interval = note.pitch() - melody.get(i - 1).pitch();
                if (Math.abs(interval) >= LEAP) {
                    leaps++;
                    int after = next.pitch() - note.pitch();
                    if (Math.abs(after) >= 1 && Math.abs(after) <= 2 && Integer.signum(after) == -Integer.signum(interval)) {
                        recovered++;
                    }
                }
            }
            int step = Math.round((float) note.tick() / stepTicks);
            if (step % 4 == 0) {
                strong++;
                // Looked up at the grid position: a note played a few ticks early still belongs to its beat.
                Chord chord = chordAt(c, step * stepTicks);
                if (chord != null && !chord.contains(note.pitch() % 12)) {
                    nonChord++;
                    if (next != null) {
                        Chord then = chordAt(c, Math.round((float) next.tick() / stepTicks) * stepTicks);
                        int move = Math.abs(next.pitch() - note.pitch());
                        if (move >= 1 && move <= 2 && then != null && then.contains(next.pitch() % 12)) {
                            resolved++;
                        }
                    }
                }
            }
            if (note.pitch() > highestSounding(harmony, step * stepTicks)) {
                above++;
            }
        }

        // --- key and chords
        int chromatic = 0;
        int pitched = 0;
        for (Part part : c.parts()) {
            if (part.isDrums()) {
                continue;
            }
            for (Note n : part.notes()) {
                pitched++;
                if (!c.key().contains(n.pitch() % 12)) {
                    chromatic++;
                }
            }
        }
        int chromaticChords = 0;
        for (ChordSpan span : c.chords()) {
            for (int t = 0; t < span.chord().size(); t++) {
                if (!c.key().contains(span.chord().pitchClass(t))) {
                    chromaticChords++;
                    break;
                }
            }
        }
        Mode mode = c.key().mode();
        boolean minor = mode == Mode.MINOR || mode == Mode.DORIAN;
        boolean leadingTone = false;
        if (minor && c.chords().size() >= 2) {
            Chord dominant = finalDominant(c);
            int fifth = Math.floorMod(c.key().tonic() + 7, 12);
            int leading = Math.floorMod(c.key().tonic() + 11, 12);
            leadingTone = dominant != null && dominant.root() == fifth && dominant.contains(leading);
        }

        double[] levels = sectionLevelsDb(c);
        double loudest = Double.NEGATIVE_INFINITY;
        double quietest = Double.POSITIVE_INFINITY;
        for (double level : levels) {
            if (Double.isFinite(level)) {
                loudest = Math.max(loudest, level);
                quietest = Math.min(quietest, level);
            }
        }
        return new ListeningMeasures(melodyBars, newRhythm, recurrences, drumBars, drumRepeats, leaps, recovered,
                strong, nonChord, resolved, melody.size(), above, chromatic, pitched,
                minor ? 1 : 0, leadingTone ? 1 : 0, chromaticChords, c.chords().size(),
                loudest >= quietest ? loudest - quietest : 0);
    }

    /** Sum of two pieces' counts (the level range keeps the larger); for pooling over many pieces. */
    public ListeningMeasures plus(ListeningMeasures o) {
        return new ListeningMeasures(melodyBars + o.melodyBars, newRhythmBars + o.newRhythmBars,
                openingMotifRecurrences + o.openingMotifRecurrences, drumBars + o.drumBars,
                drumRepeats + o.drumRepeats, leaps + o.leaps, recoveredLeaps + o.recoveredLeaps,
                strongBeatNotes + o.strongBeatNotes, strongBeatNonChordTones + o.strongBeatNonChordTones,
                resolvedNonChordTones + o.resolvedNonChordTones, melodyNotes + o.melodyNotes,
                melodyAboveHarmony + o.melodyAboveHarmony, chromaticNotes + o.chromaticNotes,
                pitchedNotes + o.pitchedNotes, minorKey + o.minorKey, leadingToneCadence + o.leadingToneCadence,
                chromaticChords + o.chromaticChords, chords + o.chords,
                Math.max(sectionLevelRangeDb, o.sectionLevelRangeDb));
    }

    /** Nothing measured: the start of a pooled sum. */
    public static ListeningMeasures none() {
        return new ListeningMeasures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public double newRhythmRate() {
        return ratio(newRhythmBars, melodyBars);
    }

    public double drumRepeatRate() {
        return ratio(drumRepeats, drumBars);
    }

    public double leapRecoveryRate() {
        return ratio(recoveredLeaps, leaps);
    }

    public double strongBeatNonChordRate() {
        return ratio(strongBeatNonChordTones, strongBeatNotes);
    }

    public double nonChordResolutionRate() {
        return ratio(resolvedNonChordTones, strongBeatNonChordTones);
    }

    public double melodyAboveRate() {
        return ratio(melodyAboveHarmony, melodyNotes);
    }

    public double chromaticNoteRate() {
        return ratio(chromaticNotes, pitchedNotes);
    }

    public double chromaticChordRate() {
        return ratio(chromaticChords, chords);
    }

    public double leadingToneCadenceRate() {
        return ratio(leadingToneCadence, minorKey);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /**
     * Level of each section in dB relative to full scale, estimated from the notes: a note of
     * velocity v adds (v/127)^4 of power while it sounds (the General MIDI / SoundFont default
     * maps velocity to amplitude as about (v/127)^2), summed over all parts and averaged over the
     * section's length. An estimate for comparing sections of one piece, not a loudness meter.
     */
    public static double[] sectionLevelsDb(Composition c) {
        double[] levels = new double[c.sections().size()];
        for (int s = 0; s < levels.length; s++) {
            Section section = c.sections().get(s);
            double energy = 0;
            for (Part part : c.parts()) {
                for (Note n : part.notes()) {
                    int start = Math.max(n.tick(), section.startTick());
                    // Drum hits are short whatever their written length; count a quarter note each.
                    int end = Math.min(part.isDrums() ? n.tick() + c.ticksPerQuarter() : n.endTick(), section.endTick());
                    if (end > start) {
                        double a = n.velocity() / 127.0;
                        energy += a * a * a * a * (end - start);
                    }
                }
            }
            double length = section.endTick() - section.startTick();
            levels[s] = energy > 0 ? 10 * Math.log10(energy / length) : Double.NEGATIVE_INFINITY;
        }
        return levels;
    }

    // ----- comparing pieces ------------------------------------------------------------

    /**
     * How often the second four-bar phrase of an eight-bar (or longer) section repeats the first
     * phrase's melody rhythm bar for bar: {@code {repeated bars, compared bars}}.
     */
    public static int[] phraseRhythmRepeats(Composition c) {
        int stepTicks = c.ticksPerQuarter() / 4;
        List<Set<Integer>> rhythm = barPatterns(c.part(PartRole.MELODY).notes(), c, stepTicks);
        int repeated = 0;
        int compared = 0;
        for (int s = 1; s + 1 < c.sections().size(); s++) {
            Section section = c.sections().get(s);
            for (int i = 4; i < Math.min(8, section.bars()); i++) {
                int bar = section.startBar() + i;
                compared++;
                if (rhythm.get(bar).equals(rhythm.get(bar - 4))) {
                    repeated++;
                }
            }
        }
        return new int[]{repeated, compared};
    }

    /** Scale degree (semitones above the tonic) of the chord root at each of the first {@code bars} bar lines. */
    public static int[] chordRootsByBar(Composition c, int bars) {
        int[] roots = new int[Math.min(bars, c.bars())];
        for (int bar = 0; bar < roots.length; bar++) {
            Chord chord = chordAt(c, bar * c.ticksPerBar());
            roots[bar] = chord == null ? -1 : Math.floorMod(chord.root() - c.key().tonic(), 12);
        }
        return roots;
    }

    /** Successive melodic intervals in semitones. */
    public static int[] melodyIntervals(Composition c) {
        List<Note> melody = c.part(PartRole.MELODY).notes();
        int[] intervals = new int[Math.max(0, melody.size() - 1)];
        for (int i = 1; i < melody.size(); i++) {
            intervals[i - 1] = melody.get(i).pitch() - melody.get(i - 1).pitch();
        }
        return intervals;
    }

    /** Fraction of positions, up to the shorter length, where two sequences hold the same value. */
    public static double agreement(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        if (n == 0) {
            return Double.NaN;
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / n;
    }

    /** The section plan as a string of labels, e.g. "Intro A A' B A'' Outro": what "form" means here. */
    public static String form(Composition c) {
        List<String> labels = new ArrayList<>();
        for (Section s : c.sections()) {
            labels.add(s.label());
        }
        return String.join(" ", labels);
    }

    /** The programs of the pitched parts, e.g. "melody 80, harmony 0, bass 33": the instrument set. */
    public static String instrumentSet(Composition c) {
        List<String> programs = new ArrayList<>();
        for (Part p : c.parts()) {
            programs.add(p.role().slug() + " " + p.program());
        }
        return String.join(", ", programs);
    }

    // ----- helpers ---------------------------------------------------------------------

    /** Per bar, the onset positions on the sixteenth grid. */
    private static List<Set<Integer>> barPatterns(List<Note> notes, Composition c, int stepTicks) {
        List<Set<Integer>> bars = new ArrayList<>();
        for (int bar = 0; bar < c.bars(); bar++) {
            bars.add(new HashSet<>());
        }
        for (Note n : notes) {
            int step = Math.round((float) n.tick() / stepTicks);
            int bar = step / STEPS_PER_BAR;
            if (bar < bars.size()) {
                bars.get(bar).add(step % STEPS_PER_BAR);
            }
        }
        return bars;
    }

    private static Chord chordAt(Composition c, int tick) {
        for (ChordSpan span : c.chords()) {
            if (tick >= span.startTick() && tick < span.endTick()) {
                return span.chord();
            }
        }
        return c.chords().isEmpty() ? null : c.chords().get(c.chords().size() - 1).chord();
    }

    /** The dominant of the final cadence: the last chord before the closing tonic chord. */
    private static Chord finalDominant(Composition c) {
        List<ChordSpan> chords = c.chords();
        int last = chords.size() - 1;
        int i = last;
        while (i > 0 && chords.get(i).chord().root() == c.key().tonic()) {
            i--;
        }
        return i == last ? null : chords.get(i).chord();
    }

    private static int highestSounding(List<Note> notes, int tick) {
        int highest = -1;
        for (Note n : notes) {
            if (n.tick() > tick) {
                break;
            }
            if (n.endTick() > tick) {
                highest = Math.max(highest, n.pitch());
            }
        }
        return highest;
    }
}
