package com.soundhub.uploads;

import java.util.Locale;

/**
 * A title for a recording whose member left the title empty: from the file's name ("rainy_day
 * demo v2.wav" becomes "rainy day demo v2"), until the file's own tags, read when it is probed,
 * give a better one.
 */
public final class Titles {

    static final int MAX_LENGTH = 200;
    static final String UNTITLED = "Untitled";

    private Titles() {
    }

    public static String fromFileName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.length() - dot <= 6 && name.substring(dot + 1).matches("[A-Za-z0-9]+")) {
            name = name.substring(0, dot);
        }
        name = name.replace('_', ' ').replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        return name.isEmpty() ? UNTITLED : cut(name);
    }

    /** A title from a file's tags, tidied like a typed one; null when there is nothing in it. */
    static String fromTag(String tag) {
        if (tag == null) {
            return null;
        }
        String title = tag.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        return title.isEmpty() ? null : cut(title);
    }

    private static String cut(String title) {
        if (title.length() <= MAX_LENGTH) {
            return title;
        }
        int end = MAX_LENGTH;
        if (Character.isHighSurrogate(title.charAt(end - 1))) {
            end--;
        }
        return title.substring(0, end).strip();
    }

    /** Whether a recording's title is still the one made from its file's name. */
    static boolean isFromFileName(String title, String fileName) {
        return title != null && title.toLowerCase(Locale.ROOT).equals(fromFileName(fileName).toLowerCase(Locale.ROOT));
    }
}
