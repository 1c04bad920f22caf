package com.soundhub.web.security;

/** The Content-Security-Policy values SoundHub sends. */
public final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    public static String forPages(String storageOrigin) {
        return common(storageOrigin) + "; frame-ancestors 'none'";
    }

    /** The embeddable player may be framed anywhere, and nothing else may. */
    public static String forEmbeds(String storageOrigin) {
        return common(storageOrigin) + "; frame-ancestors *";
    }

    private static String common(String storageOrigin) {
        return "default-src 'self'"
                + "; script-src 'self'"
                + "; style-src 'self'"
                + "; img-src 'self' data: blob: " + storageOrigin
                + "; media-src 'self' blob: " + storageOrigin
                + "; connect-src 'self' " + storageOrigin
                + "; font-src 'self'"
                + "; object-src 'none'"
                + "; base-uri 'self'"
                + "; form-action 'self'";
    }
}
