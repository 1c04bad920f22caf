package com.soundhub.generator.composition;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The shared test corpus: thirty requests per genre, cycling through every mood and
 * spreading tempo and length over their whole ranges, including both extremes. Composed
 * once per test run and reused by the test classes.
 */
final class Pieces {

    static final int PER_GENRE = 30;
    private static final int[] TEMPOS = {60, 72, 85, 96, 108, 120, 132, 144, 160, 180};
    private static final int[] LENGTHS = {30, 45, 60, 75, 90, 120, 150, 180, 210, 240};

    private static final Map<Genre, List<Composition>> CACHE = new EnumMap<>(Genre.class);

    private Pieces() {
    }

    static CompositionRequest request(Genre genre, int index) {
        Mood mood = Mood.values()[index % Mood.values().length];
        int tempo = TEMPOS[index % TEMPOS.length];
        int length = LENGTHS[(index * 3 + genre.ordinal()) % LENGTHS.length];
        long seed = 0x50F7_0000L + genre.ordinal() * 1000L + index;
        return new CompositionRequest(genre, mood, tempo, length, seed);
    }

    static synchronized List<Composition> of(Genre genre) {
        return CACHE.computeIfAbsent(genre, g -> {
            Composer composer = new Composer();
            List<Composition> pieces = new ArrayList<>(PER_GENRE);
            for (int i = 0; i < PER_GENRE; i++) {
                pieces.add(composer.compose(request(g, i)));
            }
            return List.copyOf(pieces);
        });
    }
}
