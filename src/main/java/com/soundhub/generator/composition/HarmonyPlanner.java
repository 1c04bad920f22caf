package com.soundhub.generator.composition;

import com.soundhub.generator.composition.FormPlanner.Kind;
import com.soundhub.generator.composition.FormPlanner.PlannedSection;
import com.soundhub.generator.composition.GenreStyle.HarmonyLanguage;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the chords: a first-order Markov chain over the seven scale degrees with
 * genre-specific transition weights, one chord per bar (two in jazz turnarounds),
 * themed progressions that recur with substitutions, and cadences that lead home.
 */
final class HarmonyPlanner {

    /**
     * A chord request before it is spelled out.
     *
     * @param degree          scale degree of the root, 0 = tonic
     * @param secondaryTarget degree this chord is the dominant of when chromatically altered, or -1
     * @param tones           3 = triad, 4 = seventh chord, 5 = ninth chord
     * @param borrowed        spelled from the parallel minor (a major key's iv, bVI or bVII)
     */
    record ChordSpec(int degree, int secondaryTarget, int tones, boolean borrowed) {
        ChordSpec(int degree, int secondaryTarget, int tones) {
            this(degree, secondaryTarget, tones, false);
        }

        ChordSpec withTones(int t) {
            return new ChordSpec(degree, secondaryTarget, t, borrowed);
        }
    }

    /**
     * A spelled chord placed in a bar.
     *
     * @param startStep     sixteenth step in the bar where it starts
     * @param melodyDegrees scale degrees whose diatonic pitch is a chord tone: where a melody may land
     */
    record PlannedChord(Chord chord, int degree, int startStep, int[] melodyDegrees) {
    }

    /** The chords of one bar. */
    record BarHarmony(List<PlannedChord> chords) {
        PlannedChord at(int step) {
            PlannedChord current = chords.get(0);
            for (PlannedChord c : chords) {
                if (c.startStep() <= step) {
                    current = c;
                }
            }
            return current;
        }

        PlannedChord first() {
            return chords.get(0);
        }
    }

    // Transition weights, rows = from-degree, columns = to-degree (0 = tonic ... 6).
    private static final double[][] POP_MAJOR = {
            {0, 5, 3, 30, 35, 27, 0},
            {10, 0, 10, 10, 60, 10, 0},
            {0, 10, 0, 40, 0, 50, 0},
            {45, 10, 0, 0, 35, 10, 0},
            {30, 0, 0, 25, 0, 45, 0},
            {0, 15, 10, 60, 15, 0, 0},
            {100, 0, 0, 0, 0, 0, 0}};
    private static final double[][] POP_MINOR = {
            {0, 0, 10, 25, 5, 35, 25},
            {0, 0, 0, 0, 100, 0, 0},
            {10, 0, 0, 20, 0, 25, 45},
            {30, 0, 0, 0, 20, 20, 30},
            {50, 0, 0, 20, 0, 30, 0},
            {15, 0, 30, 15, 0, 0, 40},
            {45, 0, 30, 0, 0, 25, 0}};
    private static final double[][] ROCK_MAJOR = {
            {0, 0, 5, 40, 30, 15, 10},
            {0, 0, 0, 50, 50, 0, 0},
            {0, 0, 0, 50, 0, 50, 0},
            {40, 0, 0, 0, 40, 10, 10},
            {50, 0, 0, 30, 0, 20, 0},
            {20, 0, 0, 50, 30, 0, 0},
            {50, 0, 0, 50, 0, 0, 0}};
    private static final double[][] ROCK_MINOR = {
            {0, 0, 10, 25, 10, 25, 30},
            {0, 0, 0, 0, 100, 0, 0},
            {10, 0, 0, 20, 0, 20, 50},
            {35, 0, 0, 0, 25, 10, 30},
            {50, 0, 0, 20, 0, 30, 0},
            {20, 0, 20, 10, 0, 0, 50},
            {50, 0, 20, 0, 0, 30, 0}};
    private static final double[][] JAZZ_MAJOR = {
            {0, 25, 15, 15, 10, 35, 0},
            {5, 0, 10, 0, 85, 0, 0},
            {0, 20, 0, 10, 0, 70, 0},
            {20, 20, 25, 0, 20, 0, 15},
            {75, 0, 5, 0, 0, 20, 0},
            {0, 75, 0, 15, 10, 0, 0},
            {40, 0, 60, 0, 0, 0, 0}};
    private static final double[][] JAZZ_MINOR = {
            {0, 35, 0, 30, 10, 20, 5},
            {0, 0, 0, 0, 100, 0, 0},
            {0, 20, 0, 30, 0, 50, 0},
            {10, 20, 0, 0, 30, 0, 40},
            {85, 0, 0, 0, 0, 15, 0},
            {0, 50, 0, 20, 30, 0, 0},
            {30, 0, 70, 0, 0, 0, 0}};
    private static final double[][] LOFI_MAJOR = {
            {0, 15, 20, 35, 0, 30, 0},
            {20, 0, 20, 0, 60, 0, 0},
            {0, 20, 0, 20, 0, 60, 0},
            {25, 20, 35, 0, 20, 0, 0},
            {50, 0, 20, 0, 0, 30, 0},
            {0, 45, 0, 35, 20, 0, 0},
            {100, 0, 0, 0, 0, 0, 0}};
    private static final double[][] LOFI_MINOR = {
            {0, 0, 10, 40, 10, 25, 15},
            {0, 0, 0, 0, 100, 0, 0},
            {0, 0, 0, 30, 0, 40, 30},
            {30, 0, 0, 0, 20, 15, 35},
            {60, 0, 0, 0, 0, 40, 0},
            {0, 0, 20, 20, 25, 0, 35},
            {40, 0, 40, 0, 0, 20, 0}};

