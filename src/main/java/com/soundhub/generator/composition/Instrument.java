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
    static final Instrument STANDARD_KIT = new Instrument(0, "Standard Drum Kit");
}
