package com.soundhub.likes;

/** A member liked a recording (fired once per like, not again for a repeated click). */
public record RecordingLiked(long recordingId, long recordingOwnerId, long likerId) {
}
