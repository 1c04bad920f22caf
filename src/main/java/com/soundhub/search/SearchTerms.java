package com.soundhub.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was typed, turned into a PostgreSQL full-text query: each word (letters and digits of any
 * script) as a prefix, all required. "사랑 노래" finds "사랑을 노래해요"; "hous" finds "house".
 * Anything else in the text is dropped, so nothing typed can change the query's syntax.
 */
final class SearchTerms {

    static final int MAX_WORDS = 8;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private SearchTerms() {
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < MAX_WORDS) {
            words.add(matcher.group());
        }
        return words;
    }

    /** The words as a {@code to_tsquery('simple', ...)} argument, or empty if there are none. */
    static String prefixQuery(String text) {
        return String.join(" & ", words(text).stream().map(word -> word + ":*").toList());
    }

    /** The text for trigram similarity: its words, lower-cased, single-spaced. */
    static String normalized(String text) {
        return String.join(" ", words(text));
    }

    /** {@code text} as a LIKE prefix pattern, wildcards in it escaped. */
    static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
