package com.soundhub.platform.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.soundhub.platform.database.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from PostgreSQL, so that every instance reports the same numbers whichever of them
 * does the work. A feature gives one query for all its gauges (one column each, on its own tables);
 * the answer is kept a few seconds, so frequent scrapes of several instances cost the database next
 * to nothing, and a scrape while the database is away reports "unknown" rather than failing.
 */
@ApplicationScoped
public class DatabaseGauges {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);
    private static final long KEEP_NANOS = 5_000_000_000L;

    /** One gauge: its metric name, what it means, its unit, and the query's column that holds it. */
    public record Gauge(String name, String description, String unit, String column) {
    }

    @Inject
    MetricRegistry registry;

    @Resource(lookup = DataSources.DIRECT)
    DataSource dataSource;

    /** Registers {@code gauges}, all read from the single row {@code query} answers. */
    public void register(String query, List<Gauge> gauges) {
        Reading reading = new Reading(query);
        for (Gauge gauge : gauges) {
            registry.gauge(Metadata.builder().withName(gauge.name()).withDescription(gauge.description())
                    .withUnit(gauge.unit()).build(), reading, current -> current.value(gauge.column()));
        }
    }

    /** The current value of a registered gauge, as the metrics endpoint would show it; NaN when there is none. */
    public double value(String name) {
        var gauge = registry.getGauge(new org.eclipse.microprofile.metrics.MetricID(name));
        return gauge == null ? Double.NaN : gauge.getValue().doubleValue();
    }

    /** The last answer to one query, read again when it is a few seconds old. */
    private final class Reading {

        private final String query;
        private volatile Map<String, Double> values = Map.of();
        private volatile long readAt;

        Reading(String query) {
            this.query = query;
        }

        double value(String column) {
            Map<String, Double> current = values;
            if (current.isEmpty() || System.nanoTime() - readAt > KEEP_NANOS) {
                current = read();
                values = current;
                readAt = System.nanoTime();
            }
            return current.getOrDefault(column, Double.NaN);
        }

        private Map<String, Double> read() {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(2);
                try (ResultSet row = statement.executeQuery(query)) {
                    row.next();
                    Map<String, Double> read = new HashMap<>();
                    for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                        read.put(row.getMetaData().getColumnLabel(column), row.getDouble(column));
                    }
                    return read;
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("Could not read gauges ({}): {}", query.lines().findFirst().orElse(""), e.toString());
                return Map.of();
            }
        }
    }
}
