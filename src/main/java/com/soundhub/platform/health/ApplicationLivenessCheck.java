package com.soundhub.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM can still allocate: a process that is out of heap should be restarted, one
 * whose database is briefly away should not (that is readiness).
 */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {

    private static final double MAX_HEAP_USE = 0.98;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("heap")
                .status(share < MAX_HEAP_USE)
                .withData("usedMb", used / (1024 * 1024))
                .withData("maxMb", runtime.maxMemory() / (1024 * 1024))
                .build();
    }
}
