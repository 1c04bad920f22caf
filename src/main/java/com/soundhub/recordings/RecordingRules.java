package com.soundhub.recordings;

import com.soundhub.platform.rules.RuleViolation;

/** Turns a submitted {@link RecordingForm} into checked {@link RecordingDetails}, or says what is wrong. */
public final class RecordingRules {

    private RecordingRules() {
    }

    public static RecordingDetails details(RecordingForm form) {
        String title = form.getTitle() == null ? "" : form.getTitle().strip();
        if (title.isEmpty()) {
            throw new RuleViolation("title", "Give your recording a title.");
        }
        Integer bpm = null;
        if (form.getBpm() != null && !form.getBpm().isBlank()) {
            bpm = Integer.parseInt(form.getBpm().trim());
            if (bpm < 20 || bpm > 300) {
                throw new RuleViolation("bpm", "Tempo must be between 20 and 300 BPM.");
            }
        }
        String key = form.getKey() == null || form.getKey().isBlank() ? null : form.getKey().trim();
        if (key != null && !MusicalKeys.isKnown(key)) {
            throw new RuleViolation("key", "Choose a key from the list.");
        }
        Short genreId = form.getGenre() == null || form.getGenre().isBlank() ? null : Short.valueOf(form.getGenre());
        return new RecordingDetails(title,
                form.getDescription() == null ? "" : form.getDescription().strip(),
                genreId,
                form.getInstruments(),
                Tags.parse(form.getTags(), "tags"),
                bpm,
                key,
                choice(License.class, form.getLicense(), "license", "Choose a licence from the list."),
                choice(Visibility.class, form.getVisibility(), "visibility", "Choose who can listen."));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String message) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(field, message);
        }
    }
}
