package com.soundhub.generator.composition;

/** A General MIDI program and its name. */
record Instrument(int program, String name) {

    static final Instrument ACOUSTIC_GRAND_PIANO = new Instrument(0, "Acoustic Grand Piano");
    static final Instrument BRIGHT_PIANO = new Instrument(1, "Bright Acoustic Piano");
    static final Instrument ELECTRIC_PIANO = new Instrument(4, "Electric Piano 1");
    static final Instrument VIBRAPHONE = new Instrument(11, "Vibraphone");
    static final Instrument NYLON_GUITAR = new Instrument(24, "Acoustic Guitar (nylon)");
    static final Instrument OVERDRIVEN_GUITAR = new Instrument(29, "Overdriven Guitar");
    static final Instrument DISTORTION_GUITAR = new Instrument(30, "Distortion Guitar");
    static final Instrument ACOUSTIC_BASS = new Instrument(32, "Acoustic Bass");
    static final Instrument FINGER_BASS = new Instrument(33, "Electric Bass (finger)");
    static final Instrument PICK_BASS = new Instrument(34, "Electric Bass (pick)");
    static final Instrument SYNTH_BASS = new Instrument(38, "Synth Bass 1");
    static final Instrument VIOLIN = new Instrument(40, "Violin");
    static final Instrument ALTO_SAX = new Instrument(65, "Alto Sax");
    static final Instrument FLUTE = new Instrument(73, "Flute");
    static final Instrument SQUARE_LEAD = new Instrument(80, "Lead 1 (square)");
    static final Instrument SAW_LEAD = new Instrument(81, "Lead 2 (sawtooth)");
    static final Instrument ELECTRIC_PIANO_2 = new Instrument(5, "Electric Piano 2");
    static final Instrument CLAVINET = new Instrument(7, "Clavinet");
    static final Instrument MARIMBA = new Instrument(12, "Marimba");
    static final Instrument ROCK_ORGAN = new Instrument(18, "Rock Organ");
    static final Instrument STEEL_GUITAR = new Instrument(25, "Acoustic Guitar (steel)");
    static final Instrument JAZZ_GUITAR = new Instrument(26, "Electric Guitar (jazz)");
    static final Instrument CLEAN_GUITAR = new Instrument(27, "Electric Guitar (clean)");
    static final Instrument FRETLESS_BASS = new Instrument(35, "Fretless Bass");
    static final Instrument SYNTH_BASS_2 = new Instrument(39, "Synth Bass 2");
    static final Instrument STRING_ENSEMBLE = new Instrument(48, "String Ensemble 1");
    static final Instrument TRUMPET = new Instrument(56, "Trumpet");
    static final Instrument SYNTH_BRASS = new Instrument(62, "Synth Brass 1");
    static final Instrument TENOR_SAX = new Instrument(66, "Tenor Sax");
    static final Instrument CLARINET = new Instrument(71, "Clarinet");
    static final Instrument WARM_PAD = new Instrument(89, "Pad 2 (warm)");
    static final Instrument STANDARD_KIT = new Instrument(0, "Standard Drum Kit");
}
