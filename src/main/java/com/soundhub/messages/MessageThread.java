package com.soundhub.messages;

import java.util.List;

import com.soundhub.accounts.Member;

/**
 * A member's view of their conversation with {@code other}: the messages they can see, oldest
 * first; {@code earlierHidden} when there are older ones beyond the page's limit.
 */
public record MessageThread(long memberId, Member other, List<Message> messages, boolean earlierHidden) {

    public boolean mine(Message message) {
        return message.getSenderId() == memberId;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
