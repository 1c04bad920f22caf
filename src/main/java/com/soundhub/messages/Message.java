package com.soundhub.messages;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One message. Messages never change once written; they are stored by {@link MessageRepository}
 * in SQL, with the time the database gave their conversation, and read back as entities.
 */
@Entity
@Immutable
@Table(name = "messages")
public class Message {

    @Id
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private long conversationId;

    @Column(name = "sender_id", nullable = false)
    private long senderId;

    @Column(nullable = false, length = MessageRules.MAX_LENGTH)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Message() {
    }

    public Long getId() {
        return id;
    }

    public long getConversationId() {
        return conversationId;
    }

    public long getSenderId() {
        return senderId;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
