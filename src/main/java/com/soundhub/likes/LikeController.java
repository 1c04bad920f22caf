package com.soundhub.likes;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * Like and unlike from the recording page. Plain forms that come back to the page; with htmx the
 * page swaps in only the like button, so the count updates without a reload.
 */
@Controller
@RequestScoped
@SignedIn
@Path("recordings/{publicId}")
public class LikeController {

    @Inject
    CurrentMember currentMember;

    @Inject
    LikeService likes;

    @PathParam("publicId")
    String publicId;

    @POST
    @Path("like")
    public Response like() {
        likes.like(publicId, currentMember.requireId());
        return backToRecording();
    }

    @POST
    @Path("unlike")
    public Response unlike() {
        likes.unlike(publicId, currentMember.requireId());
        return backToRecording();
    }

    private Response backToRecording() {
        return Response.seeOther(URI.create("/recordings/" + publicId + "#like")).build();
    }
}
