package com.soundhub.projects;

import com.soundhub.platform.rules.RuleViolation;

/** What a comment on a proposal or on a file may be: some words, and a moment of the audio if any. */
final class CommentRules {

    static final int MAX_BODY = 2000;
    private static final int LONGEST_MOMENT_MS = 24 * 3600 * 1000;
    private static final String MOMENT_HINT = "A moment is a time in the take, like 1:05.";

    private CommentRules() {
    }

    /** The comment's words, trimmed. */
    static String body(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new RuleViolation("body", "Write something first.");
        }
        if (text.length() > MAX_BODY) {
            throw new RuleViolation("body", "A comment can be at most 2,000 characters long.");
        }
        return text;
    }

    /** The moment the comment is about, checked; null for none. */
    static Integer moment(Integer atMs) {
        if (atMs != null && (atMs < 0 || atMs > LONGEST_MOMENT_MS)) {
            throw new RuleViolation("at", MOMENT_HINT);
        }
        return atMs;
    }

    /** "1:05" or "65" (seconds) as milliseconds; null for no moment. */
    static Integer moment(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (!trimmed.matches("[0-9]{1,3}:[0-5]?[0-9]|[0-9]{1,5}")) {
            throw new RuleViolation("at", MOMENT_HINT);
        }
        int colon = trimmed.indexOf(':');
        int seconds = colon < 0 ? Integer.parseInt(trimmed)
                : Integer.parseInt(trimmed.substring(0, colon)) * 60 + Integer.parseInt(trimmed.substring(colon + 1));
        return moment(seconds * 1000);
    }
}
