package com.soundhub.platform.database;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

/**
 * Rows per UTC day over the last days, days without any included: the shape of the back office's
 * charts. Each feature counts its own table with it.
 */
public final class DailyCounts {

    private DailyCounts() {
    }

    /**
     * Rows of {@code table} per day of {@code timestampColumn}, oldest day first. Both names are the
     * caller's constants, never input.
     */
    public static Map<LocalDate, Long> of(EntityManager em, String table, String timestampColumn, int days) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<LocalDate, Long> counts = new TreeMap<>();
        for (int i = days - 1; i >= 0; i--) {
            counts.put(today.minusDays(i), 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT (" + timestampColumn + " AT TIME ZONE 'UTC')::date, count(*) FROM "
                        + table + " WHERE " + timestampColumn + " >= (?1 AT TIME ZONE 'UTC') GROUP BY 1")
                .setParameter(1, Timestamp.valueOf(today.minusDays(days - 1L).atStartOfDay())).getResultList();
        for (Object[] row : rows) {
            // A java.sql.Date or a LocalDate, by the driver's and Hibernate's versions: both print as ISO dates.
            LocalDate day = LocalDate.parse(row[0].toString());
            counts.computeIfPresent(day, (key, value) -> ((Number) row[1]).longValue());
        }
        return counts;
    }
}
