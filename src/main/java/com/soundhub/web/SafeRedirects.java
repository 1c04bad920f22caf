package com.soundhub.web;

/** Only paths on this site may be redirect targets taken from a request: no open redirects. */
public final class SafeRedirects {

    private SafeRedirects() {
    }

    /** {@code candidate} when it is a path on this site, otherwise {@code fallback}. */
    public static String localPath(String candidate, String fallback) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 2000) {
            return fallback;
        }
        boolean local = candidate.startsWith("/")
                && !candidate.startsWith("//")
                && !candidate.startsWith("/\\")
                && candidate.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
        return local ? candidate : fallback;
    }
}
