package com.soundhub.likes;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.ws.rs.HeaderParam;
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
    public Response like(@HeaderParam("HX-Request") String htmx) {
        likes.like(publicId, currentMember.requireId());
        return backToRecording(htmx != null);
    }

    @POST
    @Path("unlike")
    public Response unlike(@HeaderParam("HX-Request") String htmx) {
        likes.unlike(publicId, currentMember.requireId());
        return backToRecording(htmx != null);
    }

    /**
     * Back to the page; for htmx, to the member's part of it, which holds their like button: the
     * page itself is the same for everyone.
     */
    private Response backToRecording(boolean htmx) {
        return Response.seeOther(URI.create("/recordings/" + publicId + (htmx ? "/viewer" : "#like"))).build();
    }
}
