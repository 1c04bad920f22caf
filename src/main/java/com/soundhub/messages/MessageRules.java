package com.soundhub.messages;

import com.soundhub.platform.rules.RuleViolation;

/** What a message may contain and how it is shortened for the list of conversations; no database, no web. */
public final class MessageRules {

    public static final int MAX_LENGTH = 4000;
    public static final int SNIPPET_LENGTH = 100;

    static final String EMPTY = "Write a message first.";
    static final String TOO_LONG = "A message can be at most 4,000 characters long.";

    private MessageRules() {
    }

    /**
     * The text to store: line breaks as {@code \n}, control characters other than line breaks and
     * tabs removed (PostgreSQL refuses some, and none mean anything in a message), surrounding
     * white space trimmed. Throws a {@link RuleViolation} on {@code field} if nothing is left or it
     * is too long.
     */
    public static String clean(String typed, String field) {
        String text = withNewlines(typed);
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip();
        if (cleaned.isEmpty()) {
            throw new RuleViolation(field, EMPTY);
        }
        if (cleaned.length() > MAX_LENGTH) {
            throw new RuleViolation(field, TOO_LONG);
        }
        return cleaned;
    }

    /**
     * Characters as the member typed them: browsers send each line break as CR LF, but count it
     * as one character (as {@code maxlength} does).
     */
    public static int typedLength(String typed) {
        return withNewlines(typed).length();
    }

    private static String withNewlines(String typed) {
        return typed == null ? "" : typed.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The start of a message on one line, for the list of conversations: at most {@link #SNIPPET_LENGTH} characters. */
    public static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= SNIPPET_LENGTH) {
            return line;
        }
        int end = line.offsetByCodePoints(0, SNIPPET_LENGTH - 1);
        return line.substring(0, end).stripTrailing() + "\u2026";
    }

    /** Conversations store their two members in id order: the lower id first. */
    public static long lower(long a, long b) {
        return Math.min(a, b);
    }

    public static long higher(long a, long b) {
        return Math.max(a, b);
    }
}
