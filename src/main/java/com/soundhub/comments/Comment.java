package com.soundhub.comments;

import java.time.Instant;

import com.soundhub.accounts.Member;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A comment on a recording, optionally pinned to a moment of it, or a reply in a comment's thread. */
@Entity
@Table(name = "comments")
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recording_id", nullable = false, updatable = false)
    private long recordingId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", updatable = false)
    private Member author;

    @Column(name = "parent_id", updatable = false)
    private Long parentId;

    @Column(name = "at_ms", updatable = false)
    private Integer atMs;

    @Column(nullable = false, length = 1000)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** Hidden while its author is suspended. */
    @Column(name = "hidden_with_author", nullable = false)
    private boolean hiddenWithAuthor;

    /** Why a moderator hid it; null when they did not. */
    @Column(name = "hidden_reason", length = 500)
    private String hiddenReason;

    protected Comment() {
    }

    Comment(long recordingId, Member author, Long parentId, Integer atMs, String body, Instant now) {
        this.recordingId = recordingId;
        this.author = author;
        this.parentId = parentId;
        this.atMs = atMs;
        this.body = body;
        this.createdAt = now;
    }

    /** Keeps the thread readable: the words go, a placeholder stays for the replies under it. */
    void blankOut(Instant now) {
        this.body = "";
        this.deletedAt = now;
    }

    void hide(String reason) {
        this.hiddenReason = reason;
    }

    public String getHiddenReason() {
        return hiddenReason;
    }

    public boolean isWrittenBy(Long memberId) {
        return memberId != null && memberId.equals(author.getId());
    }

    public Long getId() {
        return id;
    }

    public long getRecordingId() {
        return recordingId;
    }

    public Member getAuthor() {
        return author;
    }

    public Long getParentId() {
        return parentId;
    }

    public Integer getAtMs() {
        return atMs;
    }

    public double getAtSeconds() {
        return atMs == null ? 0 : atMs / 1000.0;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
