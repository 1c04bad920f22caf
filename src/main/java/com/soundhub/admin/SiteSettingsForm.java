package com.soundhub.admin;

import com.soundhub.site.SiteSettings;
import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** The site settings form as typed: numbers stay text until they are known to be numbers, so nothing typed is lost. */
public class SiteSettingsForm {

    private static final String WHOLE_NUMBER_OR_EMPTY = "^\\s*$|^\\s*[0-9]{1,6}\\s*$";

    @FormParam("signUpsOpen")
    private String signUpsOpen;

    @FormParam("uploadMaxMegabytes")
    @MvcBinding
    @Pattern(regexp = WHOLE_NUMBER_OR_EMPTY, message = "A whole number of megabytes, or empty for the configured limit.")
    private String uploadMaxMegabytes;

    @FormParam("uploadMaxMinutes")
    @MvcBinding
    @Pattern(regexp = WHOLE_NUMBER_OR_EMPTY, message = "A whole number of minutes, or empty for the configured limit.")
    private String uploadMaxMinutes;

    @FormParam("generationsUnfinishedMax")
    @MvcBinding
    @Pattern(regexp = WHOLE_NUMBER_OR_EMPTY, message = "A whole number, or empty for the configured limit.")
    private String generationsUnfinishedMax;

    @FormParam("generationsPerDay")
    @MvcBinding
    @Pattern(regexp = WHOLE_NUMBER_OR_EMPTY, message = "A whole number, or empty for no daily limit.")
    private String generationsPerDay;

    @FormParam("announcement")
    @MvcBinding
    @Size(max = 280, message = "An announcement is at most 280 characters.")
    private String announcement;

    @FormParam("reason")
    @MvcBinding
    @Size(max = 500, message = "A note is at most 500 characters.")
    private String reason;

    public static SiteSettingsForm of(SiteSettings settings) {
        SiteSettingsForm form = new SiteSettingsForm();
        form.signUpsOpen = settings.signUpsOpen() ? "on" : null;
        form.uploadMaxMegabytes = text(settings.uploadMaxMegabytes());
        form.uploadMaxMinutes = text(settings.uploadMaxMinutes());
        form.generationsUnfinishedMax = text(settings.generationsUnfinishedMax());
        form.generationsPerDay = text(settings.generationsPerDay());
        form.announcement = settings.announcement();
        return form;
    }

    /** The settings this form asks for; call once the form is known to be valid. */
    public SiteSettings settings() {
        return new SiteSettings(isSignUpsOpen(), number(uploadMaxMegabytes), number(uploadMaxMinutes),
                number(generationsUnfinishedMax), number(generationsPerDay),
                announcement == null || announcement.isBlank() ? null : announcement.strip());
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static Integer number(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    }

    public boolean isSignUpsOpen() {
        return signUpsOpen != null && !signUpsOpen.isEmpty();
    }

    public String getUploadMaxMegabytes() {
        return uploadMaxMegabytes;
    }

    public String getUploadMaxMinutes() {
        return uploadMaxMinutes;
    }

    public String getGenerationsUnfinishedMax() {
        return generationsUnfinishedMax;
    }

    public String getGenerationsPerDay() {
        return generationsPerDay;
    }

    public String getAnnouncement() {
        return announcement;
    }

    public String getReason() {
        return reason == null ? "" : reason.strip();
    }
}
