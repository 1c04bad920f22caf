package com.soundhub.generator;

/** Where a generated piece is. */
public enum GenerationState {
    QUEUED("Waiting for its turn"),
    COMPOSING("Composing"),
    RENDERING("Playing it into audio"),
    TRANSCODING("Preparing it for streaming"),
    READY("Ready"),
    FAILED("Failed");

    private final String label;

    GenerationState(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public boolean isFinal() {
        return this == READY || this == FAILED;
    }
}
