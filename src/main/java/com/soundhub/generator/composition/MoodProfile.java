package com.soundhub.generator.composition;

import java.util.List;

/**
 * What a mood changes: candidate modes, energy (density and dynamics), rhythmic
 * looseness, register and ambience.
 *
 * @param modes            candidate modes; repeated entries weight the draw
 * @param energy           0 (still) to 1 (driving): note density and loudness
 * @param randomnessOffset added to the genre's rhythmic randomness
 * @param velocity         base MIDI velocity of a normal-strength note
 * @param registerShift    semitones by which melody and harmony registers move
 * @param reverb           MIDI reverb send 0-127
 * @param stepSpread       standard deviation, in scale steps, of melodic motion
 */
record MoodProfile(List<Mode> modes, double energy, double randomnessOffset, int velocity,
                   int registerShift, int reverb, double stepSpread) {

    static MoodProfile of(Mood mood) {
        return switch (mood) {
            case HAPPY -> new MoodProfile(List.of(Mode.MAJOR, Mode.MAJOR, Mode.MAJOR, Mode.MIXOLYDIAN, Mode.LYDIAN),
                    0.7, 0.05, 92, 2, 40, 1.4);
            case SAD -> new MoodProfile(List.of(Mode.MINOR, Mode.MINOR, Mode.MINOR, Mode.DORIAN),
                    0.35, -0.1, 70, -3, 60, 1.1);
            case CALM -> new MoodProfile(List.of(Mode.MAJOR, Mode.MAJOR, Mode.LYDIAN, Mode.DORIAN),
                    0.3, -0.15, 66, 0, 70, 1.0);
            case ENERGETIC -> new MoodProfile(List.of(Mode.MAJOR, Mode.MIXOLYDIAN, Mode.MINOR, Mode.DORIAN),
                    0.95, 0.15, 98, 0, 35, 1.6);
            case DARK -> new MoodProfile(List.of(Mode.MINOR, Mode.MINOR, Mode.PHRYGIAN, Mode.DORIAN),
                    0.6, 0.0, 84, -5, 50, 1.3);
            case DREAMY -> new MoodProfile(List.of(Mode.LYDIAN, Mode.MAJOR, Mode.DORIAN),
                    0.4, -0.05, 70, 2, 90, 1.2);
        };
    }
}
