package com.soundhub.generator;

import java.util.Locale;

import com.soundhub.generator.composition.PartRole;
import com.soundhub.recordings.Recording;

/**
 * Where a generated piece's files are: the MIDI file and the mix next to its recording's audio; the
 * stems and the MIDI file also held in the projects' content store under these names, which become
 * the paths of a project opened from the piece.
 */
final class GenerationFiles {

    static final String MIDI = "piece.mid";
    static final String STEMS_FOLDER = "stems/";
    /** The one zip of stems kept by pieces made before stems were held one by one. */
    static final String LEGACY_STEMS = "stems.zip";

    private GenerationFiles() {
    }

    static String prefix(Recording recording) {
        return recording.storagePrefix();
    }

    static String stemPath(PartRole part) {
        return STEMS_FOLDER + part.name().toLowerCase(Locale.ROOT) + ".wav";
    }
}
