package com.soundhub.web;

import java.util.Map;

import com.soundhub.web.security.CsrfCookie;
import com.soundhub.web.views.PageRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What a public page shows of its viewer (their header, their messages, the CSRF token for the
 * page's forms), fetched by the page's script after the page itself, which is the same for everyone
 * ({@link PublicPages}). Pages with more of the viewer in them (a recording's like button, a
 * profile's follow button) have viewer parts of their own, which include these and are made here
 * too ({@link #part}). A member asks for one with every page they open, so parts are plain JAX-RS
 * resources rendered straight to a string, without Jakarta MVC's controller machinery.
 */
@ApplicationScoped
@Path("viewer")
public class ViewerParts {

    static final String VIEW = "fragments/viewer.html";
    private static final String VIEW_FOLDER = "/WEB-INF/views/";
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    /** Viewer parts are one person's: no cache may keep them. */
    private static final CacheControl NOT_STORED = notStored();

    @Inject
    PageRenderer renderer;

    @GET
    public Response common(@Context HttpServletRequest request, @Context HttpServletResponse response) {
        return part(VIEW, Map.of(), request, response);
    }

    /** The viewer part {@code view} (a template under the views folder) with its models, for this request's member. */
    public Response part(String view, Map<String, Object> models, HttpServletRequest request, HttpServletResponse response) {
        String html = renderer.renderViewerPart(VIEW_FOLDER + view, models, CsrfCookie.ensure(request, response),
                request, response);
        return Response.ok(html, HTML).cacheControl(NOT_STORED).build();
    }

    private static CacheControl notStored() {
        CacheControl control = new CacheControl();
        control.setNoStore(true);
        control.setPrivate(true);
        return control;
    }
}
