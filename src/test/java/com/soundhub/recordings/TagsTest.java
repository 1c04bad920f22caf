package com.soundhub.recordings;

import com.soundhub.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagsTest {

    @Test
    void tagsAreTrimmedLowerCasedAndUnique() {
        assertThat(Tags.parse(" Lofi, rainy   Day,#chill, lofi ,, 밤", "tags"))
                .containsExactly("lofi", "rainy day", "chill", "밤");
    }

    @Test
    void markupIsNotATag() {
        assertThatThrownBy(() -> Tags.parse("<script>alert(1)</script>", "tags"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("letters, digits")
                .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("tags"));
    }

    @Test
    void tooManyOrTooLongTagsAreRefused() {
        assertThatThrownBy(() -> Tags.parse("a,b,c,d,e,f,g,h,i,j,k", "tags")).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> Tags.parse("x".repeat(41), "tags")).hasMessageContaining("at most 40");
    }
}
