package com.soundhub.accounts;

import java.net.URI;

import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.site.SiteSettingsService;
import com.soundhub.web.ClientInfo;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

@Controller
@RequestScoped
@Path("signup")
public class SignUpController {

    static final String VIEW = "accounts/signup.html";
    static final int UNPROCESSABLE = 422;

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
    SessionService sessions;

    @Inject
    SiteSettingsService site;

    @Inject
    EmailConfirmations confirmations;

    @Inject
    SiteOrigin siteOrigin;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    public Response form() {
        if (currentMember.isSignedIn()) {
            return Response.seeOther(URI.create("/")).build();
        }
        models.put("form", new SignUpForm());
        models.put("signUpsOpen", site.current().signUpsOpen());
        return Response.ok(VIEW).build();
    }

    @POST
    public Response signUp(@Valid @BeanParam SignUpForm form) {
        models.put("form", form);
        models.put("signUpsOpen", site.current().signUpsOpen());
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                Member member = accounts.signUp(form.getEmail(), form.getNickname(), form.getPassword());
                SessionCookie.write(request, response,
                        sessions.open(member, true, ClientInfo.userAgent(request), ClientInfo.address(request)));
                siteOrigin.get().ifPresent(origin -> confirmations.mailLink(member.getId(), origin));
                flash.success("Welcome to SoundHub, " + member.getNickname() + "! We mailed a link to " + member.getEmail()
                        + ": follow it to upload, comment and send messages. Until then, listen to your heart's content.");
                return Response.seeOther(URI.create("/")).build();
            } catch (RuleViolation violation) {
                errors.add(violation.field(), violation.getMessage());
            }
        }
        return Response.status(UNPROCESSABLE).entity(VIEW).build();
    }
}
