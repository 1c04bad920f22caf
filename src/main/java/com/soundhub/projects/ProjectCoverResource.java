package com.soundhub.projects;

import java.io.InputStream;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.platform.rules.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A project's cover picture: the settings page's script sends a chosen picture as the request body
 * (with the CSRF header, like every script request), and pages show it from its own address.
 */
@RequestScoped
@Path("")
public class ProjectCoverResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectCoverService covers;

    @POST
    @SignedIn
    @Path("api/v1/projects/{id}/cover")
    @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("id") String id, InputStream body) {
        try {
            String url = covers.replace(id, currentMember.requireId(), body);
            return Response.ok(Json.createObjectBuilder().add("url", url).build().toString()).build();
        } catch (RuleViolation violation) {
            return Response.status(ProjectApi.UNPROCESSABLE)
                    .entity(Json.createObjectBuilder().add("status", ProjectApi.UNPROCESSABLE)
                            .add("error", violation.getMessage()).build().toString()).build();
        }
    }

    /** The address changes with the picture, so it may be kept a year; privately, since projects can be private. */
    @GET
    @Path("projects/{id}/cover.jpg")
    @Produces("image/jpeg")
    public Response cover(@PathParam("id") String id) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(31_536_000);
        cache.setPrivate(true);
        return Response.ok(covers.open(id, currentMember.id()), "image/jpeg").cacheControl(cache).build();
    }
}
