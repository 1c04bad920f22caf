package com.soundhub.projects;

import java.util.ArrayList;
import java.util.List;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/**
 * A project's settings as the new-project and settings forms (and the API) send them. Numbers and
 * choices arrive as text, so that whatever was typed can be shown again next to its error.
 */
public class ProjectForm {

    @FormParam("title")
    @MvcBinding
    @NotBlank(message = "Give your project a title.")
    @Size(max = 120, message = "A title can be at most 120 characters long.")
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
    @Size(max = 10, message = "Look for at most 10 instruments.")
    private List<Short> instruments = new ArrayList<>();

    @FormParam("tempo")
    @MvcBinding
    @Pattern(regexp = "^\\s*$|^\\s*[0-9]{1,3}\\s*$", message = "Tempo is a whole number of beats per minute, like 92.")
    private String tempo;

    @FormParam("key")
    @MvcBinding
    @Size(max = 16, message = "Choose a key from the list.")
    private String key;

    @FormParam("timeSignature")
    @MvcBinding
    @Pattern(regexp = "^\\s*$|^\\s*[0-9]{1,2}/(1|2|4|8|16|32)\\s*$", message = "A time signature looks like 4/4, 3/4 or 7/8.")
    private String timeSignature;

    @FormParam("license")
    @MvcBinding
    @NotBlank(message = "Choose a licence.")
    private String license;

    @FormParam("visibility")
    @MvcBinding
    @NotBlank(message = "Choose who can see the project.")
    private String visibility;

    /** What a new project starts with. */
    public static ProjectForm blank() {
        ProjectForm form = new ProjectForm();
        form.timeSignature = "4/4";
        form.license = "CC_BY";
        form.visibility = "PRIVATE";
        return form;
    }

    public static ProjectForm of(Project project) {
        ProjectForm form = new ProjectForm();
        form.title = project.getTitle();
        form.description = project.getDescription();
        form.genre = project.getGenreId() == null ? "" : project.getGenreId().toString();
        form.instruments = new ArrayList<>(project.getWantedInstruments());
        form.tempo = project.getTempo() == null ? "" : project.getTempo().toString();
        form.key = project.getKey();
        form.timeSignature = project.getTimeSignature();
        form.license = project.getLicense().name();
        form.visibility = project.getChosenVisibility().name();
        return form;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getGenre() {
        return genre;
    }

    public void setGenre(String genre) {
        this.genre = genre;
    }

    public List<Short> getInstruments() {
        return instruments;
    }

    public void setInstruments(List<Short> instruments) {
        this.instruments = instruments == null ? new ArrayList<>() : instruments;
    }

    public String getTempo() {
        return tempo;
    }

    public void setTempo(String tempo) {
        this.tempo = tempo;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getTimeSignature() {
        return timeSignature;
    }

    public void setTimeSignature(String timeSignature) {
        this.timeSignature = timeSignature;
    }

    public String getLicense() {
        return license;
    }

    public void setLicense(String license) {
        this.license = license;
    }

    public String getVisibility() {
        return visibility;
    }

    public void setVisibility(String visibility) {
        this.visibility = visibility;
    }
}
