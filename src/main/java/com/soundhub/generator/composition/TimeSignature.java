package com.soundhub.generator.composition;

/**
 * Metre of a piece.
 *
 * @param numerator   beats per bar
 * @param denominator note value of one beat (4 = quarter note); a power of two
 */
public record TimeSignature(int numerator, int denominator) {

    /** Common time, used by every genre SoundHub generates today. */
    public static final TimeSignature FOUR_FOUR = new TimeSignature(4, 4);

    public TimeSignature {
        if (numerator < 1 || numerator > 32) {
            throw new IllegalArgumentException("time signature numerator must be 1-32 but was " + numerator);
        }
        if (denominator < 1 || denominator > 64 || Integer.bitCount(denominator) != 1) {
            throw new IllegalArgumentException("time signature denominator must be a power of two but was " + denominator);
        }
    }

    /** Length of one bar in ticks at the given resolution (ticks per quarter note). */
    public int ticksPerBar(int ticksPerQuarter) {
        return numerator * ticksPerQuarter * 4 / denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
