package com.soundhub.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Building URLs from values that may hold any character. */
public final class Paths {

    private Paths() {
    }

    /** {@code value} encoded for use as one path segment. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
