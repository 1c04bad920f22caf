package com.soundhub.projects;

import java.util.LinkedHashSet;

import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.License;
import com.soundhub.recordings.MusicalKeys;
import com.soundhub.recordings.Visibility;

/** Turns a submitted {@link ProjectForm} into checked {@link ProjectDetails}, or says what is wrong. */
public final class ProjectRules {

    private ProjectRules() {
    }

    public static ProjectDetails details(ProjectForm form) {
        String title = form.getTitle() == null ? "" : form.getTitle().strip();
        if (title.isEmpty()) {
            throw new RuleViolation("title", "Give your project a title.");
        }
        Short tempo = null;
        if (form.getTempo() != null && !form.getTempo().isBlank()) {
            int bpm = Integer.parseInt(form.getTempo().trim());
            if (bpm < 20 || bpm > 300) {
                throw new RuleViolation("tempo", "Tempo must be between 20 and 300 BPM.");
            }
            tempo = (short) bpm;
        }
        String key = form.getKey() == null || form.getKey().isBlank() ? null : form.getKey().trim();
        if (key != null && !MusicalKeys.isKnown(key)) {
            throw new RuleViolation("key", "Choose a key from the list.");
        }
        String timeSignature = form.getTimeSignature() == null || form.getTimeSignature().isBlank()
                ? null : form.getTimeSignature().trim();
        if (timeSignature != null && Integer.parseInt(timeSignature.substring(0, timeSignature.indexOf('/'))) == 0) {
            throw new RuleViolation("timeSignature", "A bar has at least one beat.");
        }
        Short genreId = form.getGenre() == null || form.getGenre().isBlank() ? null : Short.valueOf(form.getGenre());
        return new ProjectDetails(title,
                form.getDescription() == null ? "" : form.getDescription().strip(),
                genreId, tempo, key, timeSignature,
                choice(License.class, form.getLicense(), "license", "Choose a licence from the list."),
                choice(Visibility.class, form.getVisibility(), "visibility", "Choose who can see the project."),
                new LinkedHashSet<>(form.getInstruments()));
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String message) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(field, message);
        }
    }
}
