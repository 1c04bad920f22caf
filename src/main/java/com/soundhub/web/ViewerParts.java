package com.soundhub.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.mvc.Controller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * What a public page shows of its viewer (their header, their messages, the CSRF token for the
 * page's forms), fetched by the page's script after the page itself, which is the same for everyone
 * ({@link PublicPages}). Pages with more of the viewer in them (a recording's like button, a
 * profile's follow button) have viewer parts of their own, which include these.
 */
@Controller
@RequestScoped
@Path("viewer")
public class ViewerParts {

    static final String VIEW = "fragments/viewer.html";

    /** Viewer parts are one person's: no cache may keep them. */
    public static final CacheControl NOT_STORED = notStored();

    @GET
    public Response common() {
        return Response.ok(VIEW).cacheControl(NOT_STORED).build();
    }

    private static CacheControl notStored() {
        CacheControl control = new CacheControl();
        control.setNoStore(true);
        control.setPrivate(true);
        return control;
    }
}
