package com.soundhub.profiles;

import java.io.InputStream;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.NotFound;
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
 * The settings page sends a chosen picture here as the request body (with the CSRF header, like
 * every script request); the answer is the new picture's URL or what was wrong with it.
 */
@RequestScoped
@SignedIn
@Path("api/profile/{kind: avatar|banner}")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileImageApi {

    @Inject
    CurrentMember currentMember;

    @Inject
    ProfileImageService images;

    @POST
    @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@PathParam("kind") String kind, InputStream body) {
        ProfileImageKind imageKind = ProfileImageKind.fromPath(kind);
        if (imageKind == null) {
            throw new NotFound("picture kind " + kind);
        }
        try {
            String url = images.replace(currentMember.requireId(), imageKind, body);
            return Response.ok(Json.createObjectBuilder().add("url", url).build().toString()).build();
        } catch (RuleViolation violation) {
            return Response.status(422)
                    .entity(Json.createObjectBuilder().add("error", violation.getMessage()).build().toString()).build();
        }
    }
}
