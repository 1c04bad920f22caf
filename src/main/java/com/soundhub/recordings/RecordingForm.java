package com.soundhub.recordings;

import java.util.ArrayList;
import java.util.List;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/**
 * A recording's metadata as the upload and edit forms send it. Numbers and choices arrive as
 * text, so that whatever was typed can be shown again next to its error.
 */
public class RecordingForm {

    @FormParam("title")
    @MvcBinding
    @NotBlank(message = "Give your recording a title.")
    @Size(max = 200, message = "A title can be at most 200 characters long.")
    private String title;

    @FormParam("description")
    @MvcBinding
    @Size(max = 5000, message = "A description can be at most 5,000 characters long.")
    private String description;

    @FormParam("genre")
    @MvcBinding
    @Pattern(regexp = "^$|^[0-9]{1,5}$", message = "Choose a genre from the list.")
    private String genre;

    @FormParam("instrument")
    @MvcBinding
    @Size(max = 10, message = "Pick at most 10 instruments.")
    private List<Short> instruments = new ArrayList<>();

    @FormParam("tags")
    @MvcBinding
    @Size(max = 500, message = "That is too many tags.")
    private String tags;

    @FormParam("bpm")
    @MvcBinding
    @Pattern(regexp = "^\\s*$|^\\s*[0-9]{1,3}\\s*$", message = "Tempo is a whole number of beats per minute, like 92.")
    private String bpm;

    @FormParam("key")
    @MvcBinding
    @Size(max = 16, message = "Choose a key from the list.")
    private String key;

    @FormParam("license")
    @MvcBinding
    @NotBlank(message = "Choose a licence.")
    private String license;

    @FormParam("visibility")
    @MvcBinding
    @NotBlank(message = "Choose who can listen.")
    private String visibility;

    /** A form filled with what a recording has now, for the edit page. */
    public static RecordingForm of(Recording recording) {
        RecordingForm form = new RecordingForm();
        form.title = recording.getTitle();
        form.description = recording.getDescription();
        form.genre = recording.getGenre() == null ? "" : String.valueOf(recording.getGenre().getId());
        recording.getInstruments().forEach(instrument -> form.instruments.add(instrument.getId()));
        form.tags = Tags.format(recording.getTags());
        form.bpm = recording.getBpm() == null ? "" : String.valueOf(recording.getBpm());
        form.key = recording.getMusicalKey() == null ? "" : recording.getMusicalKey();
        form.license = recording.getLicense().name();
        form.visibility = recording.getVisibility().name();
        return form;
    }

    /** The defaults of a new upload. */
    public static RecordingForm blank() {
        RecordingForm form = new RecordingForm();
        form.license = License.ALL_RIGHTS_RESERVED.name();
        form.visibility = Visibility.PUBLIC.name();
        return form;
    }

    /**
     * Gives the form {@code title} when its own is blank (the upload page takes the title from the
     * file when the member leaves it empty); returns the form.
     */
    public RecordingForm titledIfBlank(String fallback) {
        if (title == null || title.isBlank()) {
            title = fallback;
        }
        return this;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getGenre() {
        return genre;
    }

    public List<Short> getInstruments() {
        return instruments == null ? List.of() : instruments;
    }

    public String getTags() {
        return tags;
    }

    public String getBpm() {
        return bpm;
    }

    public String getKey() {
        return key;
    }

    public String getLicense() {
        return license;
    }

    public String getVisibility() {
        return visibility;
    }
}
