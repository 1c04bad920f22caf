package com.soundhub.generator.composition;

import com.soundhub.generator.composition.FormPlanner.Kind;
import com.soundhub.generator.composition.FormPlanner.PlannedSection;
import com.soundhub.generator.composition.GenreStyle.DrumStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the drum part on the General MIDI percussion channel: one groove per genre
 * (jazz ride swing, house four-on-the-floor, lazy boom-bap...), a lighter groove in the
 * intro, fills at phrase ends, crashes on new sections and a final hit.
 */
final class DrumWriter {

    static final int KICK = 36;
    static final int SIDE_STICK = 37;
    static final int SNARE = 38;
    static final int CLAP = 39;
    static final int FLOOR_TOM = 43;
    static final int CLOSED_HAT = 42;
    static final int PEDAL_HAT = 44;
    static final int LOW_TOM = 45;
    static final int OPEN_HAT = 46;
    static final int MID_TOM = 48;
    static final int CRASH = 49;
    static final int RIDE = 51;
    static final int SHAKER = 70;

    /** Lowest and highest General MIDI percussion keys. */
    static final int LOWEST = 35;
    static final int HIGHEST = 81;

    /** One drum stroke: position, sound, strength relative to the mood's base velocity, deliberate offset. */
    private record Hit(int step, int sound, double strength, int offset) {
        Hit(int step, int sound, double strength) {
            this(step, sound, strength, 0);
        }
    }

    private final Arrangement a;
    private final SplittableRandom random;
    private final PartBuilder out;
    private final DrumStyle style;
    private final double energy;

    DrumWriter(Arrangement arrangement, SplittableRandom random, SplittableRandom feel) {
        this.a = arrangement;
        this.random = random;
        this.style = a.style.drumStyle();
        this.energy = a.mood.energy();
        double spread = style == DrumStyle.BOOM_BAP ? 5 : 3;
        this.out = new PartBuilder(feel, spread, 10, 4, a.lengthTicks, LOWEST, HIGHEST);
    }

    Part write() {
        for (PlannedSection section : a.sections) {
            for (int bar = section.startBar(); bar < section.startBar() + section.bars(); bar++) {
                List<Hit> hits;
                if (a.drumsRest(bar)) {
                    continue;
                }
                if (a.isFinalBar(bar)) {
                    hits = ending();
                } else {
                    hits = section.kind() == Kind.INTRO ? intro(bar) : varied(groove(bar, section));
                    // House keeps its four-on-the-floor through a section change; swing does not stop.
                    if (a.isLastBarOfSection(bar) && section.kind() == Kind.BODY && !section.lastBody()
                            && style != DrumStyle.JAZZ_RIDE && style != DrumStyle.HOUSE && Randomness.chance(random, 0.3)) {
                        hits = stop(hits);
                    } else if (a.isLastBarOfSection(bar) && section.kind() != Kind.OUTRO) {
                        hits = withFill(hits, sectionFillStart());
                    } else if (a.isPhraseEndInsideSection(bar) && section.kind() == Kind.BODY) {
                        hits = withFill(hits, 12); // a shorter fill between the phrases of a section
                    }
                    if (a.isFirstBarOfSection(bar) && section.kind() == Kind.BODY && style != DrumStyle.BOOM_BAP) {
                        hits.add(new Hit(0, CRASH, 0.75));
                    }
                }
                for (Hit hit : hits) {
                    int tick = a.tickOf(bar, hit.step());
                    int length = a.stepTicks;
                    out.add(tick, length, hit.sound(), a.velocity(bar, hit.strength()), hit.offset());
                }
            }
        }
        return new Part(PartRole.DRUMS, Instrument.STANDARD_KIT.name(), Instrument.STANDARD_KIT.program(),
                PartRole.DRUMS.channel(), LOWEST, HIGHEST, out.build());
    }

