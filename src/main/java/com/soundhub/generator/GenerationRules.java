package com.soundhub.generator;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.Key;
import com.soundhub.generator.composition.Mode;
import com.soundhub.generator.composition.Mood;
import com.soundhub.platform.rules.RuleViolation;

/** Turns the form into the engine's request, and makes surprises. */
public final class GenerationRules {

    private static final RandomGenerator random = new SecureRandom();

    private GenerationRules() {
    }

    public static CompositionRequest request(GenerationForm form) {
        Genre genre = parse(() -> Genre.fromSlug(form.getGenre()), "genre", "Choose a genre from the list.");
        Mood mood = parse(() -> Mood.fromSlug(form.getMood()), "mood", "Choose a mood from the list.");
        int tempo = number(form.getTempo(), "tempo", "Tempo is a whole number of beats per minute, from 60 to 180.");
        if (tempo < CompositionRequest.MIN_TEMPO || tempo > CompositionRequest.MAX_TEMPO) {
            throw new RuleViolation("tempo", "Tempo must be between " + CompositionRequest.MIN_TEMPO + " and "
                    + CompositionRequest.MAX_TEMPO + " BPM.");
        }
        int length = number(form.getLength(), "length", "Length is a whole number of seconds, from 30 to 240.");
        if (length < CompositionRequest.MIN_LENGTH || length > CompositionRequest.MAX_LENGTH) {
            throw new RuleViolation("length", "Length must be between " + CompositionRequest.MIN_LENGTH + " and "
                    + CompositionRequest.MAX_LENGTH + " seconds.");
        }
        Key key = form.getKey() == null || form.getKey().isBlank() ? null
                : parse(() -> Key.parse(form.getKey()), "key", "Choose a key from the list.");
        long seed;
        if (form.getSeed() == null || form.getSeed().isBlank()) {
            seed = newSeed();
        } else {
            try {
                seed = Long.parseLong(form.getSeed().trim());
            } catch (NumberFormatException e) {
                throw new RuleViolation("seed", "The seed is a whole number, like 20261122. Leave it empty for a surprise.");
            }
        }
        return new CompositionRequest(genre, mood, tempo, length, key, seed);
    }

    /** Anything goes, within what sounds good: any genre and mood, a tempo the genre likes. */
    public static CompositionRequest surprise() {
        Genre genre = Genre.values()[random.nextInt(Genre.values().length)];
        Mood mood = Mood.values()[random.nextInt(Mood.values().length)];
        int tempo = switch (genre) {
            case HOUSE -> 118 + random.nextInt(12);
            case LOFI_HIP_HOP -> 70 + random.nextInt(20);
            case BALLAD -> 64 + random.nextInt(20);
            case BOSSA_NOVA -> 110 + random.nextInt(30);
            case ROCK -> 100 + random.nextInt(50);
            case JAZZ -> 90 + random.nextInt(70);
            case POP -> 96 + random.nextInt(34);
        };
        return new CompositionRequest(genre, mood, tempo, 45 + random.nextInt(4) * 15, null, newSeed());
    }

    /** A seed people can read and type back: up to nine digits. */
    public static long newSeed() {
        return 1 + random.nextInt(999_999_999);
    }

    /** The keys the form offers: every major and minor key. */
    public static List<Key> keys() {
        List<Key> keys = new ArrayList<>();
        for (Mode mode : new Mode[]{Mode.MAJOR, Mode.MINOR}) {
            for (int tonic = 0; tonic < 12; tonic++) {
                keys.add(Key.of(tonic, mode));
            }
        }
        return keys;
    }

    private static int number(String text, String field, String message) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation(field, message);
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String field, String message) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RuleViolation(field, message);
        }
    }
}
