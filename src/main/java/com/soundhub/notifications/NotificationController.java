package com.soundhub.notifications;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The member's notifications and marking them read. */
@Controller
@RequestScoped
@SignedIn
@Path("notifications")
public class NotificationController {

    static final String VIEW = "notifications/list.html";

    @Inject
    Models models;

    @Inject
    CurrentMember currentMember;

    @Inject
    NotificationService notifications;

    @GET
    public String list(@QueryParam("before") String before) {
        Optional<Long> beforeId = Optional.ofNullable(before).filter(text -> text.matches("[0-9]{1,18}")).map(Long::valueOf);
        List<Notification> fetched = notifications.recent(currentMember.requireId(), beforeId);
        boolean more = fetched.size() > NotificationService.PAGE_SIZE;
        List<Notification> shown = more ? fetched.subList(0, NotificationService.PAGE_SIZE) : fetched;
        models.put("notifications", shown);
        models.put("next", more ? shown.get(shown.size() - 1).getId() : null);
        return VIEW;
    }

    @POST
    @Path("read")
    public Response markAllRead() {
        notifications.markAllRead(currentMember.requireId());
        return Response.seeOther(URI.create("/notifications")).build();
    }

    @POST
    @Path("{id: [0-9]{1,18}}/read")
    public Response markRead(@PathParam("id") long id) {
        notifications.markRead(currentMember.requireId(), id);
        return Response.seeOther(URI.create("/notifications")).build();
    }
}
