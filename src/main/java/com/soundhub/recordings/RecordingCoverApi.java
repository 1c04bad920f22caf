package com.soundhub.recordings;

import java.io.InputStream;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The upload and edit pages send a chosen cover picture here as the request body (with the CSRF
 * header, like every script request); the answer is the new picture's address or what was wrong.
 */
@RequestScoped
@SignedIn
@Path("api/recordings/{publicId}/cover")
@Produces(MediaType.APPLICATION_JSON)
public class RecordingCoverApi {

    static final int UNPROCESSABLE = 422;

    @Inject
    CurrentMember currentMember;

    @Inject
    RecordingCoverService covers;

    @POST
    @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@PathParam("publicId") String publicId, InputStream body) {
        try {
            String url = covers.replace(publicId, currentMember.requireId(), body);
            return Response.ok(Json.createObjectBuilder().add("url", url).build().toString()).build();
        } catch (RuleViolation violation) {
            return Response.status(UNPROCESSABLE)
                    .entity(Json.createObjectBuilder().add("error", violation.getMessage()).build().toString()).build();
        }
    }
}
