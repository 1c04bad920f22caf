package com.soundhub.web.errors;

import java.util.Map;

import com.soundhub.platform.logging.RequestIdFilter;
import com.soundhub.web.PublicPageCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.krazo.engine.Viewable;

/** Builds the response for a failure: the error page, or JSON for {@code /api/} requests. */
@ApplicationScoped
public class ErrorResponses {

    static final String VIEW = "errors/error.html";

    private static final Map<Integer, String[]> TEXTS = Map.ofEntries(
            Map.entry(400, new String[]{"That request didn't work", "Something in the request was not what we expected. Go back and try again."}),
            Map.entry(401, new String[]{"Sign in first", "You need to be signed in, or to send a valid access token, to do that."}),
            Map.entry(403, new String[]{"Not allowed", "You don't have permission to do that."}),
            Map.entry(404, new String[]{"Page not found", "We couldn't find what you were looking for. It may have been moved, made private or deleted."}),
            Map.entry(405, new String[]{"Not possible here", "That action isn't available on this page."}),
            Map.entry(406, new String[]{"Not available in that format", "We can't show this page in the format your browser asked for."}),
            Map.entry(413, new String[]{"Too large", "What you sent is larger than we accept. Shorten what you typed, or choose a smaller file, and try again."}),
            Map.entry(415, new String[]{"Unsupported format", "We can't read what was sent in that format."}),
            Map.entry(429, new String[]{"Slow down", "You're doing that too often. Wait a little and try again."}),
            Map.entry(500, new String[]{"Something went wrong", "Something went wrong on our side. It has been logged; please try again in a moment."}),
            Map.entry(503, new String[]{"Temporarily unavailable", "SoundHub is briefly unavailable. Please try again in a moment."}));

    @Inject
    Instance<Models> models;

    @Inject
    Instance<HttpServletRequest> request;

    public Response of(int status) {
        return of(status, null);
    }

    /** @param message shown instead of the status's standard text when not null */
    public Response of(int status, String message) {
        String[] texts = TEXTS.getOrDefault(status, TEXTS.get(status >= 500 ? 500 : 400));
        String text = message != null ? message : texts[1];
        HttpServletRequest current = request.get();
        if (current.getRequestURI().startsWith("/api/")) {
            String body = Json.createObjectBuilder()
                    .add("status", status)
                    .add("error", text)
                    .add("requestId", RequestIdFilter.current(current))
                    .build().toString();
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        // The error page shows nothing of the viewer, so it renders without asking the database who
        // they are: whatever failed (the database, say) cannot fail the error page as well. The
        // page's script brings the viewer's header, as on public pages.
        current.setAttribute(PublicPageCache.PUBLIC_RENDERING, Boolean.TRUE);
        Models page = models.get();
        page.put("status", status);
        page.put("title", texts[0]);
        page.put("message", text);
        page.put("requestId", RequestIdFilter.current(current));
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(new Viewable(VIEW, page))
                .build();
    }
}
