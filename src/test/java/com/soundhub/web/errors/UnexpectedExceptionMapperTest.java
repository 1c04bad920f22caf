package com.soundhub.web.errors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnexpectedExceptionMapperTest {

    @Test
    void recognisesTheContainersRefusalOfALargeForm() {
        assertThat(UnexpectedExceptionMapper.isPostTooLarge(new IllegalStateException("GRIZZLY0205: Post too large"))).isTrue();
        assertThat(UnexpectedExceptionMapper.isPostTooLarge(
                new RuntimeException("reading the form", new IllegalStateException("GRIZZLY0205: Post too large")))).isTrue();
        assertThat(UnexpectedExceptionMapper.isPostTooLarge(new IllegalStateException("something else"))).isFalse();
        assertThat(UnexpectedExceptionMapper.isPostTooLarge(new NullPointerException())).isFalse();
    }
}
