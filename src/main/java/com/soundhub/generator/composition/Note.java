package com.soundhub.generator.composition;

/**
 * One sounding note.
 *
 * @param tick     onset in ticks from the start of the piece
 * @param duration length in ticks, at least 1
 * @param pitch    MIDI note number 0-127 (on the drum channel: the General MIDI drum sound)
 * @param velocity MIDI velocity 1-127
 */
public record Note(int tick, int duration, int pitch, int velocity) {

    public Note {
        if (tick < 0) {
            throw new IllegalArgumentException("note tick must not be negative but was " + tick);
        }
        if (duration < 1) {
            throw new IllegalArgumentException("note duration must be positive but was " + duration);
        }
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("note pitch must be 0-127 but was " + pitch);
        }
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("note velocity must be 1-127 but was " + velocity);
        }
    }

    /** Tick at which the note is released. */
    public int endTick() {
        return tick + duration;
    }
}
