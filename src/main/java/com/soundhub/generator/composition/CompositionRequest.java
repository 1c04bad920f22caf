package com.soundhub.generator.composition;

import java.util.Optional;

/**
 * Everything that determines a generated piece. Two equal requests always produce
 * byte-identical output.
 *
 * @param genre         musical style
 * @param mood          emotional character
 * @param tempoBpm      tempo in quarter notes per minute, {@value #MIN_TEMPO}-{@value #MAX_TEMPO}
 * @param lengthSeconds target duration, {@value #MIN_LENGTH}-{@value #MAX_LENGTH} seconds; the
 *                      piece is a whole number of bars, so it lands within half a bar of this
 * @param key           tonal centre, or {@code null} to let the seed and mood choose one
 * @param seed          source of all randomness
 */
public record CompositionRequest(Genre genre, Mood mood, int tempoBpm, int lengthSeconds, Key key, long seed) {

    public static final int MIN_TEMPO = 60;
    public static final int MAX_TEMPO = 180;
    public static final int MIN_LENGTH = 30;
    public static final int MAX_LENGTH = 240;

    public CompositionRequest {
        if (genre == null) {
            throw new IllegalArgumentException("genre must not be null");
        }
        if (mood == null) {
            throw new IllegalArgumentException("mood must not be null");
        }
        if (tempoBpm < MIN_TEMPO || tempoBpm > MAX_TEMPO) {
            throw new IllegalArgumentException("tempoBpm must be between " + MIN_TEMPO + " and " + MAX_TEMPO
                    + " BPM but was " + tempoBpm);
        }
        if (lengthSeconds < MIN_LENGTH || lengthSeconds > MAX_LENGTH) {
            throw new IllegalArgumentException("lengthSeconds must be between " + MIN_LENGTH + " and " + MAX_LENGTH
                    + " seconds but was " + lengthSeconds);
        }
    }

    /** A request whose key is chosen from the seed and mood. */
    public CompositionRequest(Genre genre, Mood mood, int tempoBpm, int lengthSeconds, long seed) {
        this(genre, mood, tempoBpm, lengthSeconds, null, seed);
    }

    /** The explicitly requested key, if any. */
    public Optional<Key> requestedKey() {
        return Optional.ofNullable(key);
    }
}
