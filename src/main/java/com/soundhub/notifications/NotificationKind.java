package com.soundhub.notifications;

/** What happened, in words for the list of notifications. */
public enum NotificationKind {
    LIKE("liked"),
    COMMENT("commented on"),
    REPLY("replied to your comment on"),
    FOLLOW("started following you"),
    MESSAGE("sent you a message"),
    INVITATION("invited you to"),
    PROPOSAL("proposed a take to"),
    DECISION("decided on your proposal to"),
    WARNING("warned you:"),
    REPORT("handled your report:");

    private final String phrase;

    NotificationKind(String phrase) {
        this.phrase = phrase;
    }

    public String getPhrase() {
        return phrase;
    }
}
