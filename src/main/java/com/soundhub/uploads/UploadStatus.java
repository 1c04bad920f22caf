package com.soundhub.uploads;

import java.time.Instant;
import java.util.List;

/**
 * An upload as its owner sees it, for the progress page, the JSON endpoint and the event stream.
 *
 * @param recording the recording page, once there is something to see there
 */
public record UploadStatus(String id, String state, String label, int percent, String reason, boolean finished,
                           String recording, String title, List<Step> history) {

    /** One step of the history. */
    public record Step(String state, String label, Instant at, String detail) {
    }

    static UploadStatus of(Upload upload, List<UploadTransition> transitions) {
        return new UploadStatus(upload.getId().toString(), upload.getState().name(), upload.getState().getLabel(),
                upload.getProgressPercent(), upload.getReason(), upload.getState().isFinal(),
                "/recordings/" + upload.getRecording().getPublicId(), upload.getRecording().getTitle(),
                transitions.stream()
                        .map(t -> new Step(t.getToState().name(), t.getToState().getLabel(), t.getAt(), t.getDetail()))
                        .toList());
    }

    /** The same status as JSON, for events. */
    public String toJson() {
        var builder = jakarta.json.Json.createObjectBuilder()
                .add("id", id).add("state", state).add("label", label).add("percent", percent)
                .add("finished", finished).add("recording", recording).add("title", title);
        if (reason != null) {
            builder.add("reason", reason);
        } else {
            builder.addNull("reason");
        }
        return builder.build().toString();
    }
}
