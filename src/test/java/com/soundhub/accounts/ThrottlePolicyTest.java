package com.soundhub.accounts;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottlePolicyTest {

    final ThrottlePolicy policy = new ThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    final Instant start = Instant.parse("2026-11-22T10:00:00Z");

    private ThrottlePolicy.State fail(ThrottlePolicy.State state, int times, Duration apart) {
        Instant now = state.windowStartedAt();
        for (int i = 0; i < times; i++) {
            state = policy.afterFailure(state, now);
            now = now.plus(apart);
        }
        return state;
    }

    @Test
    void fourFailuresDoNotLockTheFifthDoes() {
        ThrottlePolicy.State four = fail(ThrottlePolicy.State.none(start), 4, Duration.ofSeconds(10));
        assertThat(four.failures()).isEqualTo(4);
        assertThat(policy.lockedUntil(four, start.plusSeconds(40))).isEmpty();

        ThrottlePolicy.State five = policy.afterFailure(four, start.plusSeconds(40));
        assertThat(policy.lockedUntil(five, start.plusSeconds(41))).contains(start.plusSeconds(40).plus(Duration.ofMinutes(15)));
    }

    @Test
    void theLockEndsAfterItsTimeAndCountingStartsAfresh() {
        ThrottlePolicy.State locked = fail(ThrottlePolicy.State.none(start), 5, Duration.ZERO);
        Instant afterLock = start.plus(Duration.ofMinutes(16));
        assertThat(policy.lockedUntil(locked, afterLock)).isEmpty();

        ThrottlePolicy.State next = policy.afterFailure(locked, afterLock);
        assertThat(next.failures()).isEqualTo(1);
        assertThat(policy.lockedUntil(next, afterLock)).isEmpty();
    }

    @Test
    void failuresSpreadBeyondTheWindowNeverLock() {
        ThrottlePolicy.State state = ThrottlePolicy.State.none(start);
        Instant now = start;
        for (int i = 0; i < 20; i++) {
            state = policy.afterFailure(state, now);
            assertThat(policy.lockedUntil(state, now)).as("failure %d", i).isEmpty();
            now = now.plus(Duration.ofMinutes(4));
        }
    }
}
