package com.soundhub.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.soundhub.platform.database.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Conversations, their members' marks and messages, in SQL where PostgreSQL does the work better:
 * one upsert creates or touches a conversation and gives each message its time, and a member's
 * view is always filtered by their own {@code cleared_at} and {@code last_read_at}.
 *
 * <p>Times come from the conversation row alone: {@code last_message_at} grows by at least a
 * microsecond with every message (the row stays locked until the sender's transaction ends), the
 * message takes that time, and read marks and deletions copy times of messages, never a clock.
 * So "everything up to here" always means exactly the messages that were there.
 */
@ApplicationScoped
public class MessageRepository {

    /** The other member of a conversation of member {@code ?1}. */
    private static final String OTHER_MEMBER = "CASE WHEN c.member_low_id = ?1 THEN c.member_high_id ELSE c.member_low_id END";

    /** A line of a member's list of conversations, with the other member by id (accounts knows their name). */
    record ConversationRow(long conversationId, long otherMemberId, String body, boolean lastFromMe, Instant lastAt,
                           long unread) {
    }

    @PersistenceContext(unitName = "soundhub")
    EntityManager em;

    public Optional<Conversation> between(long a, long b) {
        return em.createQuery("SELECT c FROM Conversation c WHERE c.memberLowId = :low AND c.memberHighId = :high",
                        Conversation.class)
                .setParameter("low", MessageRules.lower(a, b))
                .setParameter("high", MessageRules.higher(a, b))
                .getResultStream().findFirst();
    }

    /** Where a new message went. */
    public record Stored(long conversationId, long messageId) {
    }

    /** Stores a message from {@code senderId} to {@code recipientId}, creating their conversation on the first one. */
    public Stored add(long senderId, long recipientId, String body) {
        long low = MessageRules.lower(senderId, recipientId);
        long high = MessageRules.higher(senderId, recipientId);
        long conversationId = ((Number) em.createNativeQuery("""
                        INSERT INTO conversations (member_low_id, member_high_id, last_message_at)
                        VALUES (?1, ?2, clock_timestamp())
                        ON CONFLICT (member_low_id, member_high_id) DO UPDATE
                        SET last_message_at = greatest(conversations.last_message_at + interval '1 microsecond',
                                                       EXCLUDED.last_message_at)
                        RETURNING id""")
                .setParameter(1, low)
                .setParameter(2, high)
                .getSingleResult()).longValue();
        em.createNativeQuery("""
                        INSERT INTO conversation_members (conversation_id, member_id)
                        VALUES (?1, ?2), (?1, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, conversationId)
                .setParameter(2, low)
                .setParameter(3, high)
                .executeUpdate();
        long messageId = ((Number) em.createNativeQuery("""
                        INSERT INTO messages (conversation_id, sender_id, body, created_at)
                        SELECT c.id, ?2, ?3, c.last_message_at FROM conversations c WHERE c.id = ?1
                        RETURNING id""")
                .setParameter(1, conversationId)
                .setParameter(2, senderId)
                .setParameter(3, body)
                .getSingleResult()).longValue();
        return new Stored(conversationId, messageId);
    }

    /**
     * The newest {@code limit} messages of the conversation that {@code memberId} has not deleted,
     * oldest first; one more is fetched to tell whether older ones exist.
     */
    public List<Message> visibleTo(long conversationId, long memberId, int limit) {
        @SuppressWarnings("unchecked")
        List<Message> newestFirst = em.createNativeQuery("""
                        SELECT m.* FROM messages m
                        JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.member_id = ?2
                        WHERE m.conversation_id = ?1 AND m.created_at > cm.cleared_at
                        ORDER BY m.created_at DESC, m.id DESC
                        LIMIT ?3""", Message.class)
                .setParameter(1, conversationId)
                .setParameter(2, memberId)
                .setParameter(3, limit)
                .getResultList();
        List<Message> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** {@code memberId} has read the conversation up to and including {@code messageId}. */
    public void markRead(long conversationId, long memberId, long messageId) {
        em.createNativeQuery("""
                        UPDATE conversation_members cm
                        SET last_read_at = greatest(cm.last_read_at, m.created_at)
                        FROM messages m
                        WHERE m.id = ?3 AND m.conversation_id = ?1
                          AND cm.conversation_id = ?1 AND cm.member_id = ?2""")
                .setParameter(1, conversationId)
                .setParameter(2, memberId)
                .setParameter(3, messageId)
                .executeUpdate();
    }

    /**
     * {@code memberId}'s copy of the conversation is deleted: every message in it so far is gone
     * for them. The other member keeps theirs; later messages show again.
     */
    public void clear(long conversationId, long memberId) {
        em.createNativeQuery("""
                        UPDATE conversation_members cm
                        SET cleared_at = greatest(cm.cleared_at, c.last_message_at),
                            last_read_at = greatest(cm.last_read_at, c.last_message_at)
                        FROM conversations c
                        WHERE c.id = ?1 AND cm.conversation_id = ?1 AND cm.member_id = ?2""")
                .setParameter(1, conversationId)
                .setParameter(2, memberId)
                .executeUpdate();
    }

    /** The member's conversations that still show a message to them, newest activity first. */
    /** The message, if {@code recipientId} received it (they are in its conversation and did not send it). */
    public Optional<Message> receivedBy(long messageId, long recipientId) {
        @SuppressWarnings("unchecked")
        List<Message> found = em.createNativeQuery("""
                        SELECT m.* FROM messages m
                        JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.member_id = ?2
                        WHERE m.id = ?1 AND m.sender_id <> ?2""", Message.class)
                .setParameter(1, messageId).setParameter(2, recipientId).getResultList();
        return found.stream().findFirst();
    }

    public Optional<Message> byId(long messageId) {
        return Optional.ofNullable(em.find(Message.class, messageId));
    }

    public void delete(long messageId) {
        em.createNativeQuery("DELETE FROM messages WHERE id = ?1").setParameter(1, messageId).executeUpdate();
    }

    /** Deletes every message the member sent, and the conversations left without any. */
    public void deleteSentBy(long memberId) {
        em.createNativeQuery("DELETE FROM messages WHERE sender_id = ?1").setParameter(1, memberId).executeUpdate();
        em.createNativeQuery("DELETE FROM conversations c WHERE (c.member_low_id = ?1 OR c.member_high_id = ?1) "
                + "AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id)").setParameter(1, memberId).executeUpdate();
    }

    public List<ConversationRow> conversationsOf(long memberId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.id, " + OTHER_MEMBER + """
                        , last.body, last.sender_id, last.created_at,
                               (SELECT count(*) FROM messages u
                                WHERE u.conversation_id = c.id AND u.sender_id <> ?1
                                  AND u.created_at > greatest(cm.last_read_at, cm.cleared_at)) AS unread
                        FROM conversation_members cm
                        JOIN conversations c ON c.id = cm.conversation_id
                        CROSS JOIN LATERAL (
                            SELECT left(m.body, 400) AS body, m.sender_id, m.created_at FROM messages m
                            WHERE m.conversation_id = c.id AND m.created_at > cm.cleared_at
                            ORDER BY m.created_at DESC, m.id DESC
                            LIMIT 1) last
                        WHERE cm.member_id = ?1 AND c.last_message_at > cm.cleared_at
                        ORDER BY c.last_message_at DESC, c.id DESC
                        LIMIT ?2""")
                .setParameter(1, memberId)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(row -> new ConversationRow(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                        (String) row[2], ((Number) row[3]).longValue() == memberId, SqlTimes.instant(row[4]),
                        ((Number) row[5]).longValue()))
                .toList();
    }

    /**
     * Messages from others the member has not read, per other member, over all their conversations.
     * Conversations with nothing new are skipped on their {@code last_message_at}; the rest are
     * counted from {@code messages_conversation_idx}.
     */
    public Map<Long, Long> unreadBySender(long memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + OTHER_MEMBER + """
                        , count(*)
                        FROM conversation_members cm
                        JOIN conversations c ON c.id = cm.conversation_id
                        JOIN messages m ON m.conversation_id = cm.conversation_id
                                       AND m.created_at > greatest(cm.last_read_at, cm.cleared_at)
                        WHERE cm.member_id = ?1
                          AND c.last_message_at > greatest(cm.last_read_at, cm.cleared_at)
                          AND m.sender_id <> ?1
                        GROUP BY 1""")
                .setParameter(1, memberId)
                .getResultList();
        Map<Long, Long> unread = new HashMap<>();
        rows.forEach(row -> unread.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return unread;
    }

}
