package com.soundhub.admin;

import com.soundhub.site.SiteSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsChangesTest {

    @Test
    void namesEachChangeWithWhatItWasAndWhatItIs() {
        SiteSettings before = SiteSettings.AS_CONFIGURED;
        SiteSettings after = new SiteSettings(false, 50, null, 2, null, "  Back at nine  ");
        assertThat(SettingsChanges.between(before, after)).isEqualTo(
                "sign-ups closed; largest upload as configured \u2192 50 MB; pieces in the making as configured \u2192 2; "
                        + "announcement: \u201cBack at nine\u201d");
        assertThat(SettingsChanges.between(after, before)).isEqualTo(
                "sign-ups opened; largest upload 50 MB \u2192 as configured; pieces in the making 2 \u2192 as configured; "
                        + "announcement removed");
    }

    @Test
    void aSaveThatChangesNothingSaysSo() {
        assertThat(SettingsChanges.between(SiteSettings.AS_CONFIGURED, new SiteSettings(true, null, null, null, null, " ")))
                .isEqualTo("nothing changed");
    }
}
