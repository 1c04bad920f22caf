package com.soundhub.accounts;

import java.net.URI;

import com.soundhub.web.FlashMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** Signing out is a POST (with its CSRF token), so a link on another site cannot sign anyone out. */
@Controller
@RequestScoped
@Path("signout")
public class SignOutController {

    @Inject
    FlashMessages flash;

    @Inject
    SessionService sessions;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    public Response signOut() {
        SessionCookie.read(request).ifPresent(sessions::close);
        SessionCookie.clear(request, response);
        flash.info("You're signed out. See you soon!");
        return Response.seeOther(URI.create("/")).build();
    }
}
