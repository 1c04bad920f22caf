package com.soundhub.reports;

import jakarta.mvc.binding.MvcBinding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.FormParam;

/** A report as the form sends it; the target comes along from the link that opened the form. */
public class ReportForm {

    @FormParam("kind")
    @MvcBinding
    @NotBlank(message = "Say what you are reporting.")
    @Pattern(regexp = "^(RECORDING|COMMENT|MEMBER|MESSAGE)$", message = "Say what you are reporting.")
    private String kind;

    @FormParam("ref")
    @MvcBinding
    @NotBlank(message = "Say what you are reporting.")
    @Size(max = 40, message = "Say what you are reporting.")
    private String ref;

    @FormParam("reason")
    @MvcBinding
    @NotBlank(message = "Choose a reason.")
    @Pattern(regexp = "^(COPYRIGHT|OFFENSIVE|SPAM|OTHER)$", message = "Choose one of the reasons.")
    private String reason;

    @FormParam("details")
    @MvcBinding
    @Size(max = 2000, message = "Details can be at most 2,000 characters long.")
    private String details;

    public ReportForm() {
    }

    /** An empty report about the given thing, for the form's first showing. */
    static ReportForm about(String kind, String ref) {
        ReportForm form = new ReportForm();
        form.kind = kind;
        form.ref = ref;
        return form;
    }

    public String getKind() {
        return kind;
    }

    public String getRef() {
        return ref;
    }

    public String getReason() {
        return reason;
    }

    public String getDetails() {
        return details;
    }

    ReportTarget target() {
        return ReportTarget.valueOf(kind);
    }
}
