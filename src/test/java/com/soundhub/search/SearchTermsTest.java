package com.soundhub.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

    @Test
    void everyWordBecomesARequiredPrefixInAnyScript() {
        assertThat(SearchTerms.prefixQuery("Midnight Harbour")).isEqualTo("midnight:* & harbour:*");
        assertThat(SearchTerms.prefixQuery("봄날의 사랑")).isEqualTo("봄날의:* & 사랑:*");
    }

    @Test
    void queryOperatorsAndPunctuationCannotReachTheQuery() {
        assertThat(SearchTerms.prefixQuery("a & b | !c:* <-> (d)")).isEqualTo("a:* & b:* & c:* & d:*");
        assertThat(SearchTerms.prefixQuery("'; DROP TABLE members; --")).isEqualTo("drop:* & table:* & members:*");
        assertThat(SearchTerms.prefixQuery("&&& ***")).isEmpty();
    }

    @Test
    void atMostEightWordsAreUsed() {
        assertThat(SearchTerms.words("1 2 3 4 5 6 7 8 9 10")).hasSize(SearchTerms.MAX_WORDS);
    }

    @Test
    void likePatternsEscapeTheirWildcards() {
        assertThat(SearchTerms.likePrefix("50%_off\\")).isEqualTo("50\\%\\_off\\\\%");
    }
}