    /** The genre's main groove for one bar. */
    private List<Hit> groove(int bar, PlannedSection section) {
        boolean lift = section.theme() == 'B';
        List<Hit> hits = new ArrayList<>();
        switch (style) {
            case POP -> {
                timekeeper(hits, lift);
                hits.add(new Hit(0, KICK, 1.0));
                hits.add(new Hit(8, KICK, 0.95));
                if (energy > 0.6) {
                    hits.add(new Hit(10, KICK, 0.8));
                }
                hits.add(new Hit(4, SNARE, 0.95));
                hits.add(new Hit(12, SNARE, 0.95));
            }
            case ROCK -> {
                timekeeper(hits, lift);
                hits.add(new Hit(0, KICK, 1.05));
                hits.add(new Hit(8, KICK, 1.0));
                hits.add(new Hit(10, KICK, 0.9));
                if (energy > 0.8) {
                    hits.add(new Hit(6, KICK, 0.85));
                }
                hits.add(new Hit(4, SNARE, 1.05));
                hits.add(new Hit(12, SNARE, 1.05));
            }
            case JAZZ_RIDE -> {
                timekeeper(hits, lift);
                for (int beat = 0; beat < 4; beat++) {
                    hits.add(new Hit(beat * 4, KICK, 0.3)); // feathered, felt more than heard
                }
                for (int step : new int[]{6, 10, 14}) {
                    if (Randomness.chance(random, 0.18)) {
                        hits.add(new Hit(step, SNARE, 0.45));
                    }
                }
            }
            case HOUSE -> {
                timekeeper(hits, lift);
                for (int beat = 0; beat < 4; beat++) {
                    hits.add(new Hit(beat * 4, KICK, 1.05));
                }
                hits.add(new Hit(4, CLAP, 0.9));
                hits.add(new Hit(12, CLAP, 0.9));
            }
            case BOOM_BAP -> {
                timekeeper(hits, lift);
                hits.add(new Hit(0, KICK, 1.0));
                hits.add(new Hit(7, KICK, 0.75));
                hits.add(new Hit(10, KICK, 0.9));
                // The snare sits behind the beat: the lazy feel of the style.
                hits.add(new Hit(4, SNARE, 0.95, 14));
                hits.add(new Hit(12, SNARE, 0.95, 14));
            }
            case BALLAD -> {
                timekeeper(hits, lift);
                hits.add(new Hit(0, KICK, 0.8));
                hits.add(new Hit(8, KICK, 0.7));
                hits.add(new Hit(4, lift ? SNARE : SIDE_STICK, 0.75));
                hits.add(new Hit(12, lift ? SNARE : SIDE_STICK, 0.75));
            }
            case BOSSA -> {
                timekeeper(hits, lift);
                hits.add(new Hit(0, KICK, 0.7));
                hits.add(new Hit(6, KICK, 0.5));
                hits.add(new Hit(8, KICK, 0.7));
                hits.add(new Hit(14, KICK, 0.5));
                clave(hits, bar - section.startBar());
            }
        }
        return hits;
    }

    /**
     * A lighter groove for the intro: the same time-keeping as the main groove, so the
     * pulse never changes, but without the full backbeat.
     */
    private List<Hit> intro(int bar) {
        List<Hit> hits = new ArrayList<>();
        if (style == DrumStyle.BALLAD) {
            return hits; // piano alone in the intro
        }
        if (style == DrumStyle.BOOM_BAP) {
            return groove(bar, a.sectionOf(bar)); // the beat loop starts right away
        }
        timekeeper(hits, false);
        switch (style) {
            case POP, ROCK -> {
                hits.add(new Hit(0, KICK, 0.9));
                hits.add(new Hit(8, KICK, 0.85));
            }
            case HOUSE -> {
                for (int beat = 0; beat < 4; beat++) {
                    hits.add(new Hit(beat * 4, KICK, 1.0));
                }
            }
            case BOSSA -> clave(hits, bar);
            default -> {
                // ride and hi-hat alone
            }
        }
        return hits;
    }

