package com.soundhub.recordings;

import java.util.ArrayList;
import java.util.List;

/** The 24 major and minor keys, as members pick them ("F# minor"). */
public final class MusicalKeys {

    private static final String[] TONICS = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    public static final List<String> ALL;

    static {
        List<String> keys = new ArrayList<>();
        for (String mode : new String[]{"major", "minor"}) {
            for (String tonic : TONICS) {
                keys.add(tonic + " " + mode);
            }
        }
        ALL = List.copyOf(keys);
    }

    private MusicalKeys() {
    }

    public static boolean isKnown(String key) {
        return ALL.contains(key);
    }
}
