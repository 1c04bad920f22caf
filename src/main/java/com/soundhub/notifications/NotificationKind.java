package com.soundhub.notifications;

/** What happened, in words for the list of notifications. */
public enum NotificationKind {
    LIKE("liked", "likes of your recordings"),
    COMMENT("commented on", "comments on your recordings"),
    REPLY("replied to your comment on", "replies to your comments"),
    FOLLOW("started following you", "new followers"),
    MESSAGE("sent you a message", "messages"),
    INVITATION("invited you to", "invitations to projects"),
    PROPOSAL("proposed a take to", "takes proposed to your projects"),
    DECISION("decided on your proposal to", "decisions on your proposals"),
    WARNING("warned you:", "warnings from the moderators"),
    REPORT("handled your report:", "reports you made, once handled");

    private final String phrase;
    private final String label;

    NotificationKind(String phrase, String label) {
        this.phrase = phrase;
        this.label = label;
    }

    /** What a member chooses mail about, in the settings. */
    public String getLabel() {
        return label;
    }

    public String getPhrase() {
        return phrase;
    }
}
