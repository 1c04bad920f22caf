package com.soundhub.generator.composition;

/**
 * A chord of the harmonic plan and the ticks it covers.
 *
 * @param startTick first tick
 * @param endTick   tick just after the span
 * @param chord     the chord
 */
public record ChordSpan(int startTick, int endTick, Chord chord) {

    public ChordSpan {
        if (startTick < 0 || endTick <= startTick) {
            throw new IllegalArgumentException("chord span " + startTick + "-" + endTick + " is invalid");
        }
        if (chord == null) {
            throw new IllegalArgumentException("chord must not be null");
        }
    }
}
