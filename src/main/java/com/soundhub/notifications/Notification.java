package com.soundhub.notifications;

import java.time.Instant;

import com.soundhub.accounts.Member;
import com.soundhub.recordings.Recording;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Something another member did that concerns the recipient. */
@Entity
@Table(name = "notifications")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private long recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12, updatable = false)
    private NotificationKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "actor_id", updatable = false)
    private Member actor;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "recording_id", updatable = false)
    private Recording recording;

    @Column(name = "comment_id", updatable = false)
    private Long commentId;

    /** What the notification is about when it is not a recording (a project's title), copied when raised. */
    @Column(name = "subject_title", length = 200, updatable = false)
    private String subjectTitle;

    /** Where the notification leads when it is not about a recording. */
    @Column(name = "subject_path", length = 300, updatable = false)
    private String subjectPath;

    /** A few words after the subject ("as producer"). */
    @Column(name = "subject_detail", length = 100, updatable = false)
    private String subjectDetail;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(long recipientId, NotificationKind kind, Member actor, Recording recording, Long commentId, Instant now) {
        this.recipientId = recipientId;
        this.kind = kind;
        this.actor = actor;
        this.recording = recording;
        this.commentId = commentId;
        this.createdAt = now;
    }

    /** A notification about something other than a recording, with what it shows and where it leads. */
    Notification(long recipientId, NotificationKind kind, Member actor, String subjectTitle, String subjectPath,
                 String subjectDetail, Instant now) {
        this(recipientId, kind, actor, null, null, now);
        this.subjectTitle = subjectTitle;
        this.subjectPath = subjectPath;
        this.subjectDetail = subjectDetail;
    }

    /** The notification in words, as the list shows it (for mail). */
    public String describe() {
        StringBuilder words = new StringBuilder(actor.getNickname()).append(' ').append(kind.getPhrase());
        if (recording != null) {
            words.append(" \"").append(recording.getTitle()).append('"');
        }
        if (subjectTitle != null) {
            words.append(' ').append(subjectTitle);
            if (subjectDetail != null) {
                words.append(' ').append(subjectDetail);
            }
        }
        return words.toString();
    }

    /** Where the notification leads. */
    public String getLink() {
        return switch (kind) {
            case LIKE -> "/recordings/" + recording.getPublicId();
            case COMMENT, REPLY -> "/recordings/" + recording.getPublicId() + "#comment-" + commentId;
            case FOLLOW -> "/members/" + com.soundhub.web.Paths.segment(actor.getNickname());
            case MESSAGE -> "/messages/" + com.soundhub.web.Paths.segment(actor.getNickname());
            case INVITATION, PROPOSAL, DECISION, WARNING, REPORT -> subjectPath;
        };
    }

    public Long getId() {
        return id;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public Member getActor() {
        return actor;
    }

    public Recording getRecording() {
        return recording;
    }

    public String getSubjectTitle() {
        return subjectTitle;
    }

    public String getSubjectDetail() {
        return subjectDetail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
