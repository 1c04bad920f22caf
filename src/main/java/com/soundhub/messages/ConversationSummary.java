package com.soundhub.messages;

import java.time.Instant;

/**
 * One line of a member's list of conversations: with whom, the newest message they can still see
 * (shortened), when, and how many messages from the other side they have not read.
 */
public record ConversationSummary(long conversationId, String otherNickname, String snippet, boolean lastFromMe,
                                  Instant lastAt, long unread) {

    public boolean hasUnread() {
        return unread > 0;
    }
}
