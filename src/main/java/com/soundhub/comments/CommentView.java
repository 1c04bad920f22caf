package com.soundhub.comments;

import java.time.Instant;

import com.soundhub.web.Dates;
import com.soundhub.web.Paths;

/**
 * A comment as the recording page shows it: read as a projection rather than an entity, and with
 * its links and moment worked out here, since a busy track shows dozens of them.
 */
public record CommentView(long id, Long parentId, Integer atMs, String body, Instant createdAt, boolean deleted,
                          boolean hidden, long authorId, String authorNickname) {

    /** The JPQL constructor expression that reads it; {@code c} is the comment and {@code a} its author. */
    static final String SELECT = "SELECT new com.soundhub.comments.CommentView(c.id, c.parentId, c.atMs, c.body, "
            + "c.createdAt, CASE WHEN c.deletedAt IS NULL THEN false ELSE true END, CASE WHEN c.hiddenWithAuthor = true OR c.hiddenReason IS NOT NULL THEN true ELSE false END, a.id, a.nickname) "
            + "FROM Comment c JOIN c.author a ";

    public boolean isWrittenBy(Long memberId) {
        return memberId != null && memberId == authorId;
    }

    public long getId() {
        return id;
    }

    public Integer getAtMs() {
        return atMs;
    }

    public double getAtSeconds() {
        return atMs == null ? 0 : atMs / 1000.0;
    }

    /** The moment as players show it, such as 1:23. */
    public String getAt() {
        return atMs == null ? null : Dates.clockOf(getAtSeconds());
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** Hidden while its author is suspended: neither its text nor its author's actions are shown. */
    public boolean isHidden() {
        return hidden;
    }

    /** Deleted or hidden: a placeholder keeps its thread readable. */
    public boolean isGone() {
        return deleted || hidden;
    }

    public String getAuthorNickname() {
        return authorNickname;
    }

    public String getAuthorUrl() {
        return "/members/" + Paths.segment(authorNickname);
    }
}
