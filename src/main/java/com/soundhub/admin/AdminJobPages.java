package com.soundhub.admin;

import java.net.URI;

import com.soundhub.accounts.AdminOnly;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.MemberAdministration;
import com.soundhub.jobs.Jobs;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.FlashMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The job queue: every kind with its counts, the jobs of one kind or state, retry and cancel. */
@RequestScoped
@AdminOnly
@Path("admin/jobs")
public class AdminJobPages {

    static final int LIMIT = 200;

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    MemberAdministration members;

    @Inject
    Jobs jobs;

    @Inject
    AdminActions actions;

    @Inject
    FlashMessages flash;

    @GET
    @Controller
    public String list(@QueryParam("kind") String kind, @QueryParam("state") String state) {
        members.requireAdmin(currentMember.requireId());
        String chosenState = state != null && state.matches("dead|running|due|waiting") ? state : "";
        String chosenKind = kind == null ? "" : kind.strip();
        models.put("summary", jobs.summary());
        models.put("jobs", jobs.list(chosenKind, chosenState, LIMIT));
        models.put("kind", chosenKind);
        models.put("state", chosenState);
        models.put("section", "jobs");
        return "admin/jobs.html";
    }

    @POST
    @Path("retry")
    @Controller
    public Response retry(@FormParam("kind") String kind, @FormParam("instance") String instance) {
        actions.retryJob(currentMember.requireId(), required(kind), required(instance), "");
        flash.success("The job runs again now.");
        return Response.seeOther(URI.create("/admin/jobs?kind=" + java.net.URLEncoder.encode(kind, java.nio.charset.StandardCharsets.UTF_8)))
                .build();
    }

    @POST
    @Path("cancel")
    @Controller
    public Response cancel(@FormParam("kind") String kind, @FormParam("instance") String instance) {
        try {
            actions.cancelJob(currentMember.requireId(), required(kind), required(instance), "");
            flash.success("The job is cancelled.");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return Response.seeOther(URI.create("/admin/jobs")).build();
    }

    private static String required(String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new com.soundhub.platform.rules.NotFound();
        }
        return value;
    }
}
