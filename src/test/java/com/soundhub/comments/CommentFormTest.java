package com.soundhub.comments;

import java.lang.reflect.Field;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommentFormTest {

    @Test
    void readsTheMomentAsMinutesAndSecondsOrSeconds() throws Exception {
        assertThat(form("1:23").atMillis()).isEqualTo(83_000);
        assertThat(form(" 0:05 ").atMillis()).isEqualTo(5_000);
        assertThat(form("42.5").atMillis()).isEqualTo(42_500);
        assertThat(form("").atMillis()).isNull();
        assertThat(form(null).atMillis()).isNull();
    }

    @Test
    void readsSecondsPast59AsWhatTheyAddUpTo() throws Exception {
        assertThat(form("9:99").atMillis()).isEqualTo(639_000);
        assertThat(form("9:99").hasSecondsPast59()).isTrue();
        assertThat(form("1:23").hasSecondsPast59()).isFalse();
        assertThat(form("42").hasSecondsPast59()).isFalse();
        assertThat(form(null).hasSecondsPast59()).isFalse();
    }

    private static CommentForm form(String at) throws Exception {
        CommentForm form = new CommentForm();
        Field field = CommentForm.class.getDeclaredField("at");
        field.setAccessible(true);
        field.set(form, at);
        return form;
    }
}
