package com.soundhub.recordings;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.web.ViewerParts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** What the recording page shows of its viewer (their like, their controls), fetched by the page's script. */
@RequestScoped
@Path("recordings/{publicId}/viewer")
public class RecordingViewerPart {

    @Inject
    RecordingPage page;

    @Inject
    CurrentMember currentMember;

    @Inject
    ViewerParts parts;

    @GET
    public Response viewer(@PathParam("publicId") String publicId, @Context HttpServletRequest request,
                           @Context HttpServletResponse response) {
        return parts.part(RecordingPage.VIEWER_PARTS,
                page.viewerModels(publicId, currentMember.id(), currentMember.isAdmin()), request, response);
    }
}
