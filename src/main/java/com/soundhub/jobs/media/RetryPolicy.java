package com.soundhub.jobs.media;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many attempts a kind of media work gets, and how long it waits between them: after attempt
 * {@code n} fails, attempt {@code n + 1} starts {@code firstWait × factor^(n-1)} later (10 s, 40 s,
 * 160 s ... for uploads), until {@code maxAttempts} attempts have been made.
 */
public record RetryPolicy(int maxAttempts, Duration firstWait, double factor) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt, not " + maxAttempts);
        }
        if (firstWait.isNegative()) {
            throw new IllegalArgumentException("A wait cannot be negative: " + firstWait);
        }
        if (factor < 1) {
            throw new IllegalArgumentException("Waits may not shrink: factor " + factor);
        }
    }

    /** How long to wait after attempt {@code failedAttempt} (1, 2, ...) failed. */
    public Duration waitAfter(int failedAttempt) {
        double millis = firstWait.toMillis() * Math.pow(factor, Math.max(0, failedAttempt - 1));
        return Duration.ofMillis((long) Math.min(millis, Long.MAX_VALUE / 2.0));
    }

    /** When the next attempt starts after {@code failedAttempt} failed at {@code now}; empty when none is left. */
    public Optional<Instant> nextAttempt(int failedAttempt, Instant now) {
        return hasAttemptsAfter(failedAttempt) ? Optional.of(now.plus(waitAfter(failedAttempt))) : Optional.empty();
    }

    public boolean hasAttemptsAfter(int attempt) {
        return attempt < maxAttempts;
    }
}
