package com.soundhub.generator.composition;

/**
 * Everything a genre decides about a piece: instruments and registers, feel, chord
 * language and the pattern families of each part. Mood adjustments are applied on top.
 */
record GenreStyle(
        Genre genre,
        Instrument melody, int melodyLow, int melodyHigh,
        Instrument harmony, int harmonyLow, int harmonyHigh,
        Instrument bass, int bassLow, int bassHigh,
        double swing,
        double rhythmRandomness,
        boolean melodySixteenths,
        HarmonyLanguage language,
        double seventhChance,
        double ninthChance,
        double secondaryDominantChance,
        boolean splitBarCadences,
        int loopBars,
        boolean rootlessVoicings,
        BassStyle bassStyle,
        CompStyle compStyle,
        DrumStyle drumStyle,
        String form) {

    /** Chord-transition families, see {@link HarmonyPlanner}. */
    enum HarmonyLanguage { POP, ROCK, JAZZ, LOFI }

    enum BassStyle { ROOT_FIFTH, DRIVING_EIGHTHS, WALKING, OFFBEAT, BOOM_BAP, SUSTAINED, BOSSA }

    enum CompStyle { BLOCK, POWER_CHORDS, JAZZ_COMP, OFFBEAT_STABS, PAD, ARPEGGIO, BOSSA }

    enum DrumStyle { POP, ROCK, JAZZ_RIDE, HOUSE, BOOM_BAP, BALLAD, BOSSA }

    /** Swing ratios: where the off-beat eighth falls within the beat. */
    static final double STRAIGHT = 0.5;
    static final double TRIPLET_SWING = 2.0 / 3.0;
    static final double LAZY_SWING = 0.6;

    static GenreStyle of(Genre genre) {
        return switch (genre) {
            case POP -> new GenreStyle(genre,
                    Instrument.SQUARE_LEAD, 64, 84,
                    Instrument.ACOUSTIC_GRAND_PIANO, 52, 76,
                    Instrument.FINGER_BASS, 28, 52,
                    STRAIGHT, 0.35, true,
                    HarmonyLanguage.POP, 0.1, 0.0, 0.15, false, 4, false,
                    BassStyle.ROOT_FIFTH, CompStyle.BLOCK, DrumStyle.POP, "AABAB");
            case ROCK -> new GenreStyle(genre,
                    Instrument.OVERDRIVEN_GUITAR, 59, 81,
                    Instrument.DISTORTION_GUITAR, 40, 64,
                    Instrument.PICK_BASS, 28, 50,
                    STRAIGHT, 0.3, true,
                    HarmonyLanguage.ROCK, 0.0, 0.0, 0.0, false, 0, false,
                    BassStyle.DRIVING_EIGHTHS, CompStyle.POWER_CHORDS, DrumStyle.ROCK, "AABAB");
            case JAZZ -> new GenreStyle(genre,
                    Instrument.ALTO_SAX, 56, 80,
                    Instrument.ACOUSTIC_GRAND_PIANO, 50, 74,
                    Instrument.ACOUSTIC_BASS, 28, 55,
                    TRIPLET_SWING, 0.7, false,
                    HarmonyLanguage.JAZZ, 1.0, 0.5, 0.25, true, 0, true,
                    BassStyle.WALKING, CompStyle.JAZZ_COMP, DrumStyle.JAZZ_RIDE, "AABA");
            case LOFI_HIP_HOP -> new GenreStyle(genre,
                    Instrument.VIBRAPHONE, 60, 81,
                    Instrument.ELECTRIC_PIANO, 50, 74,
                    Instrument.FINGER_BASS, 28, 50,
                    LAZY_SWING, 0.55, true,
                    HarmonyLanguage.LOFI, 1.0, 0.6, 0.15, false, 4, true,
                    BassStyle.BOOM_BAP, CompStyle.PAD, DrumStyle.BOOM_BAP, "AABA");
            case HOUSE -> new GenreStyle(genre,
                    Instrument.SAW_LEAD, 62, 84,
                    Instrument.BRIGHT_PIANO, 55, 79,
                    Instrument.SYNTH_BASS, 28, 50,
                    STRAIGHT, 0.4, true,
                    HarmonyLanguage.POP, 0.5, 0.0, 0.1, false, 4, false,
                    BassStyle.OFFBEAT, CompStyle.OFFBEAT_STABS, DrumStyle.HOUSE, "AABB");
            case BALLAD -> new GenreStyle(genre,
                    Instrument.VIOLIN, 62, 86,
                    Instrument.ACOUSTIC_GRAND_PIANO, 43, 76,
                    Instrument.FINGER_BASS, 28, 52,
                    STRAIGHT, 0.2, true,
                    HarmonyLanguage.POP, 0.15, 0.0, 0.25, false, 0, false,
                    BassStyle.SUSTAINED, CompStyle.ARPEGGIO, DrumStyle.BALLAD, "AABAB");
            case BOSSA_NOVA -> new GenreStyle(genre,
                    Instrument.FLUTE, 67, 89,
                    Instrument.NYLON_GUITAR, 48, 72,
                    Instrument.ACOUSTIC_BASS, 28, 52,
                    STRAIGHT, 0.6, true,
                    HarmonyLanguage.JAZZ, 1.0, 0.4, 0.2, true, 0, true,
                    BassStyle.BOSSA, CompStyle.BOSSA, DrumStyle.BOSSA, "AABA");
        };
    }
}
