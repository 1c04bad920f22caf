package com.soundhub.limits;

import java.time.Duration;

/** Things members do that are cheap to repeat and annoying in bulk, with how often each may happen. */
public enum LimitedAction {
    COMMENT(10, Duration.ofMinutes(1), "You are commenting faster than anyone can read. Wait a minute and try again."),
    MESSAGE(20, Duration.ofMinutes(1), "You are sending messages very fast. Wait a minute and try again."),
    FOLLOW(60, Duration.ofHours(1), "You have followed and unfollowed a lot in the last hour. Try again later."),
    REPORT(20, Duration.ofHours(1), "You have sent many reports in the last hour. Try again later.");

    private final int defaultLimit;
    private final Duration window;
    private final String message;

    LimitedAction(int defaultLimit, Duration window, String message) {
        this.defaultLimit = defaultLimit;
        this.window = window;
        this.message = message;
    }

    public int defaultLimit() {
        return defaultLimit;
    }

    public Duration window() {
        return window;
    }

    public String message() {
        return message;
    }

    /** The configuration key that overrides the limit, e.g. {@code soundhub.limits.comment}. */
    public String configKey() {
        return "soundhub.limits." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
