package com.soundhub.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How failed sign-ins lock a subject (an account or a client address): after {@code maxFailures}
 * failures within {@code window} the subject is locked for {@code lockFor}. Once a lock or a window
 * has passed, counting starts again.
 */
public record ThrottlePolicy(int maxFailures, Duration window, Duration lockFor) {

    /** Failures counted so far for a subject. */
    public record State(int failures, Instant windowStartedAt, Instant lockedUntil) {

        public static State none(Instant now) {
            return new State(0, now, null);
        }
    }

    public Optional<Instant> lockedUntil(State state, Instant now) {
        return state.lockedUntil() != null && state.lockedUntil().isAfter(now)
                ? Optional.of(state.lockedUntil())
                : Optional.empty();
    }

    public State afterFailure(State state, Instant now) {
        boolean fresh = state.windowStartedAt().plus(window).isBefore(now)
                || (state.lockedUntil() != null && !state.lockedUntil().isAfter(now));
        int failures = fresh ? 1 : state.failures() + 1;
        Instant windowStart = fresh ? now : state.windowStartedAt();
        Instant lockedUntil = failures >= maxFailures ? now.plus(lockFor) : null;
        return new State(failures, windowStart, lockedUntil);
    }
}