    /** Functional stand-ins used to vary a recurring progression (I~vi, ii~IV, iii~I). */
    private static final int[] SUBSTITUTE = {5, 3, 0, 1, 4, 0, 6};

    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII"};

    private final GenreStyle style;
    private final Key key;
    private final SplittableRandom random;
    private final double[][] transitions;
    private final boolean halfDiminishedAllowed;

    HarmonyPlanner(GenreStyle style, Key key, SplittableRandom random) {
        this.style = style;
        this.key = key;
        this.random = random;
        boolean minor = key.mode().isMinor();
        this.transitions = switch (style.language()) {
            case POP -> minor ? POP_MINOR : POP_MAJOR;
            case ROCK -> minor ? ROCK_MINOR : ROCK_MAJOR;
            case JAZZ -> minor ? JAZZ_MINOR : JAZZ_MAJOR;
            case LOFI -> minor ? LOFI_MINOR : LOFI_MAJOR;
        };
        this.halfDiminishedAllowed = style.language() == HarmonyLanguage.JAZZ;
    }

    /** Plans every bar of the piece. */
    List<BarHarmony> plan(List<PlannedSection> sections, int phraseBars) {
        List<List<ChordSpec>> themeA = themeProgression(0, phraseBars);
        List<List<ChordSpec>> themeB = themeProgression(bridgeStart(), phraseBars);
        boolean hasC = sections.stream().anyMatch(s -> s.theme() == 'C');
        List<List<ChordSpec>> themeC = hasC ? themeProgression(contrastStart(), phraseBars) : themeB;

        List<List<ChordSpec>> bars = new ArrayList<>();
        for (PlannedSection section : sections) {
            List<List<ChordSpec>> sectionBars = switch (section.kind()) {
                case INTRO -> introBars(themeA, section.bars());
                case BODY -> bodyBars(section.theme() == 'A' ? themeA : section.theme() == 'B' ? themeB : themeC,
                        section);
                case OUTRO -> outroBars(section.bars());
            };
            if (section.kind() == Kind.BODY && section.lastBody()) {
                // The outro holds the final cadence; the bar before it prepares it.
                sectionBars.set(sectionBars.size() - 1,
                        outroLength(sections) == 1 ? finalDominantBar() : preDominantBar());
            }
            bars.addAll(sectionBars);
        }
        return spell(bars);
    }

    private static int outroLength(List<PlannedSection> sections) {
        return sections.get(sections.size() - 1).bars();
    }

    // ----- progressions -------------------------------------------------------------------

