package com.soundhub.generator;

/** A generation as its page and its event stream show it. */
public record GenerationStatus(String id, String state, String label, int percent, String reason, boolean finished,
                               String recording) {

    static GenerationStatus of(Generation generation) {
        return new GenerationStatus(generation.getId().toString(), generation.getState().name(),
                generation.getState().getLabel(), generation.getProgressPercent(), generation.getReason(),
                generation.getState().isFinal(), "/recordings/" + generation.getRecording().getPublicId());
    }

    public String toJson() {
        var builder = jakarta.json.Json.createObjectBuilder()
                .add("id", id).add("state", state).add("label", label).add("percent", percent)
                .add("finished", finished).add("recording", recording);
        if (reason == null) {
            builder.addNull("reason");
        } else {
            builder.add("reason", reason);
        }
        return builder.build().toString();
    }
}
