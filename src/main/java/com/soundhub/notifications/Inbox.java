package com.soundhub.notifications;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.messages.MessageService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The unread counts in the header, asked for only when a signed-in page shows them. */
@Named("inbox")
@RequestScoped
public class Inbox {

    @Inject
    CurrentMember currentMember;

    @Inject
    NotificationService notifications;

    @Inject
    MessageService messages;

    private Long unreadNotifications;
    private Long unreadMessages;

    public long getNotifications() {
        if (unreadNotifications == null) {
            unreadNotifications = currentMember.id().map(notifications::unreadCount).orElse(0L);
        }
        return unreadNotifications;
    }

    public long getMessages() {
        if (unreadMessages == null) {
            unreadMessages = currentMember.id().map(messages::unreadCount).orElse(0L);
        }
        return unreadMessages;
    }
}
