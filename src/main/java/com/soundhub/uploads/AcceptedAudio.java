package com.soundhub.uploads;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.soundhub.media.ProbeResult;

/** The audio formats SoundHub takes: WAV, AIFF, FLAC, MP3, OGG (Vorbis or Opus) and M4A/AAC. */
public final class AcceptedAudio {

    public static final String FORMATS = "WAV, AIFF, FLAC, MP3, OGG/Opus or M4A/AAC";

    private static final Map<String, String> TYPE_BY_EXTENSION = Map.ofEntries(
            Map.entry("wav", "audio/wav"), Map.entry("wave", "audio/wav"),
            Map.entry("aif", "audio/aiff"), Map.entry("aiff", "audio/aiff"), Map.entry("aifc", "audio/aiff"),
            Map.entry("flac", "audio/flac"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"), Map.entry("opus", "audio/ogg"),
            Map.entry("m4a", "audio/mp4"), Map.entry("mp4", "audio/mp4"), Map.entry("aac", "audio/aac"));

    /** ffprobe's names for the containers of those formats. */
    private static final Set<String> CONTAINERS = Set.of("wav", "aiff", "flac", "mp3", "ogg", "mov", "mp4", "m4a", "aac");

    private AcceptedAudio() {
    }

    /** The content type to upload a file of this name with, or empty when its extension is not taken. */
    public static Optional<String> contentTypeFor(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPE_BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** Whether what ffprobe found is audio in one of the taken formats. */
    public static boolean accepts(ProbeResult probe) {
        if (!probe.hasAudio() || probe.hasVideo()) {
            return false;
        }
        for (String container : probe.formatName().split(",")) {
            if (CONTAINERS.contains(container.trim())) {
                return true;
            }
        }
        return false;
    }
}
