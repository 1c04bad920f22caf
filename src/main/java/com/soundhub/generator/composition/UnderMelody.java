package com.soundhub.generator.composition;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an accompaniment below the melody. The part writers choose their registers
 * independently, so a chord tone can sit on or above the tune and mask it; afterwards every
 * accompaniment note that reaches the lowest melody note it overlaps moves down an octave, or
 * is left out when that would take it below the part's register (the chord keeps its other
 * tones).
 */
final class UnderMelody {

    private UnderMelody() {
    }

    static Part keepBelow(Part accompaniment, Part melody) {
        List<Note> tune = melody.notes();
        List<Note> kept = new ArrayList<>(accompaniment.notes().size());
        int first = 0;
        for (Note note : accompaniment.notes()) {
            while (first < tune.size() && tune.get(first).endTick() <= note.tick() - MAX_NOTE_TICKS) {
                first++;
            }
            int ceiling = lowestOverlapping(tune, first, note);
            int pitch = note.pitch();
            while (pitch >= ceiling && pitch - 12 >= accompaniment.lowestPitch()) {
                pitch -= 12;
            }
            if (pitch < ceiling) {
                kept.add(pitch == note.pitch() ? note : new Note(note.tick(), note.duration(), pitch, note.velocity()));
            }
        }
        return new Part(accompaniment.role(), accompaniment.instrument(), accompaniment.program(),
                accompaniment.channel(), accompaniment.lowestPitch(), accompaniment.highestPitch(),
                PartBuilder.playable(kept));
    }

    /** Melody notes are searched from a little before the accompaniment note: none is longer than this. */
    private static final int MAX_NOTE_TICKS = 16 * Arrangement.TICKS_PER_QUARTER;

    private static int lowestOverlapping(List<Note> tune, int from, Note note) {
        int lowest = Integer.MAX_VALUE;
        for (int i = from; i < tune.size(); i++) {
            Note m = tune.get(i);
            if (m.tick() >= note.endTick()) {
                break;
            }
            if (m.endTick() > note.tick()) {
                lowest = Math.min(lowest, m.pitch());
            }
        }
        return lowest;
    }
}
