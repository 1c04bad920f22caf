package com.soundhub.projects;

import java.util.List;

/** Raised inside the transaction that writes a revision; {@code newAudio} are the audio contents it brought in. */
public record RevisionPushed(long projectId, String projectPublicId, int revision, List<String> newAudio) {
}
