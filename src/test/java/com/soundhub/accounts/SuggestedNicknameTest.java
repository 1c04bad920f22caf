package com.soundhub.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The nickname offered to someone who came through an identity provider: one the sign-up form would take. */
class SuggestedNicknameTest {

    @Test
    void theNameBecomesLowerCaseWordsJoinedByDashesWithoutAccents() {
        assertThat(ProviderSignIns.suggestedNickname("Zoë  Ångström-Smith", "z@example.com")).isEqualTo("zoe-angstrom-smith");
    }

    @Test
    void withoutANameTheAddressBeforeTheAtSignIsUsed() {
        assertThat(ProviderSignIns.suggestedNickname(null, "mina.k+music@example.com")).isEqualTo("mina-k-music");
        assertThat(ProviderSignIns.suggestedNickname("  ", "jun@example.com")).isEqualTo("jun");
    }

    @Test
    void aLongNameIsCutToThirtyCharacters() {
        String suggested = ProviderSignIns.suggestedNickname("Wolfgang Amadeus Mozart the Younger of Salzburg", null);
        assertThat(suggested).hasSize(30).startsWith("wolfgang-amadeus-mozart");
    }

    @Test
    void nothingUsableGivesNothingToSuggest() {
        assertThat(ProviderSignIns.suggestedNickname("!!!", null)).isEmpty();
    }
}
