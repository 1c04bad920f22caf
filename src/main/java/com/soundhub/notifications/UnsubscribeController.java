package com.soundhub.notifications;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The link at the foot of every notification mail: one button, no sign-in (the link's token is the
 * proof), and all notification mail stops.
 */
@Controller
@RequestScoped
@Path("notifications/unsubscribe")
public class UnsubscribeController {

    static final String VIEW = "notifications/unsubscribe.html";

    @Inject
    Models models;

    @Inject
    NotificationMail mail;

    @GET
    public Response page(@QueryParam("token") String token) {
        return mail.nicknameFor(token)
                .map(nickname -> {
                    models.put("token", token);
                    models.put("nickname", nickname);
                    models.put("done", false);
                    return Response.ok(VIEW).build();
                })
                .orElseGet(this::unknown);
    }

    @POST
    public Response unsubscribe(@FormParam("token") String token) {
        if (!mail.unsubscribe(token)) {
            return unknown();
        }
        models.put("done", true);
        return Response.ok(VIEW).build();
    }

    private Response unknown() {
        models.put("done", false);
        models.put("nickname", null);
        return Response.status(404).entity(VIEW).build();
    }
}
