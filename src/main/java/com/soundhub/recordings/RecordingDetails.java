package com.soundhub.recordings;

import java.util.List;
import java.util.Set;

/** A recording's metadata as a member sets it, already checked and normalised. */
public record RecordingDetails(String title, String description, Short genreId, List<Short> instrumentIds,
                               Set<String> tags, Integer bpm, String musicalKey, License license,
                               Visibility visibility) {
}
