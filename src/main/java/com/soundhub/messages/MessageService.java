package com.soundhub.messages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.EmailConfirmations;
import com.soundhub.accounts.Member;
import com.soundhub.accounts.MemberAdministration;
import com.soundhub.accounts.MemberDeleted;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.limits.LimitedAction;
import com.soundhub.limits.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The rules of direct messages. A member only ever reaches a conversation through the other
 * member's nickname, so nobody can open a conversation they are not in. Writing to oneself, to a
 * member who does not exist or is suspended answers "not found".
 */
@ApplicationScoped
@Transactional
public class MessageService {

    /** Messages a conversation page shows: the newest this many. */
    public static final int THREAD_LIMIT = 200;
    /** Conversations the list shows. */
    public static final int LIST_LIMIT = 100;

    @Inject
    EmailConfirmations emailConfirmations;

    @Inject
    MessageRepository messages;

    @Inject
    AccountService accounts;

    @Inject
    MemberAdministration administration;

    @Inject
    RateLimiter limits;

    @Inject
    Event<MessageSent> sent;

    /** A deleted member's messages go when their content is removed; otherwise the people they wrote to keep them. */
    void onMemberDeleted(@Observes MemberDeleted deletion) {
        if (deletion.contentRemoved()) {
            messages.deleteSentBy(deletion.memberId());
        }
    }

    /** Who sent a message {@code recipientId} received, for reporting it; "not found" for any other message. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String senderOfReceived(long messageId, long recipientId) {
        Message message = messages.receivedBy(messageId, recipientId).orElseThrow(NotFound::new);
        return nameOf(message.getSenderId());
    }

    /** A reported message as moderators see it: who sent it and what it says. */
    public record ReportedMessage(String sender, String body) {
    }

    /** A message for the moderation queue; only admins may read one (the reporter, its recipient, showed it to them). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReportedMessage> reported(long adminId, long messageId) {
        administration.requireAdmin(adminId);
        return messages.byId(messageId).map(message -> new ReportedMessage(nameOf(message.getSenderId()), message.getBody()));
    }

    /** Deletes a message for an admin; returns a label of it for the audit log. */
    public String deleteForAdmin(long adminId, long messageId) {
        ReportedMessage message = reported(adminId, messageId).orElseThrow(NotFound::new);
        messages.delete(messageId);
        String label = message.sender() + ": " + message.body();
        return label.length() > 200 ? label.substring(0, 199) + "\u2026" : label;
    }

    private String nameOf(long memberId) {
        return accounts.activeNicknames(List.of(memberId)).getOrDefault(memberId, "a former member");
    }

    /** The member's conversation with {@code nickname}, as they see it; seeing it marks it read. */
    public MessageThread thread(long memberId, String nickname) {
        Member other = correspondent(memberId, nickname);
        Optional<Conversation> conversation = messages.between(memberId, other.getId());
        if (conversation.isEmpty()) {
            return new MessageThread(memberId, other, List.of(), false);
        }
        long conversationId = conversation.get().getId();
        List<Message> visible = messages.visibleTo(conversationId, memberId, THREAD_LIMIT + 1);
        boolean earlierHidden = visible.size() > THREAD_LIMIT;
        if (earlierHidden) {
            visible = visible.subList(1, visible.size());
        }
        if (!visible.isEmpty()) {
            messages.markRead(conversationId, memberId, visible.get(visible.size() - 1).getId());
        }
        return new MessageThread(memberId, other, visible, earlierHidden);
    }

    /**
     * Sends {@code body} from the member to {@code nickname}. Refused with a {@code RuleViolation}
     * on {@code body} when empty or too long, and with a {@code RateLimitExceeded} (for the whole
     * form) when the member is sending too fast; then nothing is stored.
     */
    public MessageSent send(long senderId, String nickname, String body) {
        emailConfirmations.requireConfirmed(senderId);
        Member recipient = correspondent(senderId, nickname);
        String text = MessageRules.clean(body, "body");
        limits.consume(senderId, LimitedAction.MESSAGE);
        MessageRepository.Stored stored = messages.add(senderId, recipient.getId(), text);
        MessageSent event = new MessageSent(stored.conversationId(), senderId, recipient.getId(), stored.messageId());
        sent.fire(event);
        return event;
    }

    /**
     * Deletes the member's copy of their conversation with {@code nickname}: its messages so far
     * disappear for them, not for the other member. Works for suspended members too, so that
     * nobody is stuck with a conversation. Returns the other member's nickname.
     */
    public String deleteCopy(long memberId, String nickname) {
        Member other = accounts.profile(nickname)
                .filter(member -> member.getId() != memberId)
                .orElseThrow(NotFound::new);
        messages.between(memberId, other.getId()).ifPresent(conversation -> messages.clear(conversation.getId(), memberId));
        return other.getNickname();
    }

    /** The member's conversations with active members, newest activity first. */
    public List<ConversationSummary> conversations(long memberId) {
        List<MessageRepository.ConversationRow> rows = messages.conversationsOf(memberId, LIST_LIMIT);
        Map<Long, String> active = accounts.activeNicknames(rows.stream().map(MessageRepository.ConversationRow::otherMemberId).toList());
        return rows.stream()
                .filter(row -> active.containsKey(row.otherMemberId()))
                .map(row -> new ConversationSummary(row.conversationId(), active.get(row.otherMemberId()),
                        MessageRules.snippet(row.body()), row.lastFromMe(), row.lastAt(), row.unread()))
                .toList();
    }

    /** Messages from active members that the member has not read yet, in all conversations. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long unreadCount(long memberId) {
        Map<Long, Long> unread = messages.unreadBySender(memberId);
        if (unread.isEmpty()) {
            return 0;
        }
        return accounts.activeNicknames(unread.keySet()).keySet().stream().mapToLong(unread::get).sum();
    }

    private Member correspondent(long memberId, String nickname) {
        return accounts.profile(nickname)
                .filter(member -> member.getId() != memberId && member.isActive())
                .orElseThrow(NotFound::new);
    }
}
