package com.soundhub.recordings;

/** Who can find and play a recording. */
public enum Visibility {
    PUBLIC("Public", "Anyone can find and play it."),
    UNLISTED("Unlisted", "Plays for anyone with the link; it appears in no list or search."),
    PRIVATE("Private", "Only you can play it.");

    private final String label;
    private final String explanation;

    Visibility(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String getLabel() {
        return label;
    }

    public String getExplanation() {
        return explanation;
    }
}
