package com.soundhub.accounts;

import java.net.URI;

import com.soundhub.web.FlashMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * Where a member is signed in: each browser with its address and last use; signing one out, or
 * all the others, works at once on every instance (sessions are read from PostgreSQL on each request).
 */
@Controller
@RequestScoped
@SignedIn
@Path("settings/sessions")
public class SessionsController {

    @Inject
    Models models;

    @Inject
    FlashMessages flash;

    @Inject
    CurrentMember currentMember;

    @Inject
    SessionService sessions;

    @Context
    HttpServletRequest request;

    @GET
    public String list() {
        models.put("sessions", sessions.sessionsOf(currentMember.requireId(), SessionCookie.read(request).orElse(null)));
        return "accounts/settings-sessions.html";
    }

    @POST
    @Path("{id:[0-9]{1,18}}/end")
    public Response end(@PathParam("id") long id) {
        sessions.closeOwn(currentMember.requireId(), id);
        flash.success("That browser is signed out.");
        return Response.seeOther(URI.create("/settings/sessions")).build();
    }

    @POST
    @Path("end-others")
    public Response endOthers() {
        int closed = sessions.closeOthers(currentMember.requireId(), SessionCookie.read(request).orElse(null));
        flash.success(closed == 0 ? "You were signed in nowhere else."
                : closed + (closed == 1 ? " other browser is" : " other browsers are") + " signed out.");
        return Response.seeOther(URI.create("/settings/sessions")).build();
    }
}
