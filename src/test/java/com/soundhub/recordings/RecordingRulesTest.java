package com.soundhub.recordings;

import java.lang.reflect.Field;
import java.util.Map;

import com.soundhub.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingRulesTest {

    static RecordingForm form(Map<String, String> values) throws Exception {
        RecordingForm form = RecordingForm.blank();
        for (var entry : values.entrySet()) {
            Field field = RecordingForm.class.getDeclaredField(entry.getKey());
            field.setAccessible(true);
            field.set(form, entry.getValue());
        }
        return form;
    }

    @Test
    void aCompleteFormBecomesDetails() throws Exception {
        RecordingDetails details = RecordingRules.details(form(Map.of("title", "  Night drive ", "bpm", " 92 ",
                "key", "F# minor", "tags", "synthwave, Night", "license", "CC_BY_SA", "visibility", "UNLISTED")));

        assertThat(details.title()).isEqualTo("Night drive");
        assertThat(details.bpm()).isEqualTo(92);
        assertThat(details.musicalKey()).isEqualTo("F# minor");
        assertThat(details.tags()).containsExactly("synthwave", "night");
        assertThat(details.license()).isEqualTo(License.CC_BY_SA);
        assertThat(details.visibility()).isEqualTo(Visibility.UNLISTED);
    }

    @Test
    void eachBadValueIsTiedToItsField() {
        assertThatThrownBy(() -> RecordingRules.details(form(Map.of("title", "T", "bpm", "900"))))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).field()).isEqualTo("bpm");
        assertThatThrownBy(() -> RecordingRules.details(form(Map.of("title", "T", "key", "H major"))))
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("key");
        assertThatThrownBy(() -> RecordingRules.details(form(Map.of("title", "T", "license", "GPL"))))
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("license");
        assertThatThrownBy(() -> RecordingRules.details(form(Map.of("title", "T", "visibility", "SECRET"))))
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("visibility");
        assertThatThrownBy(() -> RecordingRules.details(form(Map.of("title", "   "))))
                .extracting(e -> ((RuleViolation) e).field()).isEqualTo("title");
    }
}
