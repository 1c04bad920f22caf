package com.soundhub.web;

import org.junit.jupiter.api.Test;

import static com.soundhub.web.WholeNumber.Validator.Problem.NONE;
import static com.soundhub.web.WholeNumber.Validator.Problem.NOT_A_NUMBER;
import static com.soundhub.web.WholeNumber.Validator.Problem.OUT_OF_RANGE;
import static com.soundhub.web.WholeNumber.Validator.check;
import static org.assertj.core.api.Assertions.assertThat;

class WholeNumberTest {

    @Test
    void tellsTextThatIsNoNumberFromANumberOutOfRange() {
        assertThat(check("84", 60, 180)).isEqualTo(NONE);
        assertThat(check(" 60 ", 60, 180)).isEqualTo(NONE);
        assertThat(check("180", 60, 180)).isEqualTo(NONE);
        assertThat(check("300", 60, 180)).isEqualTo(OUT_OF_RANGE);
        assertThat(check("-5", 60, 180)).isEqualTo(OUT_OF_RANGE);
        assertThat(check("99999999999999999", 60, 180)).isEqualTo(OUT_OF_RANGE);
        assertThat(check("abc", 60, 180)).isEqualTo(NOT_A_NUMBER);
        assertThat(check("8.5", 60, 180)).isEqualTo(NOT_A_NUMBER);
        assertThat(check("9999999999999999999999", 60, 180)).isEqualTo(NOT_A_NUMBER);
        // Blank is for @NotBlank to say.
        assertThat(check("", 60, 180)).isEqualTo(NONE);
        assertThat(check(null, 60, 180)).isEqualTo(NONE);
    }
}
