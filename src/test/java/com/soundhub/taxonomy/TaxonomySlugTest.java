package com.soundhub.taxonomy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomySlugTest {

    @Test
    void slugsAreLowerCaseAsciiWordsJoinedByDashes() {
        assertThat(TaxonomyEditor.slugOf("Drum & Bass")).isEqualTo("drum-bass");
        assertThat(TaxonomyEditor.slugOf("  Música Popular Brasileira ")).isEqualTo("musica-popular-brasileira");
        assertThat(TaxonomyEditor.slugOf("K-Pop!")).isEqualTo("k-pop");
    }

    @Test
    void aNameWithoutLatinLettersStillGetsASlugAndLongNamesAreCut() {
        assertThat(TaxonomyEditor.slugOf("가야금")).isEqualTo("term");
        assertThat(TaxonomyEditor.slugOf("a".repeat(60))).hasSize(34);
    }
}
