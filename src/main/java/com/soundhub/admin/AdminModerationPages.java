package com.soundhub.admin;

import java.net.URI;

import com.soundhub.accounts.AdminOnly;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.reports.ReportService;
import com.soundhub.reports.ReportTarget;
import com.soundhub.web.FlashMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The moderation queue: open reports grouped by what they are about, the longest waiting first,
 * each dismissed, acted on by hiding a recording, or answered with a warning to its owner. The
 * page is worked from the keyboard (js/admin.js): J and K move between items, D dismisses, H hides,
 * W warns. Hiding and showing recordings again are here too.
 */
@RequestScoped
@AdminOnly
@Path("admin")
public class AdminModerationPages {

    static final int QUEUE = 100;

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    ReportService reports;

    @Inject
    AdminActions actions;

    @Inject
    FlashMessages flash;

    @GET
    @Path("reports")
    @Controller
    public String queue() {
        models.put("things", reports.queue(currentMember.requireId(), QUEUE));
        models.put("section", "reports");
        return "admin/reports.html";
    }

    @POST
    @Path("reports/dismiss")
    @Controller
    public Response dismiss(@FormParam("target") String target, @FormParam("ref") String ref, @FormParam("label") String label,
                            @FormParam("reason") String reason) {
        return handled(() -> actions.dismissReports(currentMember.requireId(), target(target), required(ref), label, reason),
                "Dismissed.");
    }

    @POST
    @Path("reports/hide")
    @Controller
    public Response hideReported(@FormParam("ref") String ref, @FormParam("label") String label, @FormParam("reason") String reason) {
        return handled(() -> actions.hideReported(currentMember.requireId(), required(ref), label, reason),
                "Hidden; its owner sees why, and the reporters are told.");
    }

    @POST
    @Path("reports/delete")
    @Controller
    public Response deleteReported(@FormParam("target") String target, @FormParam("ref") String ref, @FormParam("label") String label,
                                   @FormParam("reason") String reason) {
        return handled(() -> actions.deleteReported(currentMember.requireId(), target(target), required(ref), label, reason),
                "Deleted; the reporters are told.");
    }

    @POST
    @Path("reports/warn")
    @Controller
    public Response warn(@FormParam("target") String target, @FormParam("ref") String ref, @FormParam("label") String label,
                         @FormParam("message") String message) {
        return handled(() -> actions.warnOwner(currentMember.requireId(), target(target), required(ref), label, message),
                "Warned; the reporters are told.");
    }

    private Response handled(java.util.function.IntSupplier action, String done) {
        try {
            int closed = action.getAsInt();
            flash.success(done + " " + closed + (closed == 1 ? " report" : " reports") + " closed.");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return Response.seeOther(URI.create("/admin/reports")).build();
    }

    private static ReportTarget target(String name) {
        try {
            return ReportTarget.valueOf(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    private static String required(String ref) {
        if (ref == null || ref.isBlank() || ref.length() > 40) {
            throw new NotFound();
        }
        return ref;
    }
}
