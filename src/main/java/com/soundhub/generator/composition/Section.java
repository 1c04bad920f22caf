package com.soundhub.generator.composition;

/**
 * A formal section of a piece such as the intro, a verse theme or the ending.
 *
 * @param label     display name: {@code Intro}, {@code A}, {@code A'}, {@code B}, {@code Outro}...
 * @param startBar  zero-based first bar
 * @param bars      length in bars
 * @param startTick first tick
 * @param endTick   tick just after the section
 */
public record Section(String label, int startBar, int bars, int startTick, int endTick) {

    public Section {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("section label must not be blank");
        }
        if (startBar < 0 || bars < 1 || startTick < 0 || endTick <= startTick) {
            throw new IllegalArgumentException("section '" + label + "' has an invalid extent");
        }
    }
}
