package com.soundhub.platform.database;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Times read by native queries, whose type depends on the driver and the column: all as instants. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The instant of a {@code timestamptz} or {@code timestamp} value; null stays null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("Not a point in time: " + value.getClass());
    }
}
