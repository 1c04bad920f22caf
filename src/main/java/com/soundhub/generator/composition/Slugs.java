package com.soundhub.generator.composition;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Shared slug lookup so every enum rejects unknown values with the same clear message. */
final class Slugs {

    private Slugs() {
    }

    static <E extends Enum<E>> E find(E[] values, String slug, Function<E, String> slugOf, String kind) {
        if (slug == null || slug.isBlank()) {
            throw new IllegalArgumentException(kind + " must not be blank; expected one of " + list(values, slugOf));
        }
        String wanted = slug.strip().toLowerCase(Locale.ROOT);
        for (E value : values) {
            if (slugOf.apply(value).equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                "unknown " + kind + " '" + slug + "'; expected one of " + list(values, slugOf));
    }

    private static <E> String list(E[] values, Function<E, String> slugOf) {
        return Arrays.stream(values).map(slugOf).collect(Collectors.joining(", "));
    }
}
