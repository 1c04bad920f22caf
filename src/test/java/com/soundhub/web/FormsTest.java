package com.soundhub.web;

import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormsTest {

    static class Form {
        @Size(max = 5)
        String body;
        @Size(max = 3)
        String other;
        String unlimited;
    }

    @Test
    void cutsEachFieldToWhatItMayHold() {
        Form form = new Form();
        form.body = "x".repeat(1_000_000);
        form.other = "ab";
        form.unlimited = "y".repeat(100);
        assertThat(Forms.cutToSize(form)).isSameAs(form);
        assertThat(form.body).isEqualTo("xxxxx");
        assertThat(form.other).isEqualTo("ab");
        assertThat(form.unlimited).hasSize(100);
    }

    @Test
    void neverSplitsACharacter() {
        assertThat(Forms.cut("abcd\uD83C\uDFB5", 5)).isEqualTo("abcd");
        assertThat(Forms.cut("abc", 5)).isEqualTo("abc");
    }

    @Test
    void formsLargerThanTheContainerReadsAreRefusedBeforeReading() {
        long limit = FormSizeFilter.MAX_FORM_BYTES;
        assertThat(FormSizeFilter.tooLarge("POST", "application/x-www-form-urlencoded", limit + 1)).isTrue();
        assertThat(FormSizeFilter.tooLarge("POST", "application/x-www-form-urlencoded; charset=UTF-8", 3_000_000)).isTrue();
        assertThat(FormSizeFilter.tooLarge("POST", "application/x-www-form-urlencoded", limit)).isFalse();
        assertThat(FormSizeFilter.tooLarge("POST", "image/jpeg", 9_000_000)).isFalse();
        assertThat(FormSizeFilter.tooLarge("POST", null, 9_000_000)).isFalse();
        assertThat(FormSizeFilter.tooLarge("POST", "application/x-www-form-urlencoded", -1)).isFalse();
        assertThat(FormSizeFilter.tooLarge("GET", "application/x-www-form-urlencoded", 9_000_000)).isFalse();
    }
}
