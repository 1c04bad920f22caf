package com.soundhub.platform.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * One timer per outcome of an HTTP request ({@code http_server_requests_seconds}), so that the
 * error rate is a ratio of counts and the latency a quantile, both from one metric.
 */
@ApplicationScoped
public class RequestMetrics {

    public static final String NAME = "http.server.requests";

    /** Status classes, as label values; what alerts and dashboards group by. */
    public enum Outcome {
        SUCCESS, REDIRECTION, CLIENT_ERROR, SERVER_ERROR;

        static Outcome of(int status) {
            if (status >= 500) {
                return SERVER_ERROR;
            }
            if (status >= 400) {
                return CLIENT_ERROR;
            }
            return status >= 300 ? REDIRECTION : SUCCESS;
        }
    }

    @Inject
    MetricRegistry registry;

    private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);

    @PostConstruct
    void register() {
        Metadata metadata = Metadata.builder()
                .withName(NAME)
                .withDescription("Time to serve HTTP requests, by outcome (status class)")
                .withUnit(MetricUnits.SECONDS)
                .build();
        for (Outcome outcome : Outcome.values()) {
            timers.put(outcome, registry.timer(metadata, new Tag("outcome", outcome.name())));
        }
    }

    public void record(int status, long nanos) {
        timers.get(Outcome.of(status)).update(Duration.ofNanos(nanos));
    }
}
