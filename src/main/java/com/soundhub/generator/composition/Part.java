package com.soundhub.generator.composition;

import java.util.List;

/**
 * One instrumental part of a composition.
 *
 * @param role         what the part does in the arrangement
 * @param instrument   General MIDI instrument name, for display
 * @param program      General MIDI program 0-127
 * @param channel      zero-based MIDI channel (9 for drums)
 * @param lowestPitch  lowest pitch the part may use
 * @param highestPitch highest pitch the part may use
 * @param notes        notes ordered by onset
 */
public record Part(PartRole role, String instrument, int program, int channel,
                   int lowestPitch, int highestPitch, List<Note> notes) {

    public Part {
        if (role == null) {
            throw new IllegalArgumentException("part role must not be null");
        }
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("part program must be 0-127 but was " + program);
        }
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("part channel must be 0-15 but was " + channel);
        }
        if (lowestPitch < 0 || highestPitch > 127 || lowestPitch > highestPitch) {
            throw new IllegalArgumentException("part range " + lowestPitch + "-" + highestPitch + " is invalid");
        }
        notes = List.copyOf(notes);
    }

    /** True for the drum part, whose pitches name drum sounds rather than notes. */
    public boolean isDrums() {
        return role == PartRole.DRUMS;
    }

    /** Tick at which the last note of this part ends, 0 if it has none. */
    public int endTick() {
        int end = 0;
        for (Note note : notes) {
            end = Math.max(end, note.endTick());
        }
        return end;
    }
}
