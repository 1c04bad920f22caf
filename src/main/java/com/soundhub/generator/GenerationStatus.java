package com.soundhub.generator;

/** A generation as its page and its event stream ({@code static/js/progress.js}) show it. */
public record GenerationStatus(String id, String state, String label, int percent, String reason, boolean finished,
                               String recording) {

    static GenerationStatus of(Generation generation) {
        return new GenerationStatus(generation.getId().toString(), generation.getState().name(),
                generation.getState().getLabel(), generation.getProgressPercent(), generation.getReason(),
                generation.getState().isFinal(), "/recordings/" + generation.getRecording().getPublicId());
    }
}
