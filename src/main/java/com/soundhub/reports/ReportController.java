package com.soundhub.reports;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import com.soundhub.web.Forms;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The report form, opened from a recording, a comment, a profile or a message received. */
@Controller
@RequestScoped
@SignedIn
@Path("reports")
public class ReportController {

    static final String VIEW = "reports/form.html";

    @Inject
    Models models;

    @Inject
    BindingResult binding;

    @Inject
    FormErrors errors;

    @Inject
    FlashMessages flash;

    @Inject
    CurrentMember currentMember;

    @Inject
    ReportService reports;

    @GET
    @Path("new")
    public String form(@QueryParam("kind") String kind, @QueryParam("ref") String ref) {
        return page(ReportForm.about(kind, ref));
    }

    @POST
    public Response send(@Valid @BeanParam ReportForm form) {
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                reports.report(currentMember.requireId(), form.target(), form.getRef(),
                        ReportReason.valueOf(form.getReason()), form.getDetails());
                flash.success("Thank you. The moderators will look at your report.");
                return Response.seeOther(URI.create("/")).build();
            } catch (RuleViolation violation) {
                errors.add(violation.field(), violation.getMessage());
            }
        }
        return Response.status(422).entity(page(Forms.cutToSize(form))).build();
    }

    private String page(ReportForm form) {
        if (form.getKind() == null || !form.getKind().matches("RECORDING|COMMENT|MEMBER|MESSAGE") || form.getRef() == null) {
            throw new NotFoundException();
        }
        models.put("form", form);
        models.put("subject", reports.describe(form.target(), form.getRef(), currentMember.requireId()));
        models.put("reasons", ReportReason.values());
        return VIEW;
    }
}
