package com.soundhub.recordings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * A picture for recordings without artwork: a gradient whose colours come from the recording's id,
 * so every recording has its own, with the title's first letter.
 */
public final class ArtworkPlaceholder {

    private ArtworkPlaceholder() {
    }

    public static String svg(String seed, String title) {
        byte[] hash = sha256(seed);
        int hue = ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) % 360;
        int second = (hue + 40 + (hash[2] & 0xff) % 80) % 360;
        String letter = title == null || title.isBlank() ? "♪" : title.strip().substring(0, title.strip().offsetByCodePoints(0, 1));
        StringBuilder bars = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            int height = 20 + (hash[(i + 3) % hash.length] & 0xff) % 70;
            bars.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"6\" height=\"%d\" rx=\"3\"/>",
                    30 + i * 10, 250 - height / 2, height));
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 300\" role=\"img\">"
                + "<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">"
                + "<stop offset=\"0\" stop-color=\"hsl(" + hue + ",70%,55%)\"/>"
                + "<stop offset=\"1\" stop-color=\"hsl(" + second + ",75%,35%)\"/>"
                + "</linearGradient></defs>"
                + "<rect width=\"300\" height=\"300\" fill=\"url(#g)\"/>"
                + "<g fill=\"#ffffff\" fill-opacity=\"0.35\">" + bars + "</g>"
                + "<text x=\"150\" y=\"150\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-family=\"sans-serif\" "
                + "font-size=\"120\" font-weight=\"700\" fill=\"#ffffff\" fill-opacity=\"0.9\">" + escape(letter.toUpperCase(Locale.ROOT))
                + "</text></svg>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
