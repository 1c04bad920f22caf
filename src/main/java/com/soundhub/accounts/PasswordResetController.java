package com.soundhub.accounts;

import java.net.URI;
import java.util.Optional;

import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.ClientInfo;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Forgot your password?": asking for a link by mail, and choosing a new password through it. */
@Controller
@RequestScoped
@Path("password")
public class PasswordResetController {

    static final String FORGOT = "accounts/password-forgot.html";
    static final String RESET = "accounts/password-reset.html";
    static final String SENT = "If an account has that address, a link to choose a new password is on its way. It works for an hour.";
    private static final Logger log = LoggerFactory.getLogger(PasswordResetController.class);

    @Inject
    Models models;

    @Inject
    BindingResult binding;

    @Inject
    FormErrors errors;

    @Inject
    FlashMessages flash;

    @Inject
    PasswordResets resets;

    @Inject
    SiteOrigin siteOrigin;

    @Context
    HttpServletRequest request;

    @GET
    @Path("forgot")
    public String forgot() {
        models.put("email", "");
        return FORGOT;
    }

    @POST
    @Path("forgot")
    public Response ask(@Valid @BeanParam ForgotPasswordForm form) {
        errors.addAll(binding);
        if (!errors.isEmpty()) {
            models.put("email", form.getEmail() == null ? "" : form.getEmail());
            return Response.status(SignUpController.UNPROCESSABLE).entity(FORGOT).build();
        }
        Optional<String> origin = siteOrigin.get();
        if (origin.isEmpty()) {
            log.error("No reset link is sent: set soundhub.site-url to the site's address (links in mail must not trust the Host header)");
        } else {
            resets.request(form.getEmail(), ClientInfo.address(request), origin.get());
        }
        flash.info(SENT);
        return Response.seeOther(URI.create("/signin")).build();
    }

    @GET
    @Path("reset")
    public Response reset(@QueryParam("token") String token) {
        models.put("token", token == null ? "" : token);
        try {
            models.put("nickname", resets.nicknameFor(token));
            return Response.ok(RESET).build();
        } catch (RuleViolation violation) {
            return linkProblem(violation);
        }
    }

    @POST
    @Path("reset")
    public Response choose(@Valid @BeanParam ResetPasswordForm form) {
        models.put("token", form.getToken() == null ? "" : form.getToken());
        errors.addAll(binding);
        try {
            models.put("nickname", resets.nicknameFor(form.getToken()));
            if (errors.isEmpty()) {
                resets.reset(form.getToken(), form.getPassword());
                flash.success("Your password is changed, and every browser signed in as you is signed out. Sign in with the new one.");
                return Response.seeOther(URI.create("/signin")).build();
            }
        } catch (RuleViolation violation) {
            if ("token".equals(violation.field())) {
                return linkProblem(violation);
            }
            errors.add(violation.field(), violation.getMessage());
        }
        return Response.status(SignUpController.UNPROCESSABLE).entity(RESET).build();
    }

    /** A link that cannot be used: the page says why and offers a new one. */
    private Response linkProblem(RuleViolation violation) {
        models.put("email", "");
        errors.addToForm(violation.getMessage());
        return Response.status(SignUpController.UNPROCESSABLE).entity(FORGOT).build();
    }
}
