package com.soundhub.generator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratorChoiceTest {

    @Test
    void acceptsWhatTheListsOfferOnly() {
        assertThat(GeneratorChoice.Kind.GENRE.accepts("lofi-hip-hop")).isTrue();
        assertThat(GeneratorChoice.Kind.GENRE.accepts("polka")).isFalse();
        assertThat(GeneratorChoice.Kind.MOOD.accepts("calm")).isTrue();
        assertThat(GeneratorChoice.Kind.MOOD.accepts("furious!")).isFalse();
        assertThat(GeneratorChoice.Kind.KEY.accepts(GenerationRules.keys().get(0).slug())).isTrue();
        assertThat(GeneratorChoice.Kind.KEY.accepts("H major")).isFalse();
    }
}
