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
import jakarta.mvc.binding.BindingResult;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Changing one's email address: asked for in the settings (with the password), used once the link
 * mailed to the new address is followed, from any browser (the link is the proof).
 */
@Controller
@RequestScoped
@Path("settings/email")
public class EmailChangeController {

    static final String FORM = "accounts/settings-email.html";
    static final String CONFIRM = "accounts/email-confirm.html";

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
    AccountService accounts;

    @Inject
    EmailChanges changes;

    @Inject
    SiteOrigin siteOrigin;

    @Inject
    EmailConfirmations confirmations;

    @GET
    @SignedIn
    public String form() {
        return page("");
    }

    @POST
    @SignedIn
    public Response ask(@Valid @BeanParam ChangeEmailForm form) {
        errors.addAll(binding);
        if (errors.isEmpty()) {
            Optional<String> origin = siteOrigin.get();
            try {
                if (origin.isEmpty()) {
                    throw new RuleViolation("email", "Mail cannot be sent from this site yet: its address (soundhub.site-url) is not set.");
                }
                changes.request(currentMember.requireId(), form.getEmail(), form.getPassword(), origin.get());
                flash.success("We sent a link to " + form.getEmail().strip() + ". Your address changes when you follow it.");
                return Response.seeOther(URI.create("/settings/email")).build();
            } catch (RuleViolation violation) {
                errors.add(violation.field(), violation.getMessage());
            }
        }
        return Response.status(SignUpController.UNPROCESSABLE).entity(page(form.getEmail())).build();
    }

    @GET
    @Path("confirm")
    public Response confirmation(@QueryParam("token") String token) {
        models.put("token", token == null ? "" : token);
        try {
            models.put("address", changes.addressFor(token));
            return Response.ok(CONFIRM).build();
        } catch (RuleViolation violation) {
            errors.addToForm(violation.getMessage());
            models.put("address", null);
            return Response.status(SignUpController.UNPROCESSABLE).entity(CONFIRM).build();
        }
    }

    /** A POST, with its CSRF token: a mail scanner that opens the link changes nothing. */
    @POST
    @Path("confirm")
    public Response confirm(@FormParam("token") String token) {
        try {
            String address = changes.confirm(token);
            flash.success("Your email address is now " + address + ".");
            return Response.seeOther(URI.create(currentMember.isSignedIn() ? "/settings/email" : "/signin")).build();
        } catch (RuleViolation violation) {
            models.put("token", token == null ? "" : token);
            models.put("address", null);
            errors.addToForm(violation.getMessage());
            return Response.status(SignUpController.UNPROCESSABLE).entity(CONFIRM).build();
        }
    }

    private String page(String typed) {
        models.put("current", accounts.member(currentMember.requireId()).map(Member::getEmail).orElse(""));
        models.put("confirmed", confirmations.isConfirmed(currentMember.requireId()));
        models.put("email", typed == null ? "" : typed);
        return FORM;
    }
}
