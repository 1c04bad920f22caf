package com.soundhub.projects;

import com.soundhub.accounts.CurrentMember;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** A project's cover picture, at its own address (the settings page's script sends a new one to {@link ProjectApi}). */
@RequestScoped
@Path("projects/{id}/cover.jpg")
public class ProjectCoverResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    ProjectCoverService covers;

    /** The address changes with the picture, so it may be kept a year; privately, since projects can be private. */
    @GET
    @Produces("image/jpeg")
    public Response cover(@PathParam("id") String id) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(31_536_000);
        cache.setPrivate(true);
        return Response.ok(covers.open(id, currentMember.id()), "image/jpeg").cacheControl(cache).build();
    }
}
