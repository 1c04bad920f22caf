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

    /** The status without its history, as events carry it to open progress pages. */
    public Event event() {
        return new Event(id, state, label, percent, reason, finished, recording, title);
    }

    /** A change of status, for {@code static/js/progress.js}. */
    public record Event(String id, String state, String label, int percent, String reason, boolean finished,
                        String recording, String title) {
    }
}
