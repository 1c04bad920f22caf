package com.soundhub.projects;

import com.soundhub.recordings.License;
import org.junit.jupiter.api.Test;

import static com.soundhub.recordings.License.ALL_RIGHTS_RESERVED;
import static com.soundhub.recordings.License.CC0;
import static com.soundhub.recordings.License.CC_BY;
import static com.soundhub.recordings.License.CC_BY_NC;
import static com.soundhub.recordings.License.CC_BY_NC_ND;
import static com.soundhub.recordings.License.CC_BY_NC_SA;
import static com.soundhub.recordings.License.CC_BY_ND;
import static com.soundhub.recordings.License.CC_BY_SA;
import static org.assertj.core.api.Assertions.assertThat;

class ForkLicencesTest {

    @Test
    void onlyLicencesThatAllowDerivativesCanBeForked() {
        assertThat(ForkLicences.whyNotForkable(ALL_RIGHTS_RESERVED)).hasValueSatisfying(why -> assertThat(why).contains("all rights reserved"));
        assertThat(ForkLicences.whyNotForkable(CC_BY_ND)).hasValueSatisfying(why -> assertThat(why).contains("no derivative works"));
        assertThat(ForkLicences.whyNotForkable(CC_BY_NC_ND)).isPresent();
        for (License open : new License[] {CC_BY, CC_BY_SA, CC_BY_NC, CC_BY_NC_SA, CC0}) {
            assertThat(ForkLicences.whyNotForkable(open)).as(open.name()).isEmpty();
        }
    }

    @Test
    void shareAlikeStaysTheSameLicence() {
        assertThat(ForkLicences.choicesFor(CC_BY_SA)).containsExactly(CC_BY_SA);
        assertThat(ForkLicences.choicesFor(CC_BY_NC_SA)).containsExactly(CC_BY_NC_SA);
        assertThat(ForkLicences.whyIncompatible(CC_BY_SA, CC_BY)).hasValueSatisfying(why -> assertThat(why).contains("share-alike"));
    }

    @Test
    void nonCommercialStaysNonCommercial() {
        assertThat(ForkLicences.choicesFor(CC_BY_NC)).containsExactly(CC_BY_NC, CC_BY_NC_SA, CC_BY_NC_ND);
        assertThat(ForkLicences.whyIncompatible(CC_BY_NC, CC_BY)).hasValueSatisfying(why -> assertThat(why).contains("loosen"));
        assertThat(ForkLicences.whyIncompatible(CC_BY_NC, ALL_RIGHTS_RESERVED)).isPresent();
    }

    @Test
    void attributionMayGainConditionsButNeverLoseThem() {
        assertThat(ForkLicences.choicesFor(CC_BY)).first().isEqualTo(CC_BY);
        assertThat(ForkLicences.choicesFor(CC_BY)).containsExactlyInAnyOrder(CC_BY, CC_BY_SA, CC_BY_ND, CC_BY_NC, CC_BY_NC_SA, CC_BY_NC_ND);
        assertThat(ForkLicences.whyIncompatible(CC_BY, CC0)).isPresent();
    }

    @Test
    void publicDomainWorkMayBeForkedUnderAnyLicence() {
        assertThat(ForkLicences.choicesFor(CC0)).containsExactlyInAnyOrder(License.values());
    }
}
