package com.soundhub.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

    final Dates dates = new Dates();
    final Instant now = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void recentMomentsReadAsAgo() {
        assertThat(dates.ago(now.minusSeconds(20), now)).isEqualTo("just now");
        assertThat(dates.ago(now.minusSeconds(60), now)).isEqualTo("1 minute ago");
        assertThat(dates.ago(now.minusSeconds(3 * 3600 + 5), now)).isEqualTo("3 hours ago");
        assertThat(dates.ago(now.minusSeconds(2 * 86_400), now)).isEqualTo("2 days ago");
        assertThat(dates.ago(Instant.parse("2026-01-05T08:00:00Z"), now)).isEqualTo("5 Jan 2026");
    }

    @Test
    void durationsReadLikeAPlayer() {
        assertThat(dates.clock(0)).isEqualTo("0:00");
        assertThat(dates.clock(65.9)).isEqualTo("1:05");
        assertThat(dates.clock(3725)).isEqualTo("1:02:05");
    }

    @Test
    void monthAndYearForMemberSince() {
        assertThat(dates.monthYear(Instant.parse("2026-03-31T23:30:00Z"))).isEqualTo("March 2026");
    }
}
