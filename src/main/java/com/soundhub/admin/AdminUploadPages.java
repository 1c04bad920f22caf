package com.soundhub.admin;

import java.net.URI;
import java.util.UUID;

import com.soundhub.accounts.AdminOnly;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.uploads.UploadService;
import com.soundhub.web.FlashMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** Uploads in trouble: dead ones (retry them) and stuck ones, each with every state it went through. */
@RequestScoped
@AdminOnly
@Path("admin/uploads")
public class AdminUploadPages {

    static final int PAGE = 100;

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    UploadService uploads;

    @Inject
    AdminActions actions;

    @Inject
    FlashMessages flash;

    @GET
    @Controller
    public String list(@QueryParam("show") String show) {
        boolean dead = !"stuck".equals(show);
        models.put("dead", dead);
        models.put("uploads", uploads.troubled(currentMember.requireId(), dead, PAGE));
        models.put("section", "jobs");
        return "admin/uploads.html";
    }

    @POST
    @Path("{id}/retry")
    @Controller
    public Response retry(@PathParam("id") String id) {
        UUID uploadId;
        try {
            uploadId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
        try {
            actions.retryUpload(currentMember.requireId(), uploadId);
            flash.success("The upload is processed again; its owner follows it on their uploads page.");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return Response.seeOther(URI.create("/admin/uploads")).build();
    }
}
