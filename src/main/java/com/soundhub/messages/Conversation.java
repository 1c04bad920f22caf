package com.soundhub.messages;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * Two members writing to each other, the lower member id first. Rows are created and touched by
 * {@link MessageRepository} in SQL (an upsert that also orders concurrent messages), so the
 * entity is read-only. Each side's read mark and deletion live in {@code conversation_members}.
 */
@Entity
@Immutable
@Table(name = "conversations")
public class Conversation {

    @Id
    private Long id;

    @Column(name = "member_low_id", nullable = false)
    private long memberLowId;

    @Column(name = "member_high_id", nullable = false)
    private long memberHighId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the newest message was written; strictly increasing within a conversation. */
    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    protected Conversation() {
    }

    public Long getId() {
        return id;
    }

    public long getMemberLowId() {
        return memberLowId;
    }

    public long getMemberHighId() {
        return memberHighId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }
}
