package com.soundhub.uploads;

import java.net.URI;
import java.util.UUID;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.recordings.RecordingChoices;
import com.soundhub.recordings.RecordingForm;
import com.soundhub.web.FlashMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** The upload page ({@code /uploads/new}), the member's uploads and one upload's progress. */
@Controller
@RequestScoped
@SignedIn
@Path("uploads")
public class UploadPageController {

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    UploadService uploads;

    @Inject
    UploadSettings settings;

    @Inject
    RecordingChoices choices;

    @Inject
    FlashMessages flash;

    @GET
    @Path("new")
    public String form() {
        models.put("form", RecordingForm.blank());
        models.put("maxMegabytes", settings.maxMegabytes());
        models.put("maxMinutes", settings.maxMinutes());
        models.put("formats", AcceptedAudio.FORMATS);
        models.put("titleHint", "Leave it empty to use the title in the file's tags, or else its name.");
        choices.addTo(models);
        return "uploads/upload.html";
    }

    @GET
    public String mine() {
        models.put("uploads", uploads.ownedBy(currentMember.requireId()));
        return "uploads/list.html";
    }

    @GET
    @Path("{id}")
    public String progress(@PathParam("id") String id) {
        models.put("status", uploads.status(currentMember.requireId(), UploadApi.uuid(id)));
        return "uploads/progress.html";
    }

    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") String id) {
        UUID uploadId = UploadApi.uuid(id);
        try {
            uploads.retry(currentMember.requireId(), uploadId);
            flash.info("Processing starts again.");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return Response.seeOther(URI.create("/uploads/" + uploadId)).build();
    }
}
