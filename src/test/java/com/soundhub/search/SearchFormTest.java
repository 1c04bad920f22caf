package com.soundhub.search;

import java.lang.reflect.Field;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchFormTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "%", "_", "!!!???", "(", "\uD83C\uDFB5", "% _ \\"})
    void textWithoutAWordAsksForNothing(String q) throws Exception {
        assertThat(form("q", q).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lofi", "사랑", "a%", "(live)"})
    void textWithAWordIsSearchedFor(String q) throws Exception {
        assertThat(form("q", q).isEmpty()).isFalse();
        assertThat(form("q", q).isWordless()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void punctuationWithAFilterSearchesByTheFilter() throws Exception {
        SearchForm form = form("q", "!!!");
        Field genre = SearchForm.class.getDeclaredField("genre");
        genre.setAccessible(true);
        genre.set(form, "jazz");
        assertThat(form.isEmpty()).isFalse();
        assertThat(form.isWordless()).isTrue();
    }

    private static SearchForm form(String field, String value) throws Exception {
        SearchForm form = new SearchForm();
        Field f = SearchForm.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(form, value);
        return form;
    }
}
