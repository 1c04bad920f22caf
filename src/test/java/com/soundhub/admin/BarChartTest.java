package com.soundhub.admin;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTest {

    @Test
    void theBusiestDayFillsTheHeightAndAQuietDayWithSomethingIsStillSeen() {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        days.put(LocalDate.of(2026, 12, 1), 0L);
        days.put(LocalDate.of(2026, 12, 2), 1L);
        days.put(LocalDate.of(2026, 12, 3), 500L);
        BarChart chart = BarChart.of("Sign-ups", days);
        assertThat(chart.total()).isEqualTo(501);
        assertThat(chart.max()).isEqualTo(500);
        assertThat(chart.bars()).hasSize(3);
        assertThat(chart.bars().get(0).height()).isZero();
        assertThat(chart.bars().get(1).height()).as("one sign-up is not lost in the scale").isGreaterThanOrEqualTo(1);
        assertThat(chart.bars().get(2).height()).isEqualTo(BarChart.HEIGHT - 2);
        assertThat(chart.bars().get(2).y() + chart.bars().get(2).height()).isEqualTo(BarChart.HEIGHT);
        assertThat(chart.bars().get(2).x()).isGreaterThan(chart.bars().get(1).x());
        assertThat(chart.bars().get(1).label()).isEqualTo("2026-12-02: 1");
    }

    @Test
    void anEmptyMonthDrawsNoBarsTallerThanNothing() {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        days.put(LocalDate.of(2026, 12, 1), 0L);
        days.put(LocalDate.of(2026, 12, 2), 0L);
        assertThat(BarChart.of("Plays", days).bars()).allSatisfy(bar -> assertThat(bar.height()).isZero());
    }
}
