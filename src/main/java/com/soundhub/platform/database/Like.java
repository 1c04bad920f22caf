package com.soundhub.platform.database;

/** Patterns for SQL {@code LIKE}, with what someone typed taken literally (PostgreSQL's escape is the backslash). */
public final class Like {

    private Like() {
    }

    /** Matches any text that contains {@code words}, whatever wildcards they hold. */
    public static String containing(String words) {
        return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
