package com.soundhub.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LookAlikeNicknamesTest {

    /** "mina" with a Cyrillic і (U+0456) in place of the Latin i. */
    static final String MINA_WITH_CYRILLIC_I = "m\u0456na";
    /** "copa" spelt with Cyrillic с, о, р, а. */
    static final String COPA_IN_CYRILLIC = "\u0441\u043e\u0440\u0430";

    @Test
    void oneScriptOrLatinWithAnEastAsianOneIsFine() {
        assertThat(LookAlikeNicknames.problemWith("mina")).isEmpty();
        assertThat(LookAlikeNicknames.problemWith("mina_2.0-beats")).isEmpty();
        assertThat(LookAlikeNicknames.problemWith("민아")).isEmpty();
        assertThat(LookAlikeNicknames.problemWith("mina민아")).isEmpty();
        assertThat(LookAlikeNicknames.problemWith("みなmina")).isEmpty();
        assertThat(LookAlikeNicknames.problemWith(COPA_IN_CYRILLIC)).as("Cyrillic alone").isEmpty();
    }

    @Test
    void latinMixedWithCyrillicOrGreekIsRefused() {
        assertThat(LookAlikeNicknames.problemWith(MINA_WITH_CYRILLIC_I))
                .hasValueSatisfying(problem -> assertThat(problem).contains("one alphabet"));
        assertThat(LookAlikeNicknames.problemWith("j\u03bfn")).as("a Greek omicron").isPresent();
    }

    @Test
    void digitsOfDifferentSystemsAreRefused() {
        assertThat(LookAlikeNicknames.problemWith("mina1\u0662")).isPresent();
    }

    @Test
    void lookAlikesShareTheirSkeletonWhateverCaseTheyAreIn() {
        String mina = LookAlikeNicknames.skeleton("mina");
        assertThat(LookAlikeNicknames.skeleton(MINA_WITH_CYRILLIC_I)).isEqualTo(mina);
        assertThat(LookAlikeNicknames.skeleton("Mina")).isEqualTo(mina);
        // In capitals an I looks like an l (and "MINA" is "mina" to the case-blind uniqueness of nicknames).
        assertThat(LookAlikeNicknames.skeleton("MINA")).isEqualTo(LookAlikeNicknames.skeleton("MlNA"));
        assertThat(LookAlikeNicknames.skeleton(COPA_IN_CYRILLIC)).isEqualTo(LookAlikeNicknames.skeleton("copa"));
        assertThat(LookAlikeNicknames.skeleton("jun1")).isEqualTo(LookAlikeNicknames.skeleton("junl"));
        assertThat(LookAlikeNicknames.skeleton("C0PA")).isEqualTo(LookAlikeNicknames.skeleton("copa"));
        assertThat(LookAlikeNicknames.skeleton("Illa")).as("a capital I and an l").isEqualTo(LookAlikeNicknames.skeleton("llla"));
    }

    @Test
    void differentNicknamesKeepDifferentSkeletons() {
        assertThat(LookAlikeNicknames.skeleton("mina")).isNotEqualTo(LookAlikeNicknames.skeleton("nina"));
        assertThat(LookAlikeNicknames.skeleton("민아")).isNotEqualTo(LookAlikeNicknames.skeleton("민수"));
        assertThat(LookAlikeNicknames.skeleton("sora-12-3")).isNotEqualTo(LookAlikeNicknames.skeleton("sora-1-23"));
    }
}
