package com.soundhub.platform.config;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredSettingsTest {

    @Test
    void namesEveryMissingOrBlankSettingAndHowToSetIt() {
        Map<String, String> present = Map.of("soundhub.db.url", "jdbc:postgresql://db/soundhub",
                "soundhub.db.user", "soundhub", "soundhub.db.password", " ");

        var missing = RequiredSettings.missing(key -> Optional.ofNullable(present.get(key)));
        String message = RequiredSettings.describe(missing);

        assertThat(missing).extracting(RequiredSettings.Setting::key)
                .containsExactly("soundhub.db.password", "soundhub.s3.bucket");
        assertThat(message).contains("soundhub.db.password").contains("RDS_PASSWORD")
                .contains("soundhub.s3.bucket").contains("SOUNDHUB_S3_BUCKET")
                .doesNotContain("soundhub.db.url");
    }

    @Test
    void nothingMissingWhenAllAreSet() {
        assertThat(RequiredSettings.missing(key -> Optional.of("value"))).isEmpty();
    }
}
