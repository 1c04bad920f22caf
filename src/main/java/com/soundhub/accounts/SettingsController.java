package com.soundhub.accounts;

import java.net.URI;

import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.taxonomy.TaxonomyService;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import com.soundhub.web.Paths;
import com.soundhub.web.Forms;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** A member's own settings: profile and password. */
@Controller
@RequestScoped
@SignedIn
@Path("settings")
public class SettingsController {

    static final String PROFILE_VIEW = "accounts/settings-profile.html";
    static final String PASSWORD_VIEW = "accounts/settings-password.html";

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
    TaxonomyService taxonomy;

    @Context
    HttpServletRequest request;

    @GET
    public Response index() {
        return Response.seeOther(URI.create("/settings/profile")).build();
    }

    @GET
    @Path("profile")
    public Response profile() {
        Member member = accounts.member(currentMember.requireId()).orElseThrow(NotSignedInException::new);
        return profilePage(ProfileForm.of(member), Response.Status.OK.getStatusCode());
    }

    @POST
    @Path("profile")
    public Response updateProfile(@Valid @BeanParam ProfileForm form) {
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                Member member = accounts.updateProfile(currentMember.requireId(), form.getNickname(), form.getBio(),
                        form.getGenres(), form.getInstruments());
                flash.success("Your profile is saved.");
                return Response.seeOther(URI.create("/members/" + Paths.segment(member.getNickname()))).build();
            } catch (RuleViolation violation) {
                errors.add(violation.field(), violation.getMessage());
            }
        }
        return profilePage(Forms.cutToSize(form), SignUpController.UNPROCESSABLE);
    }

    private Response profilePage(ProfileForm form, int status) {
        models.put("form", form);
        models.put("genres", taxonomy.activeGenres());
        models.put("instruments", taxonomy.activeInstruments());
        models.put("member", accounts.member(currentMember.requireId()).orElseThrow());
        return Response.status(status).entity(PROFILE_VIEW).build();
    }

    @GET
    @Path("password")
    public Response password() {
        return Response.ok(PASSWORD_VIEW).build();
    }

    @POST
    @Path("password")
    public Response changePassword(@Valid @BeanParam PasswordChangeForm form) {
        errors.addAll(binding);
        if (!form.isConfirmed()) {
            errors.add("confirmation", "The two new passwords are not the same.");
        }
        if (errors.isEmpty()) {
            try {
                accounts.changePassword(currentMember.requireId(), form.getCurrentPassword(), form.getNewPassword(),
                        SessionCookie.read(request).orElse(null));
                flash.success("Your password is changed. Other browsers signed in to your account were signed out.");
                return Response.seeOther(URI.create("/settings/password")).build();
            } catch (RuleViolation violation) {
                errors.add(violation.field(), violation.getMessage());
            }
        }
        return Response.status(SignUpController.UNPROCESSABLE).entity(PASSWORD_VIEW).build();
    }
}