    /**
     * The steady pulse of the style: hats, ride or shaker. Kept identical in intro, groove and
     * fills so the groove stays consistent from bar to bar.
     */
    private void timekeeper(List<Hit> hits, boolean lift) {
        switch (style) {
            case POP -> eighths(hits, lift ? OPEN_HAT : CLOSED_HAT, 0.7, 0.5);
            case ROCK -> eighths(hits, lift ? RIDE : CLOSED_HAT, 0.8, 0.6);
            case JAZZ_RIDE -> {
                rideSwing(hits);
                hits.add(new Hit(4, PEDAL_HAT, 0.6));
                hits.add(new Hit(12, PEDAL_HAT, 0.6));
            }
            case HOUSE -> {
                for (int step = 0; step < 16; step++) {
                    boolean offbeat = step % 4 == 2;
                    hits.add(new Hit(step, offbeat ? OPEN_HAT : CLOSED_HAT, offbeat ? 0.7 : 0.25 + 0.2 * energy));
                }
            }
            case BOOM_BAP -> eighths(hits, CLOSED_HAT, 0.6, 0.42);
            case BALLAD -> eighths(hits, lift ? RIDE : CLOSED_HAT, 0.45, 0.35);
            case BOSSA -> {
                for (int step = 0; step < 16; step++) {
                    hits.add(new Hit(step, SHAKER, (step % 2 == 0 ? 0.4 : 0.3) + 0.1 * energy));
                }
            }
        }
    }

    /**
     * Bar-to-bar variation: about every other bar changes one detail of the groove (a pushed
     * kick, a ghost note on the snare, an open hat, a kick left out), as a drummer would, so the
     * groove breathes without losing its pattern.
     */
    private List<Hit> varied(List<Hit> groove) {
        double chance = switch (style) {
            case JAZZ_RIDE -> 0.3;
            case BOOM_BAP -> 0.35;
            default -> 0.5;
        };
        if (!Randomness.chance(random, chance)) {
            return groove;
        }
        List<Hit> hits = new ArrayList<>(groove);
        if (style == DrumStyle.HOUSE || style == DrumStyle.BOSSA) {
            // Their hats and shaker fill every sixteenth: the variation is a gap in that stream.
            int gap = 1 + 2 * random.nextInt(8);
            hits.removeIf(h -> h.step() == gap && (h.sound() == CLOSED_HAT || h.sound() == SHAKER));
        }
        switch (random.nextInt(4)) {
            case 0 -> hits.add(new Hit(Randomness.pick(random, List.of(3, 6, 14)), KICK, 0.75));
            case 1 -> hits.add(new Hit(Randomness.pick(random, List.of(7, 15, 11)),
                    style == DrumStyle.BOSSA ? SIDE_STICK : SNARE, 0.3));
            case 2 -> {
                int step = Randomness.pick(random, List.of(6, 14));
                hits.removeIf(h -> h.step() == step && h.sound() == CLOSED_HAT);
                hits.add(new Hit(step, style == DrumStyle.JAZZ_RIDE ? CRASH : OPEN_HAT, 0.6));
            }
            default -> {
                List<Hit> kicks = hits.stream().filter(h -> h.sound() == KICK && h.step() != 0).toList();
                if (!kicks.isEmpty() && style != DrumStyle.HOUSE) {
                    hits.remove(Randomness.pick(random, kicks));
                } else {
                    hits.add(new Hit(10, KICK, 0.7));
                }
            }
        }
        return hits;
    }

    /**
     * A stop-time break at the end of a section: the downbeat, a hit on beat 2, then silence
     * until the next section crashes in.
     */
    private List<Hit> stop(List<Hit> groove) {
        List<Hit> hits = new ArrayList<>();
        hits.add(new Hit(0, KICK, 1.0));
        hits.add(new Hit(4, SNARE, 0.9));
        hits.add(new Hit(4, style == DrumStyle.BOOM_BAP ? OPEN_HAT : CRASH, 0.6));
        return hits;
    }

    /** Energetic pieces get two-beat fills into new sections; others one beat. */
    private int sectionFillStart() {
        return energy > 0.8 && style != DrumStyle.JAZZ_RIDE && style != DrumStyle.BALLAD ? 8 : 12;
    }

