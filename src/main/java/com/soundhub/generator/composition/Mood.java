package com.soundhub.generator.composition;

/** Emotional character of a generated piece: drives mode, dynamics, density and register. */
public enum Mood {
    HAPPY("happy", "happy"),
    SAD("sad", "sad"),
    CALM("calm", "calm"),
    ENERGETIC("energetic", "energetic"),
    DARK("dark", "dark"),
    DREAMY("dreamy", "dreamy");

    private final String label;
    private final String slug;

    Mood(String label, String slug) {
        this.label = label;
        this.slug = slug;
    }

    /** Human-readable name. */
    public String label() {
        return label;
    }

    /** URL-friendly identifier. */
    public String slug() {
        return slug;
    }

    /**
     * Looks a mood up by its slug (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the accepted slugs if none matches
     */
    public static Mood fromSlug(String slug) {
        return Slugs.find(values(), slug, Mood::slug, "mood");
    }
}
