package com.soundhub.accounts;

import java.util.List;
import java.util.Map;

/**
 * "Firefox on Linux" from a User-Agent header, for people to recognise their own devices. Written
 * here rather than taken from a user-agent library: a dozen well-known names is all the page shows,
 * and those libraries bring large rule files for precision nobody reads here.
 */
final class Browsers {

    /** Checked in order: Edge and Opera say "Chrome" too, Chrome says "Safari". */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg/", "Edge"), Map.entry("OPR/", "Opera"), Map.entry("Firefox/", "Firefox"),
            Map.entry("Chromium/", "Chromium"), Map.entry("Chrome/", "Chrome"), Map.entry("Safari/", "Safari"),
            Map.entry("curl/", "curl"), Map.entry("Java-http-client", "A Java program"));

    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Android", "Android"), Map.entry("iPhone", "iPhone"), Map.entry("iPad", "iPad"),
            Map.entry("Windows", "Windows"), Map.entry("Mac OS X", "macOS"), Map.entry("Macintosh", "macOS"),
            Map.entry("CrOS", "ChromeOS"), Map.entry("Linux", "Linux"));

    private Browsers() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "An unknown browser";
        }
        String browser = first(BROWSERS, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (browser == null) {
            return system == null ? "An unknown browser" : "A browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String first(List<Map.Entry<String, String>> names, String userAgent) {
        return names.stream().filter(name -> userAgent.contains(name.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
