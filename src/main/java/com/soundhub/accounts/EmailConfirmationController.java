package com.soundhub.accounts;

import java.net.URI;
import java.util.Optional;

import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
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

/** Confirming the address one signed up with, from the mailed link (in any browser), and asking for the link again. */
@Controller
@RequestScoped
@Path("email")
public class EmailConfirmationController {

    static final String CONFIRM = "accounts/email-confirm-sign-up.html";

    @Inject
    Models models;

    @Inject
    FormErrors errors;

    @Inject
    FlashMessages flash;

    @Inject
    CurrentMember currentMember;

    @Inject
    EmailConfirmations confirmations;

    @Inject
    SiteOrigin siteOrigin;

    @GET
    @Path("confirm")
    public Response confirmation(@QueryParam("token") String token) {
        models.put("token", token == null ? "" : token);
        try {
            models.put("nickname", confirmations.nicknameFor(token));
            return Response.ok(CONFIRM).build();
        } catch (RuleViolation violation) {
            return refused(token, violation);
        }
    }

    /** A POST, with its CSRF token: a mail scanner that opens the link confirms nothing. */
    @POST
    @Path("confirm")
    public Response confirm(@FormParam("token") String token) {
        try {
            confirmations.confirm(token);
            flash.success("Thank you: your email address is confirmed. You can upload, comment and send messages now.");
            return Response.seeOther(URI.create(currentMember.isSignedIn() ? "/" : "/signin")).build();
        } catch (RuleViolation violation) {
            return refused(token, violation);
        }
    }

    @POST
    @Path("link")
    @SignedIn
    public Response mailLinkAgain() {
        Optional<String> origin = siteOrigin.get();
        try {
            if (origin.isEmpty()) {
                throw new RuleViolation("_form", "Mail cannot be sent from this site yet: its address (soundhub.site-url) is not set.");
            }
            confirmations.mailLink(currentMember.requireId(), origin.get());
            flash.success("We sent you a new link. It works for a day.");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return Response.seeOther(URI.create("/settings/email")).build();
    }

    private Response refused(String token, RuleViolation violation) {
        models.put("token", token == null ? "" : token);
        models.put("nickname", null);
        errors.addToForm(violation.getMessage());
        return Response.status(SignUpController.UNPROCESSABLE).entity(CONFIRM).build();
    }
}