    /** Replaces the end of the bar from step {@code from} with a fill leading into the next phrase. */
    private List<Hit> withFill(List<Hit> groove, int from) {
        List<Hit> hits = new ArrayList<>();
        for (Hit hit : groove) {
            boolean timekeeper = hit.sound() == CLOSED_HAT || hit.sound() == RIDE || hit.sound() == SHAKER
                    || hit.sound() == OPEN_HAT || hit.sound() == PEDAL_HAT;
            if (hit.step() < from || timekeeper) {
                hits.add(hit);
            }
        }
        switch (style) {
            case POP, ROCK -> {
                // Eighth-note strokes moving down the toms: the fill builds on the grid the
                // hi-hat already plays, so the groove's onset pattern stays intact.
                int[] toms = {SNARE, MID_TOM, LOW_TOM, FLOOR_TOM};
                for (int step = from; step < 16; step += 2) {
                    int sound = toms[(step - from) * toms.length / (16 - from)];
                    hits.add(new Hit(step, sound, 0.7 + 0.3 * (step - from) / (16.0 - from)));
                }
                hits.add(new Hit(from, KICK, 0.9));
            }
            case HOUSE -> {
                for (int step = from; step < 16; step++) { // a snare roll, under the sixteenth hats
                    hits.add(new Hit(step, SNARE, 0.5 + 0.4 * (step - from) / (16.0 - from)));
                }
                hits.add(new Hit(12, KICK, 1.0));
                if (from == 8) {
                    hits.add(new Hit(8, KICK, 1.0));
                }
            }
            case JAZZ_RIDE -> {
                hits.add(new Hit(12, SNARE, 0.7));
                hits.add(new Hit(14, SNARE, 0.8));
                hits.add(new Hit(14, KICK, 0.8));
            }
            case BOOM_BAP -> {
                hits.add(new Hit(12, SNARE, 0.95, 14));
                hits.add(new Hit(14, SNARE, 0.6, 14));
                hits.add(new Hit(14, KICK, 0.7));
            }
            case BALLAD -> {
                hits.add(new Hit(12, MID_TOM, 0.6));
                hits.add(new Hit(14, LOW_TOM, 0.65));
            }
            case BOSSA -> {
                hits.add(new Hit(12, SIDE_STICK, 0.6));
                hits.add(new Hit(14, LOW_TOM, 0.55));
            }
        }
        return hits;
    }

    /** The final downbeat: cymbal and kick, left to ring. */
    private List<Hit> ending() {
        List<Hit> hits = new ArrayList<>();
        hits.add(new Hit(0, KICK, 0.95));
        hits.add(new Hit(0, style == DrumStyle.BOOM_BAP ? OPEN_HAT : CRASH, style == DrumStyle.BALLAD ? 0.6 : 0.75));
        return hits;
    }

    private static void eighths(List<Hit> hits, int sound, double onBeat, double offBeat) {
        for (int step = 0; step < 16; step += 2) {
            hits.add(new Hit(step, sound, step % 4 == 0 ? onBeat : offBeat));
        }
    }

    /** Swing ride: "ding, ding-a ding, ding-a", the skip notes falling on the swung eighth. */
    private static void rideSwing(List<Hit> hits) {
        hits.add(new Hit(0, RIDE, 0.75));
        hits.add(new Hit(4, RIDE, 0.85));
        hits.add(new Hit(6, RIDE, 0.55));
        hits.add(new Hit(8, RIDE, 0.75));
        hits.add(new Hit(12, RIDE, 0.85));
        hits.add(new Hit(14, RIDE, 0.55));
    }

    /** Bossa clave on the rim, a two-bar figure: three strokes, then two. */
    private static void clave(List<Hit> hits, int barInSection) {
        int[] steps = barInSection % 2 == 0 ? new int[]{0, 6, 12} : new int[]{4, 10};
        for (int step : steps) {
            hits.add(new Hit(step, SIDE_STICK, 0.7));
        }
    }
}
