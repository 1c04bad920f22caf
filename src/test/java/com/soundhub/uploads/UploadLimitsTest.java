package com.soundhub.uploads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadLimitsTest {

    static final long MB = 1024 * 1024;
    final UploadLimits limits = new UploadLimits(200 * MB, 5, 2048 * MB, 10240 * MB);

    @Test
    void aFileThatFitsEveryLimitIsTaken() {
        assertThat(limits.refusal(new UploadLimits.Usage(4, 1848 * MB, 10040 * MB), 200 * MB)).isEmpty();
    }

    @Test
    void theSlotsWaitingAtOnceAreCounted() {
        assertThat(limits.refusal(new UploadLimits.Usage(5, 0, 0), MB))
                .hasValueSatisfying(reason -> assertThat(reason).contains("You already have 5 uploads waiting"));
    }

    @Test
    void theBytesOfTheLastDayAreCountedWithTheNewFile() {
        assertThat(limits.refusal(new UploadLimits.Usage(0, 1900 * MB, 1900 * MB), 149 * MB)).hasValueSatisfying(reason ->
                assertThat(reason).contains("up to 2,048 MB a day").contains("1,900 MB in the last 24 hours"));
        assertThat(limits.refusal(new UploadLimits.Usage(0, 1900 * MB, 1900 * MB), 148 * MB)).isEmpty();
    }

    @Test
    void theSpaceKeptIsCountedWithTheNewFile() {
        assertThat(limits.refusal(new UploadLimits.Usage(0, 0, 10240 * MB - 1), 2)).hasValueSatisfying(reason ->
                assertThat(reason).contains("may take up to 10,240 MB").contains("10,240 MB in use"));
    }

    @Test
    void megabytesRoundUpSoThatAFullAllowanceNeverReadsAsRoom() {
        assertThat(UploadLimits.megabytes(0)).isEqualTo("0");
        assertThat(UploadLimits.megabytes(1)).isEqualTo("1");
        assertThat(UploadLimits.megabytes(10240 * MB)).isEqualTo("10,240");
    }
}
