package com.soundhub.projects;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** What the fork form (and the API) sends: the new project's title, licence and visibility, and which revision. */
public class ForkForm {

    @FormParam("title")
    @MvcBinding
    @NotBlank(message = "Give your fork a title.")
    @Size(max = 120, message = "A title can be at most 120 characters long.")
    private String title;

    @FormParam("revision")
    @MvcBinding
    @Pattern(regexp = "^\\s*$|^\\s*r?[0-9]{1,9}\\s*$", message = "Choose a revision from the list.")
    private String revision;

    @FormParam("license")
    @MvcBinding
    @NotBlank(message = "Choose a licence.")
    private String license;

    @FormParam("visibility")
    @MvcBinding
    @NotBlank(message = "Choose who can see the fork.")
    private String visibility;

    /** The form as it opens for {@code source}: its newest revision, its licence, public. */
    public static ForkForm of(Project source) {
        ForkForm form = new ForkForm();
        form.title = source.getTitle().length() > 113 ? source.getTitle() : source.getTitle() + " (fork)";
        form.revision = String.valueOf(source.getHead());
        form.license = source.getLicense().name();
        form.visibility = "PUBLIC";
        return form;
    }

    public static ForkForm of(String title, String revision, String license, String visibility) {
        ForkForm form = new ForkForm();
        form.title = title;
        form.revision = revision;
        form.license = license;
        form.visibility = visibility;
        return form;
    }

    public String getTitle() {
        return title;
    }

    public String getRevision() {
        return revision;
    }

    public String getLicense() {
        return license;
    }

    public String getVisibility() {
        return visibility;
    }
}
