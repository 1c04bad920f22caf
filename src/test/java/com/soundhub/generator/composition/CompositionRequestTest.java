package com.soundhub.generator.composition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositionRequestTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1000, 59, 181, -120})
    void rejectsTempoOutOfRange(int tempo) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CompositionRequest(Genre.POP, Mood.HAPPY, tempo, 60, 1));
        assertTrue(e.getMessage().contains("tempoBpm"), e.getMessage());
        assertTrue(e.getMessage().contains("60") && e.getMessage().contains("180"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(tempo)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 29, 241, 3600})
    void rejectsLengthOutOfRange(int length) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CompositionRequest(Genre.JAZZ, Mood.CALM, 120, length, 1));
        assertTrue(e.getMessage().contains("lengthSeconds"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(length)), e.getMessage());
    }

    @Test
    void rejectsMissingGenreOrMood() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new CompositionRequest(null, Mood.SAD, 90, 60, 1)).getMessage().contains("genre"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new CompositionRequest(Genre.ROCK, null, 90, 60, 1)).getMessage().contains("mood"));
    }

    @Test
    void acceptsTheInclusiveBounds() {
        assertDoesNotThrow(() -> new CompositionRequest(Genre.POP, Mood.SAD, 60, 30, 1));
        assertDoesNotThrow(() -> new CompositionRequest(Genre.POP, Mood.SAD, 180, 240, 1));
    }

    @Test
    void keyIsOptional() {
        CompositionRequest without = new CompositionRequest(Genre.HOUSE, Mood.DARK, 124, 60, 5);
        assertTrue(without.requestedKey().isEmpty());
        Key key = Key.of(9, Mode.MINOR);
        CompositionRequest with = new CompositionRequest(Genre.HOUSE, Mood.DARK, 124, 60, key, 5);
        assertEquals(key, with.requestedKey().orElseThrow());
        assertEquals(key, new Composer().compose(with).key());
    }
}
