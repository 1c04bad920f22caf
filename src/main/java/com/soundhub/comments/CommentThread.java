package com.soundhub.comments;

import java.util.List;

/** A top-level comment and its replies, oldest reply first. */
public record CommentThread(Comment comment, List<Comment> replies) {

    public Comment getComment() {
        return comment;
    }

    public List<Comment> getReplies() {
        return replies;
    }
}
