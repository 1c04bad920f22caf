package com.soundhub.platform.paging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where a keyset-paginated list stopped: the sort value of the last item shown and its id as the
 * tie-breaker. The next page asks for items strictly after it, so items added at the top in the
 * meantime neither repeat nor push anything out of the next page. Written in URLs as
 * {@code <value>.<id>}.
 */
public record Cursor(long value, long id) {

    public static Cursor of(Instant at, long id) {
        return new Cursor(ChronoUnit.MICROS.between(Instant.EPOCH, at), id);
    }

    /** The cursor in a URL, or empty for the first page (and for anything that is not a cursor). */
    public static Optional<Cursor> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 60) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Cursor(Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1))));
        } catch (NumberFormatException notACursor) {
            return Optional.empty();
        }
    }

    /** The sort value as a time, for cursors made by {@link #of(Instant, long)}. */
    public Instant instant() {
        return Instant.EPOCH.plus(value, ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return value + "." + id;
    }
}
