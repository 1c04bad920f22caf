package com.soundhub.generator.composition;

/**
 * Musical style of a generated piece. Each genre selects its own chord language,
 * instruments, groove and form.
 */
public enum Genre {
    POP("pop", "pop"),
    ROCK("rock", "rock"),
    JAZZ("jazz", "jazz"),
    LOFI_HIP_HOP("lo-fi hip hop", "lofi-hip-hop"),
    HOUSE("house", "house"),
    BALLAD("ballad", "ballad"),
    BOSSA_NOVA("bossa nova", "bossa-nova");

    private final String label;
    private final String slug;

    Genre(String label, String slug) {
        this.label = label;
        this.slug = slug;
    }

    /** Human-readable name, e.g. {@code "lo-fi hip hop"}. */
    public String label() {
        return label;
    }

    /** URL-friendly identifier, e.g. {@code "lofi-hip-hop"}. */
    public String slug() {
        return slug;
    }

    /**
     * Looks a genre up by its slug (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the accepted slugs if none matches
     */
    public static Genre fromSlug(String slug) {
        return Slugs.find(values(), slug, Genre::slug, "genre");
    }
}
