package com.soundhub.comments;

/**
 * A comment was posted. {@code repliedToAuthorId} is the author of the comment it answers, if it is
 * a reply.
 */
public record CommentPosted(long commentId, long recordingId, long recordingOwnerId, long authorId,
                            Long repliedToAuthorId) {
}
