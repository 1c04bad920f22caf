package com.soundhub.messages;

/**
 * Raised inside the transaction that stores a message, for features that tell the recipient
 * (notifications). Observers that fail make the message fail too.
 */
public record MessageSent(long conversationId, long senderId, long recipientId, long messageId) {
}
