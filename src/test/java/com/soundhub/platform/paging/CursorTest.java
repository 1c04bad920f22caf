package com.soundhub.platform.paging;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CursorTest {

    @Test
    void survivesTheTripThroughAUrlToTheMicrosecond() {
        Instant at = Instant.parse("2026-11-22T07:01:02.123456Z");
        Cursor cursor = Cursor.of(at, 42);
        Cursor parsed = Cursor.parse(cursor.toString()).orElseThrow();
        assertThat(parsed).isEqualTo(cursor);
        assertThat(parsed.instant()).isEqualTo(at);
    }

    @Test
    void anythingElseMeansTheFirstPage() {
        for (String text : new String[]{null, "", "abc", "12.", ".12", "1.2.3", "x.1", "9".repeat(70) + ".1"}) {
            assertThat(Cursor.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void aSliceKeepsThePageAndPointsAfterItsLastItem() {
        Slice<Integer> slice = Slice.of(List.of(5, 4, 3), 2, n -> new Cursor(n, n));
        assertThat(slice.items()).containsExactly(5, 4);
        assertThat(slice.getNext()).isEqualTo("4.4");
        Slice<Integer> last = Slice.of(List.of(2, 1), 2, n -> new Cursor(n, n));
        assertThat(last.hasNext()).isFalse();
        assertThat(last.getNext()).isNull();
    }
}
