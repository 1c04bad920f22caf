package com.soundhub.jobs.media;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaLanesTest {

    static final UUID SUBJECT = UUID.fromString("3f0c8a52-94a3-4f67-9d52-1d4a3c1b2e11");

    @Test
    void aJobsDataNamesItsSubjectAndItsMember() {
        String data = MediaLanes.data(SUBJECT, 42);
        assertThat(MediaLanes.subjectOf(data)).isEqualTo(SUBJECT);
        assertThat(MediaLanes.ownerOf(data)).hasValue(42);
    }

    @Test
    void jobsQueuedBeforeLanesNameNoMember() {
        assertThat(MediaLanes.subjectOf(SUBJECT.toString())).isEqualTo(SUBJECT);
        assertThat(MediaLanes.ownerOf(SUBJECT.toString())).isEmpty();
        assertThat(MediaLanes.ownerOf(null)).isEmpty();
    }

    @Test
    void parkedWorkIsFarBeyondAnyRealTimeAndKeepsItsOrder() {
        Instant now = Instant.parse("2026-12-06T21:00:00Z");
        Instant first = now.plus(MediaLanes.PARKING);
        Instant second = now.plusSeconds(1).plus(MediaLanes.PARKING);
        assertThat(first).isAfter(MediaLanes.PARKED_AFTER);
        assertThat(second).isAfter(first);
        assertThat(MediaLanes.PARKED_AFTER).isAfter(now.plusSeconds(60L * 60 * 24 * 365 * 1000));
    }
}
