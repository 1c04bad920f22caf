package com.soundhub.accounts;

/** What a nickname may look like: it appears in profile URLs, so it keeps to letters, digits and a few marks. */
public final class Nicknames {

    /** Letters of any script (Korean too), digits, and . _ - not at the start. */
    public static final String PATTERN = "^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*$";
    public static final String PATTERN_MESSAGE =
            "Use letters, digits, dots, dashes and underscores, starting with a letter or digit.";

    private Nicknames() {
    }
}
