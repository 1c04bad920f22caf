package com.soundhub.notifications;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.accounts.SiteOrigin;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Settings → Notifications: which kinds come by mail (none until chosen). */
@Controller
@RequestScoped
@SignedIn
@Path("settings/notifications")
public class NotificationMailController {

    static final String VIEW = "notifications/settings.html";

    @Inject
    Models models;

    @Inject
    BindingResult binding;

    @Inject
    FormErrors errors;

    @Inject
    FlashMessages flash;

    @Inject
    CurrentMember currentMember;

    @Inject
    NotificationMail mail;

    @Inject
    SiteOrigin siteOrigin;

    @GET
    public String page() {
        models.put("kinds", NotificationKind.values());
        models.put("chosen", mail.chosenKinds(currentMember.requireId()));
        return VIEW;
    }

    @POST
    public Response save(@Valid @BeanParam NotificationMailForm form) {
        errors.addAll(binding);
        if (errors.isEmpty()) {
            var origin = siteOrigin.get();
            if (origin.isEmpty()) {
                errors.addToForm("Mail cannot be sent from this site yet: its address (soundhub.site-url) is not set.");
            } else {
                mail.choose(currentMember.requireId(), form.chosen(), origin.get());
                flash.success(form.chosen().isEmpty() ? "You get no notification mail." : "Saved: one mail a day at most, when something happened.");
                return Response.seeOther(URI.create("/settings/notifications")).build();
            }
        }
        models.put("kinds", NotificationKind.values());
        models.put("chosen", form.chosen());
        return Response.status(422).entity(VIEW).build();
    }
}
