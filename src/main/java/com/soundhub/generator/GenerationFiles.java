package com.soundhub.generator;

import com.soundhub.recordings.Recording;

/** Where a generated piece's files are stored: next to its recording's audio. */
final class GenerationFiles {

    static final String MIDI = "piece.mid";
    static final String STEMS = "stems.zip";

    private GenerationFiles() {
    }

    static String prefix(Recording recording) {
        return recording.storagePrefix();
    }
}
