package com.soundhub.accounts;

import java.net.URI;

import com.soundhub.web.ClientInfo;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import com.soundhub.web.SafeRedirects;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

@Controller
@RequestScoped
@Path("signin")
public class SignInController {

    static final String VIEW = "accounts/signin.html";
    static final int TOO_MANY_REQUESTS = 429;

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

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    public Response form(@QueryParam("next") String next) {
        String target = SafeRedirects.localPath(next, "/");
        if (currentMember.isSignedIn()) {
            return Response.seeOther(URI.create(target)).build();
        }
        SignInForm form = new SignInForm();
        form.setNext(target);
        form.setRemember(true);
        models.put("form", form);
        return Response.ok(VIEW).build();
    }

    @POST
    public Response signIn(@Valid @BeanParam SignInForm form) {
        models.put("form", form);
        errors.addAll(binding);
        int status = SignUpController.UNPROCESSABLE;
        if (errors.isEmpty()) {
            SignInOutcome outcome = accounts.signIn(form.getEmail(), form.getPassword(), ClientInfo.address(request));
            if (outcome instanceof SignInOutcome.SignedIn signedIn) {
                Member member = signedIn.member();
                SessionCookie.write(request, response,
                        sessions.open(member, form.isRemember(), ClientInfo.userAgent(request), ClientInfo.address(request)));
                flash.success("Welcome back, " + member.getNickname() + "!");
                return Response.seeOther(URI.create(SafeRedirects.localPath(form.getNext(), "/"))).build();
            } else if (outcome instanceof SignInOutcome.Locked locked) {
                errors.addToForm(locked.message());
                status = TOO_MANY_REQUESTS;
                response.setHeader("Retry-After", String.valueOf(Math.max(1, locked.retryAfter().toSeconds())));
            } else if (outcome instanceof SignInOutcome.Refused refused) {
                errors.addToForm(refused.message());
            }
        }
        return Response.status(status).entity(VIEW).build();
    }
}
