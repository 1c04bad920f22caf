package com.soundhub.comments;

import java.util.List;

/** A top-level comment and its replies, oldest reply first. */
public record CommentThread(CommentView comment, List<CommentView> replies) {

    public CommentView getComment() {
        return comment;
    }

    public List<CommentView> getReplies() {
        return replies;
    }
}
