package com.soundhub.generator.composition;

import java.util.List;

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

    /**
     * The same style with other instruments for melody, harmony and bass (registers, feel and
     * patterns stay the genre's).
     */
    GenreStyle with(Instrumentation instruments) {
        return new GenreStyle(genre, instruments.melody(), melodyLow, melodyHigh, instruments.harmony(), harmonyLow,
                harmonyHigh, instruments.bass(), bassLow, bassHigh, swing, rhythmRandomness, melodySixteenths, language,
                seventhChance, ninthChance, secondaryDominantChance, splitBarCadences, loopBars, rootlessVoicings,
                bassStyle, compStyle, drumStyle, form);
    }

    /** The same style with another section plan, e.g. {@code "ABAB"}. */
    GenreStyle withForm(String plan) {
        return new GenreStyle(genre, melody, melodyLow, melodyHigh, harmony, harmonyLow, harmonyHigh, bass, bassLow,
                bassHigh, swing, rhythmRandomness, melodySixteenths, language, seventhChance, ninthChance,
                secondaryDominantChance, splitBarCadences, loopBars, rootlessVoicings, bassStyle, compStyle, drumStyle,
                plan);
    }

    /** Instruments of the melody, harmony and bass parts. */
    record Instrumentation(Instrument melody, Instrument harmony, Instrument bass) {
    }

    /**
     * The instrument sets a genre chooses from, the first being its signature sound. Each keeps
     * to the genre's idiom and to instruments whose range fits the genre's registers.
     */
    static List<Instrumentation> instrumentations(Genre genre) {
        return switch (genre) {
            case POP -> List.of(
                    new Instrumentation(Instrument.SQUARE_LEAD, Instrument.ACOUSTIC_GRAND_PIANO, Instrument.FINGER_BASS),
                    new Instrumentation(Instrument.CLEAN_GUITAR, Instrument.ELECTRIC_PIANO, Instrument.PICK_BASS),
                    new Instrumentation(Instrument.TRUMPET, Instrument.STEEL_GUITAR, Instrument.FINGER_BASS));
            case ROCK -> List.of(
                    new Instrumentation(Instrument.OVERDRIVEN_GUITAR, Instrument.DISTORTION_GUITAR, Instrument.PICK_BASS),
                    new Instrumentation(Instrument.ROCK_ORGAN, Instrument.DISTORTION_GUITAR, Instrument.FINGER_BASS),
                    new Instrumentation(Instrument.DISTORTION_GUITAR, Instrument.OVERDRIVEN_GUITAR, Instrument.PICK_BASS));
            case JAZZ -> List.of(
                    new Instrumentation(Instrument.ALTO_SAX, Instrument.ACOUSTIC_GRAND_PIANO, Instrument.ACOUSTIC_BASS),
                    new Instrumentation(Instrument.TRUMPET, Instrument.ACOUSTIC_GRAND_PIANO, Instrument.ACOUSTIC_BASS),
                    new Instrumentation(Instrument.VIBRAPHONE, Instrument.JAZZ_GUITAR, Instrument.ACOUSTIC_BASS),
                    new Instrumentation(Instrument.TENOR_SAX, Instrument.ELECTRIC_PIANO, Instrument.ACOUSTIC_BASS));
            case LOFI_HIP_HOP -> List.of(
                    new Instrumentation(Instrument.VIBRAPHONE, Instrument.ELECTRIC_PIANO, Instrument.FINGER_BASS),
                    new Instrumentation(Instrument.FLUTE, Instrument.ELECTRIC_PIANO_2, Instrument.SYNTH_BASS_2),
                    new Instrumentation(Instrument.MARIMBA, Instrument.JAZZ_GUITAR, Instrument.FINGER_BASS));
            case HOUSE -> List.of(
                    new Instrumentation(Instrument.SAW_LEAD, Instrument.BRIGHT_PIANO, Instrument.SYNTH_BASS),
                    new Instrumentation(Instrument.SQUARE_LEAD, Instrument.WARM_PAD, Instrument.SYNTH_BASS_2),
                    new Instrumentation(Instrument.SYNTH_BRASS, Instrument.ELECTRIC_PIANO, Instrument.SYNTH_BASS));
            case BALLAD -> List.of(
                    new Instrumentation(Instrument.VIOLIN, Instrument.ACOUSTIC_GRAND_PIANO, Instrument.FINGER_BASS),
                    new Instrumentation(Instrument.FLUTE, Instrument.ACOUSTIC_GRAND_PIANO, Instrument.FRETLESS_BASS),
                    new Instrumentation(Instrument.CLARINET, Instrument.NYLON_GUITAR, Instrument.ACOUSTIC_BASS));
            case BOSSA_NOVA -> List.of(
                    new Instrumentation(Instrument.FLUTE, Instrument.NYLON_GUITAR, Instrument.ACOUSTIC_BASS),
                    new Instrumentation(Instrument.ALTO_SAX, Instrument.NYLON_GUITAR, Instrument.ACOUSTIC_BASS),
                    new Instrumentation(Instrument.VIBRAPHONE, Instrument.ELECTRIC_PIANO, Instrument.ACOUSTIC_BASS));
        };
    }

    /**
     * The section plans a genre chooses from, the first being its classic one. Each opens
     * differently (A A' B, A B A', A B B') so even a one-minute piece has its own shape, and each
     * brings a theme back within its first three sections: verse-chorus forms with a bridge (C)
     * for pop, rock and ballads, the 32-bar AABA and its ABAC cousin for jazz and bossa, paired
     * build-and-drop sections for house.
     */
    static List<String> forms(Genre genre) {
        return switch (genre) {
            case POP, BALLAD, ROCK -> List.of("AABAB", "ABAB", "ABBCB");
            case JAZZ, BOSSA_NOVA -> List.of("AABA", "ABAC", "ABBA");
            case LOFI_HIP_HOP -> List.of("AABA", "ABAB", "ABBA");
            case HOUSE -> List.of("AABB", "ABAB", "ABBA");
        };
    }

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