    private List<List<ChordSpec>> themeProgression(int startDegree, int length) {
        boolean loop = style.loopBars() > 0;
        int generated = loop ? Math.min(style.loopBars(), length) : length;
        int[] degrees = walk(startDegree, generated, loop);
        List<List<ChordSpec>> bars = new ArrayList<>();
        for (int degree : degrees) {
            bars.add(List.of(new ChordSpec(degree, -1, 3)));
        }
        if (!loop) {
            // Through-composed themes end on the dominant so the next section arrives home.
            bars.set(generated - 1, dominantBar());
        }
        // Colour the generated cycle once, then repeat it, so a loop sounds the same each time.
        List<List<ChordSpec>> coloured = withColour(bars);
        List<List<ChordSpec>> theme = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            theme.add(coloured.get(i % generated));
        }
        return theme;
    }

    /** Degree on which the B theme opens: the subdominant area, contrasting with the tonic A. */
    private int bridgeStart() {
        int[] preferred = key.mode().isMinor() ? new int[]{5, 3, 6} : new int[]{3, 5, 1};
        for (int degree : preferred) {
            if (usable(degree)) {
                return degree;
            }
        }
        return 0;
    }

    /** Degree on which a C section (a bridge) opens: the relative key's area, away from both A and B. */
    private int contrastStart() {
        int[] preferred = key.mode().isMinor() ? new int[]{2, 6, 3} : new int[]{5, 1, 2};
        int bridge = bridgeStart();
        for (int degree : preferred) {
            if (usable(degree) && degree != bridge) {
                return degree;
            }
        }
        return bridge;
    }

    /**
     * Markov walk. For loops the last chord must be able to move back to the first, so a few
     * walks are tried before falling back to ending on the dominant.
     */
    private int[] walk(int start, int length, boolean loop) {
        int[] degrees = new int[length];
        for (int attempt = 0; attempt < 8; attempt++) {
            degrees[0] = start;
            for (int i = 1; i < length; i++) {
                degrees[i] = next(degrees[i - 1]);
            }
            if (!loop || length == 1 || transitions[degrees[length - 1]][start] > 0) {
                return degrees;
            }
        }
        degrees[length - 1] = dominantDegree();
        return degrees;
    }

    private int next(int from) {
        double[] weights = transitions[from].clone();
        for (int to = 0; to < 7; to++) {
            if (!usable(to)) {
                weights[to] = 0;
            }
        }
        int to = Randomness.weighted(random, weights);
        return to < 0 ? 0 : to;
    }

    /** Diminished triads only make sense as half-diminished sevenths in jazz. */
    private boolean usable(int degree) {
        return !isDiminished(degree) || halfDiminishedAllowed;
    }

    private boolean isDiminished(int degree) {
        int third = key.mode().semitonesOf(degree + 2) - key.mode().semitonesOf(degree);
        int fifth = key.mode().semitonesOf(degree + 4) - key.mode().semitonesOf(degree);
        return third == 3 && fifth == 6;
    }

    /** Adds sevenths, ninths, secondary dominants and split-bar ii-V's to a plain progression. */
    private List<List<ChordSpec>> withColour(List<List<ChordSpec>> bars) {
        List<List<ChordSpec>> coloured = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            List<ChordSpec> bar = new ArrayList<>();
            for (ChordSpec spec : bars.get(i)) {
                ChordSpec coloredSpec = spec.withTones(extension(spec.degree()));
                if (borrows(spec.degree())) {
                    coloredSpec = new ChordSpec(spec.degree(), -1, coloredSpec.tones(), true);
                }
                bar.add(coloredSpec);
            }
            coloured.add(bar);
        }
        for (int i = 0; i < coloured.size(); i++) {
            List<ChordSpec> bar = coloured.get(i);
            ChordSpec last = bar.get(bar.size() - 1);
            int target = coloured.get((i + 1) % coloured.size()).get(0).degree();
            // The tonic keeps its own colour: turning it into a dominant would blur the key.
            if (last.secondaryTarget() < 0 && last.degree() != 0 && Math.floorMod(target + 4, 7) == last.degree()
                    && Randomness.chance(random, secondaryChance(target))) {
                bar.set(bar.size() - 1, new ChordSpec(last.degree(), target, Math.max(4, last.tones())));
            }
            if (style.splitBarCadences() && bar.size() == 1 && last.degree() == dominantDegree()
                    && target == 0 && Randomness.chance(random, 0.5)) {
                coloured.set(i, twoFive(bar.get(0)));
            }
        }
        return coloured;
    }

    /**
     * Whether a major-key chord is taken from the parallel minor: rock's bVII and bVI, pop's and
     * the ballad's minor iv. The tonic and dominant stay diatonic so the key stays clear.
     */
    private boolean borrows(int degree) {
        if (key.mode() != Mode.MAJOR) {
            return false;
        }
        double chance = switch (style.language()) {
            case ROCK -> degree == 6 || degree == 5 ? 0.5 : 0;
            case POP -> degree == 3 ? 0.2 : degree == 6 ? 0.15 : 0;
            default -> 0;
        };
        return chance > 0 && Randomness.chance(random, chance);
    }

    private double secondaryChance(int target) {
        boolean minor = key.mode().isMinor();
        if (target == 0) {
            // Only minor keys need the chromatic leading tone to make their dominant major; inside
            // the piece half their cadences use it, the rest keep the modal v for colour.
            return key.mode() == Mode.MINOR || key.mode() == Mode.DORIAN ? 0.5 : 0;
        }
        if (style.secondaryDominantChance() <= 0) {
            return 0;
        }
        // Minor modes already colour their dominants; keep their other chromatic moves rarer.
        double chance = minor ? style.secondaryDominantChance() / 2 : style.secondaryDominantChance();
        return usable(target) && !isDiminished(target) ? chance : 0;
    }

    private int extension(int degree) {
        int tones = 3;
        if (isDiminished(degree) || Randomness.chance(random, style.seventhChance())) {
            tones = 4;
            if (Randomness.chance(random, style.ninthChance())) {
                tones = 5;
            }
        }
        return tones;
    }

    private List<ChordSpec> twoFive(ChordSpec dominant) {
        int tones = Math.max(4, dominant.tones());
        return new ArrayList<>(List.of(new ChordSpec(1, -1, 4), new ChordSpec(dominant.degree(),
                dominant.secondaryTarget(), tones)));
    }

    /** Degree whose chord leads most strongly to the tonic in this mode. */
    int dominantDegree() {
        return switch (key.mode()) {
            case MIXOLYDIAN -> 6;
            case PHRYGIAN -> 1;
            default -> 4;
        };
    }

    private List<ChordSpec> dominantBar() {
        int degree = dominantDegree();
        boolean jazzy = style.language() == HarmonyLanguage.JAZZ;
        int tones = jazzy || style.language() == HarmonyLanguage.LOFI ? 4 : 3;
        boolean chromatic = Randomness.chance(random, secondaryChance(0));
        int target = chromatic && degree == 4 ? 0 : -1;
        ChordSpec dominant = new ChordSpec(degree, target, tones);
        if (style.splitBarCadences() && degree == 4) {
            return twoFive(dominant);
        }
        return new ArrayList<>(List.of(dominant));
    }

    /**
     * The dominant of the piece's last cadence. Minor and dorian keys almost always raise the
     * seventh degree here (the harmonic-minor V or V7 with its leading tone), whatever the genre:
     * a modal v-i ending sounds unfinished; one ending in ten keeps it for modal colour.
     */
    private List<ChordSpec> finalDominantBar() {
        boolean minor = key.mode() == Mode.MINOR || key.mode() == Mode.DORIAN;
        if (!minor || !Randomness.chance(random, 0.9)) {
            return dominantBar();
        }
        int tones = style.language() == HarmonyLanguage.ROCK ? 3
                : style.language() == HarmonyLanguage.POP ? (Randomness.chance(random, 0.5) ? 4 : 3) : 4;
        ChordSpec dominant = new ChordSpec(4, 0, tones);
        return style.splitBarCadences() ? twoFive(dominant) : new ArrayList<>(List.of(dominant));
    }

    private List<ChordSpec> preDominantBar() {
        int tones = style.language() == HarmonyLanguage.JAZZ || style.language() == HarmonyLanguage.LOFI ? 4 : 3;
        if (!key.mode().isMinor() && style.language() != HarmonyLanguage.JAZZ && Randomness.chance(random, 0.35)) {
            // The minor iv borrowed from the parallel minor: the pop and ballad way of darkening a cadence.
            return new ArrayList<>(List.of(new ChordSpec(3, -1, 3, true)));
        }
        for (int degree : new int[]{3, 1, 5}) {
            if (usable(degree) && !isDiminished(degree) && degree != dominantDegree()) {
                return new ArrayList<>(List.of(new ChordSpec(degree, -1, tones)));
            }
        }
        return new ArrayList<>(List.of(new ChordSpec(5, -1, tones)));
    }

    private List<ChordSpec> tonicBar() {
        int tones = switch (style.language()) {
            case JAZZ, LOFI -> 4;
            default -> 3;
        };
        return new ArrayList<>(List.of(new ChordSpec(0, -1, tones)));
    }

    private List<List<ChordSpec>> introBars(List<List<ChordSpec>> themeA, int count) {
        List<List<ChordSpec>> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bars.add(new ArrayList<>(themeA.get(i % themeA.size())));
        }
        if (count >= 2 && style.loopBars() == 0) {
            bars.set(count - 1, dominantBar());
        }
        return bars;
    }

    private List<List<ChordSpec>> bodyBars(List<List<ChordSpec>> theme, PlannedSection section) {
        List<List<ChordSpec>> bars = new ArrayList<>();
        for (int i = 0; i < section.bars(); i++) {
            bars.add(new ArrayList<>(theme.get(i % theme.size())));
        }
        if (section.occurrence() > 0 && bars.size() > 2 && Randomness.chance(random, 0.6)) {
            int index = 1 + random.nextInt(bars.size() - 2);
            List<ChordSpec> bar = bars.get(index);
            if (bar.size() == 1 && bar.get(0).secondaryTarget() < 0) {
                int substitute = SUBSTITUTE[bar.get(0).degree()];
                if (usable(substitute) && substitute != bars.get(index - 1).get(0).degree()) {
                    bars.set(index, new ArrayList<>(List.of(new ChordSpec(substitute, -1, bar.get(0).tones()))));
                }
            }
        }
        if (style.loopBars() == 0 || section.bars() % style.loopBars() != 0) {
            bars.set(bars.size() - 1, dominantBar());
        }
        return bars;
    }

    private List<List<ChordSpec>> outroBars(int count) {
        List<List<ChordSpec>> bars = new ArrayList<>();
        if (count >= 2) {
            for (int i = 0; i < count - 1; i++) {
                bars.add(finalDominantBar());
            }
        }
        bars.add(tonicBar());
        return bars;
    }

    // ----- spelling -----------------------------------------------------------------------

    private List<BarHarmony> spell(List<List<ChordSpec>> bars) {
        List<BarHarmony> result = new ArrayList<>(bars.size());
        // The final cadence keeps its real dominant: the substitution is for the way there.
        int finalCadence = bars.size() - 3;
        for (int b = 0; b < bars.size(); b++) {
            List<ChordSpec> bar = bars.get(b);
            List<PlannedChord> chords = new ArrayList<>();
            int stepsPerChord = RhythmProbability.STEPS_PER_BAR / bar.size();
            for (int i = 0; i < bar.size(); i++) {
                ChordSpec spec = bar.get(i);
                Chord chord = spec.secondaryTarget() >= 0 ? secondaryDominant(spec)
                        : spec.borrowed() ? borrowed(spec) : diatonic(spec);
                if (style.language() == HarmonyLanguage.JAZZ && b < finalCadence && chord.size() >= 4 && isDominantSeventh(chord)
                        && Randomness.chance(random, TRITONE_SUBSTITUTION_CHANCE)) {
                    chord = tritoneSubstitute(chord);
                }
                chords.add(new PlannedChord(chord, spec.degree(), i * stepsPerChord, melodyDegrees(chord)));
            }
            result.add(new BarHarmony(List.copyOf(chords)));
        }
        return result;
    }

    private Chord diatonic(ChordSpec spec) {
        Mode mode = key.mode();
        int degree = spec.degree();
        int rootSemitones = mode.semitonesOf(degree);
        List<Integer> intervals = new ArrayList<>();
        for (int i = 0; i < Math.min(spec.tones(), 4); i++) {
            intervals.add(mode.semitonesOf(degree + 2 * i) - rootSemitones);
        }
        if (spec.tones() >= 5) {
            int ninth = mode.semitonesOf(degree + 8) - rootSemitones;
            if (ninth == 14) { // a flat ninth would clash; leave it out
                intervals.add(ninth);
            }
        }
        int root = key.pitchClassOf(degree);
        return new Chord(root, intervals, key.spell(root) + quality(intervals), numeral(degree, intervals));
    }

    private Chord secondaryDominant(ChordSpec spec) {
        int root = key.pitchClassOf(spec.secondaryTarget() + 4);
        List<Integer> intervals = new ArrayList<>(spec.tones() == 3 ? List.of(0, 4, 7) : List.of(0, 4, 7, 10));
        if (spec.tones() >= 5) {
            intervals.add(14);
        }
        String function = spec.tones() == 3 ? "V" : "V7";
        String numeral = spec.secondaryTarget() == 0 ? function
                : function + "/" + numeral(spec.secondaryTarget(), triadOf(spec.secondaryTarget()));
        return new Chord(root, intervals, key.spell(root) + quality(intervals), numeral);
    }

    /** A chord of the parallel natural minor on the same degree: iv, bVI, bVII in a major key. */
    private Chord borrowed(ChordSpec spec) {
        Mode minor = Mode.MINOR;
        int degree = spec.degree();
        int rootSemitones = minor.semitonesOf(degree);
        List<Integer> intervals = new ArrayList<>();
        for (int i = 0; i < Math.min(spec.tones(), 4); i++) {
            intervals.add(minor.semitonesOf(degree + 2 * i) - rootSemitones);
        }
        int root = Math.floorMod(key.tonic() + rootSemitones, 12);
        // iv keeps its letter; the major chords on the minor's lowered degrees are bVI and bVII.
        String roman = intervals.get(1) == 3 ? ROMAN[degree].toLowerCase(java.util.Locale.ROOT) : "b" + ROMAN[degree];
        return new Chord(root, intervals, key.spell(root) + quality(intervals),
                roman + (intervals.size() > 3 ? (intervals.get(3) == 11 ? "maj7" : "7") : ""));
    }

    private static final double TRITONE_SUBSTITUTION_CHANCE = 0.3;

    private static boolean isDominantSeventh(Chord chord) {
        return chord.intervals().get(1) == 4 && chord.intervals().get(2) == 7 && chord.intervals().get(3) == 10;
    }

    /**
     * The jazz tritone substitution: a dominant seventh replaced by the dominant seventh a
     * tritone away, which shares its third and seventh and lets the bass fall by a semitone.
     */
    private Chord tritoneSubstitute(Chord dominant) {
        int root = Math.floorMod(dominant.root() + 6, 12);
        List<Integer> intervals = List.of(0, 4, 7, 10);
        return new Chord(root, intervals, key.spell(root) + quality(intervals), "subV7");
    }

    private List<Integer> triadOf(int degree) {
        int base = key.mode().semitonesOf(degree);
        return List.of(0, key.mode().semitonesOf(degree + 2) - base, key.mode().semitonesOf(degree + 4) - base);
    }

    private int[] melodyDegrees(Chord chord) {
        int count = 0;
        int[] degrees = new int[7];
        for (int degree = 0; degree < 7; degree++) {
            if (chord.contains(key.pitchClassOf(degree))) {
                degrees[count++] = degree;
            }
        }
        return java.util.Arrays.copyOf(degrees, count);
    }

    static String quality(List<Integer> intervals) {
        boolean minorThird = intervals.size() > 1 && intervals.get(1) == 3;
        boolean diminishedFifth = intervals.size() > 2 && intervals.get(2) == 6;
        Integer seventh = intervals.size() > 3 && intervals.get(3) < 12 ? intervals.get(3) : null;
        boolean ninth = intervals.contains(14);
        if (seventh == null) {
            String triad = diminishedFifth ? "dim" : minorThird ? "m" : "";
            return ninth ? triad + "add9" : triad;
        }
        String extension = ninth ? "9" : "7";
        if (diminishedFifth) {
            return "m7b5";
        }
        if (seventh == 11) {
            return (minorThird ? "m(maj" : "maj") + extension + (minorThird ? ")" : "");
        }
        return (minorThird ? "m" : "") + extension;
    }

    private static String numeral(int degree, List<Integer> intervals) {
        boolean minorThird = intervals.get(1) == 3;
        boolean diminished = intervals.size() > 2 && intervals.get(2) == 6;
        String roman = minorThird ? ROMAN[degree].toLowerCase(java.util.Locale.ROOT) : ROMAN[degree];
        if (diminished) {
            return roman + (intervals.size() > 3 ? "ø7" : "°");
        }
        if (intervals.size() > 3) {
            return roman + (intervals.get(3) == 11 ? "maj7" : "7");
        }
        return roman;
    }
}
