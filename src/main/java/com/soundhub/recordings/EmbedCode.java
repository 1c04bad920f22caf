package com.soundhub.recordings;

/**
 * The snippet other sites paste to show the player: one iframe, built here rather than in a
 * template so that every value in it is escaped as an attribute value. Whatever a title holds
 * (quotes, angle brackets, ampersands), it stays inside the {@code title} attribute.
 */
public final class EmbedCode {

    static final String HEIGHT = "180";

    private EmbedCode() {
    }

    public static String of(String embedUrl, String title) {
        return "<iframe src=\"" + attribute(embedUrl) + "\" width=\"100%\" height=\"" + HEIGHT + "\""
                + " frameborder=\"0\" title=\"" + attribute(title + " on SoundHub") + "\"></iframe>";
    }

    /** Text as a double-quoted attribute value: nothing in it can end the attribute or the tag. */
    static String attribute(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> {
                    // Control characters have no business in a title; they are dropped.
                    if (!Character.isISOControl(c)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
