package com.soundhub.generator.composition;

/** The four instrumental roles of every generated piece; each becomes one track and one stem. */
public enum PartRole {
    DRUMS("drums", "Drums", 9),
    BASS("bass", "Bass", 2),
    HARMONY("harmony", "Harmony", 1),
    MELODY("melody", "Melody", 0);

    private final String slug;
    private final String label;
    private final int channel;

    PartRole(String slug, String label, int channel) {
        this.slug = slug;
        this.label = label;
        this.channel = channel;
    }

    /** URL-friendly identifier, e.g. for stem file names. */
    public String slug() {
        return slug;
    }

    /** Human-readable name. */
    public String label() {
        return label;
    }

    /** Zero-based MIDI channel; drums use channel index 9 (channel 10 in General MIDI). */
    public int channel() {
        return channel;
    }

    /**
     * Looks a role up by its slug.
     *
     * @throws IllegalArgumentException if no role matches
     */
    public static PartRole fromSlug(String slug) {
        return Slugs.find(values(), slug, PartRole::slug, "part");
    }
}
