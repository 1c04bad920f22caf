package com.soundhub.generator.composition;

import com.soundhub.generator.composition.FormPlanner.Kind;
import com.soundhub.generator.composition.FormPlanner.PlannedSection;
import com.soundhub.generator.composition.HarmonyPlanner.BarHarmony;

import java.util.List;

/**
 * Shared, read-only plan the part writers work from: key, registers, feel, form and
 * the chord of every bar.
 */
final class Arrangement {

    static final int TICKS_PER_QUARTER = 480;
    static final int STEPS_PER_BAR = RhythmProbability.STEPS_PER_BAR;

    final CompositionRequest request;
    final GenreStyle style;
    final MoodProfile mood;
    final Key key;
    final int barTicks = TimeSignature.FOUR_FOUR.ticksPerBar(TICKS_PER_QUARTER);
    final int stepTicks = barTicks / STEPS_PER_BAR;
    final int totalBars;
    final int lengthTicks;
    final List<PlannedSection> sections;
    final List<BarHarmony> harmony;
    private final int[] sectionIndexOfBar;

    Arrangement(CompositionRequest request, GenreStyle style, MoodProfile mood, Key key,
                List<PlannedSection> sections, List<BarHarmony> harmony) {
        this.request = request;
        this.style = style;
        this.mood = mood;
        this.key = key;
        this.sections = sections;
        this.harmony = harmony;
        this.totalBars = harmony.size();
        this.lengthTicks = totalBars * barTicks;
        this.sectionIndexOfBar = new int[totalBars];
        for (int i = 0; i < sections.size(); i++) {
            PlannedSection s = sections.get(i);
            for (int bar = s.startBar(); bar < s.startBar() + s.bars(); bar++) {
                sectionIndexOfBar[bar] = i;
            }
        }
    }

    PlannedSection sectionOf(int bar) {
        return sections.get(sectionIndexOfBar[bar]);
    }

    boolean isLastBarOfSection(int bar) {
        PlannedSection s = sectionOf(bar);
        return bar == s.startBar() + s.bars() - 1;
    }

    /** True for the fourth bar of a four-bar phrase that does not also end its section. */
    boolean isPhraseEndInsideSection(int bar) {
        PlannedSection s = sectionOf(bar);
        return (bar - s.startBar()) % 4 == 3 && !isLastBarOfSection(bar);
    }

    boolean isFirstBarOfSection(int bar) {
        return sectionOf(bar).startBar() == bar;
    }

    boolean isFinalBar(int bar) {
        return bar == totalBars - 1;
    }

    /** Next bar's harmony, or this bar's when it is the last. */
    BarHarmony harmonyAfter(int bar) {
        return harmony.get(Math.min(bar + 1, totalBars - 1));
    }

    /**
     * Loudness multiplier of a section, the piece's dynamic arc: the intro eases in, the first
     * statement holds back, B themes lift and lift again when they return, a C section (bridge,
     * breakdown) drops, the last body section is the climax and the outro settles. The spread
     * (about 0.72 to 1.15 in velocity) is roughly 8 dB of level, since a General MIDI synthesizer
     * maps velocity to amplitude as about its square.
     */
    double intensity(int bar) {
        PlannedSection s = sectionOf(bar);
        double level = switch (s.kind()) {
            case INTRO -> 0.72;
            case OUTRO -> 0.85;
            case BODY -> switch (s.theme()) {
                case 'A' -> s.occurrence() == 0 ? 0.85 : 0.95;
                case 'B' -> 1.03 + 0.03 * Math.min(2, s.occurrence());
                default -> 0.8;
            };
        };
        return s.lastBody() ? Math.max(level, 1.12) : level;
    }

    /**
     * Bars where the drums lay out so they can come back: the intro before its last bar (the band
     * enters on a fill), and the first half of a C section, a breakdown, except in styles whose
     * beat is the point from the first bar (house, boom-bap).
     */
    boolean drumsRest(int bar) {
        PlannedSection s = sectionOf(bar);
        boolean beatStyle = style.drumStyle() == GenreStyle.DrumStyle.HOUSE
                || style.drumStyle() == GenreStyle.DrumStyle.BOOM_BAP;
        if (s.kind() == Kind.INTRO) {
            return !beatStyle && bar < s.startBar() + s.bars() - 1;
        }
        return s.kind() == Kind.BODY && s.theme() == 'C' && !beatStyle && bar < s.startBar() + s.bars() / 2;
    }

    /** Bars where the bass lays out: the first half of the intro, so the low end arrives as the piece gets going. */
    boolean bassRests(int bar) {
        PlannedSection s = sectionOf(bar);
        return s.kind() == Kind.INTRO && s.bars() >= 2 && bar < s.startBar() + s.bars() / 2;
    }

    /** Rhythmic looseness for this genre and mood, 0-1. */
    double randomness() {
        return Math.max(0, Math.min(1, style.rhythmRandomness() + mood.randomnessOffset()));
    }

    /** Tick of a sixteenth step in a bar, with the genre's swing applied to off-beat positions. */
    int tickOf(int bar, int step) {
        int beat = Math.floorDiv(step, 4);
        int inBeat = Math.floorMod(step, 4);
        double swing = style.swing();
        double fraction = switch (inBeat) {
            case 0 -> 0;
            case 1 -> swing / 2;
            case 2 -> swing;
            default -> swing + (1 - swing) / 2;
        };
        return bar * barTicks + beat * TICKS_PER_QUARTER + (int) Math.round(fraction * TICKS_PER_QUARTER);
    }

    /** Velocity for a note of the given relative strength, scaled by mood and section. */
    int velocity(int bar, double strength) {
        double v = mood.velocity() * intensity(bar) * strength;
        return (int) Math.max(1, Math.min(127, Math.round(v)));
    }

    /** Melody register after the mood's shift. */
    int melodyLow() {
        return style.melodyLow() + mood.registerShift();
    }

    int melodyHigh() {
        return style.melodyHigh() + mood.registerShift();
    }

    int harmonyLow() {
        return style.harmonyLow() + mood.registerShift();
    }

    int harmonyHigh() {
        return style.harmonyHigh() + mood.registerShift();
    }

    /** Dark and sad pieces sit a little lower in the bass too. */
    int bassLow() {
        return style.bassLow() + Math.min(0, mood.registerShift() / 2);
    }

    int bassHigh() {
        return style.bassHigh() + Math.min(0, mood.registerShift() / 2);
    }

    /** Accent multiplier by metrical level: downbeats lean in, sixteenths fall back. */
    static double accent(int step) {
        return switch (RhythmProbability.metricalLevel(step)) {
            case RhythmProbability.DOWNBEAT -> 1.08;
            case RhythmProbability.BEAT -> 1.0;
            case RhythmProbability.OFFBEAT_EIGHTH -> 0.9;
            default -> 0.82;
        };
    }
}
