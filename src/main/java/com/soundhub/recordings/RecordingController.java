package com.soundhub.recordings;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** A recording's page, its playlist and artwork, and the owner's edit and delete. */
@RequestScoped
@Path("recordings/{publicId}")
public class RecordingController {

    static final String EDIT = "recordings/edit.html";
    static final String HLS_TYPE = "application/vnd.apple.mpegurl";

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
    RecordingService recordings;

    @Inject
    RecordingChoices choices;

    @Inject
    RecordingPage page;

    @Inject
    Event<ListeningStarted> listening;

    @Context
    HttpServletRequest request;

    @PathParam("publicId")
    String publicId;

    @GET
    @Controller
    public String show() {
        return page.render(models, publicId, currentMember.id());
    }

    /** The HLS playlist, only for those who may listen, with segment URLs signed for a short while. */
    @GET
    @Path("playlist.m3u8")
    @Produces(HLS_TYPE)
    public Response playlist() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        Recording recording = recordings.viewable(publicId, currentMember.id());
        String playlist = recordings.playlist(publicId, currentMember.id());
        // A player asks for the playlist once when a listener presses play: that is a play.
        if (!recording.isOwnedBy(currentMember.id().orElse(null))) {
            listening.fire(new ListeningStarted(recording.getId(), Listeners.key(currentMember.id(), request)));
        }
        return Response.ok(playlist, HLS_TYPE).cacheControl(noStore).build();
    }

    @GET
    @Path("artwork.svg")
    @Produces("image/svg+xml")
    public Response artwork() {
        Recording recording = recordings.viewable(publicId, currentMember.id());
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        cache.setPrivate(recording.getVisibility() != Visibility.PUBLIC);
        return Response.ok(ArtworkPlaceholder.svg(recording.getPublicId(), recording.getTitle()))
                .cacheControl(cache).build();
    }

    @GET
    @Path("edit")
    @Controller
    @SignedIn
    public String edit() {
        Recording recording = recordings.editable(publicId, currentMember.requireId());
        return editPage(recording, RecordingForm.of(recording));
    }

    @POST
    @Path("edit")
    @Controller
    @SignedIn
    public Response update(@Valid @BeanParam RecordingForm form) {
        long memberId = currentMember.requireId();
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                recordings.update(publicId, memberId, RecordingRules.details(form));
                flash.success("Your changes are saved.");
                return Response.seeOther(URI.create("/recordings/" + publicId)).build();
            } catch (RuleViolation violation) {
                errors.add(violation.field(), violation.getMessage());
            }
        }
        return Response.status(422).entity(editPage(recordings.editable(publicId, memberId), form)).build();
    }

    @POST
    @Path("delete")
    @Controller
    @SignedIn
    public Response delete() {
        Recording recording = recordings.editable(publicId, currentMember.requireId());
        recordings.delete(publicId, currentMember.requireId());
        flash.success("\"" + recording.getTitle() + "\" is deleted.");
        return Response.seeOther(URI.create("/uploads")).build();
    }

    private String editPage(Recording recording, RecordingForm form) {
        models.put("recording", recording);
        models.put("form", form);
        choices.addTo(models);
        return EDIT;
    }
}
