package com.soundhub.jobs.media;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    final Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void waitsGrowByTheFactorAfterEachFailedAttempt() {
        RetryPolicy uploads = new RetryPolicy(4, Duration.ofSeconds(10), 4);

        assertThat(uploads.waitAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(uploads.waitAfter(2)).isEqualTo(Duration.ofSeconds(40));
        assertThat(uploads.waitAfter(3)).isEqualTo(Duration.ofSeconds(160));
        assertThat(new RetryPolicy(3, Duration.ofSeconds(5), 1).waitAfter(2)).as("a steady wait").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theLastAttemptHasNoNext() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(10), 2);

        assertThat(policy.nextAttempt(1, now)).contains(now.plusSeconds(10));
        assertThat(policy.nextAttempt(2, now)).contains(now.plusSeconds(20));
        assertThat(policy.nextAttempt(3, now)).isEmpty();
        assertThat(policy.nextAttempt(7, now)).as("after a retry button, counting went on").isEmpty();
        assertThat(new RetryPolicy(1, Duration.ZERO, 1).nextAttempt(1, now)).as("one attempt only").isEmpty();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(-1), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(1), 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hugeAttemptNumbersDoNotOverflow() {
        assertThat(new RetryPolicy(1000, Duration.ofHours(1), 10).waitAfter(500)).isPositive();
    }
}
