package com.soundhub.accounts;

import java.net.URI;

import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.ClientInfo;
import com.soundhub.web.Cookies;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import com.soundhub.web.Paths;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.binding.BindingResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * "Sign in with ...": off to the provider, back with its answer, then signed in, or asked for a
 * nickname (a new person) or for the password of the existing account with that address.
 */
@Controller
@RequestScoped
@Path("signin/provider")
public class ProviderSignInController {

    /** The state of the sign-in this browser started, so that only this browser can finish it. */
    static final String STATE_COOKIE = "soundhub_provider_state";

    static final String PROBLEM = "accounts/provider-problem.html";
    static final String NICKNAME = "accounts/provider-nickname.html";
    static final String CONFIRM = "accounts/provider-confirm.html";

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
    ProviderSignIns signIns;

    @Inject
    SessionService sessions;

    @Inject
    SiteOrigin siteOrigin;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    @Path("{provider}")
    public Response start(@PathParam("provider") String provider) {
        if (currentMember.isSignedIn()) {
            return Response.seeOther(URI.create("/settings/sign-in")).build();
        }
        try {
            ProviderSignIns.Started started = signIns.start(provider, callback(siteOrigin, provider));
            keepState(request, response, started);
            return Response.seeOther(started.authorization()).build();
        } catch (RuleViolation | IdentityProviders.ProviderUnavailable problem) {
            return problem(problem.getMessage());
        }
    }

    @GET
    @Path("{provider}/callback")
    public Response callback(@PathParam("provider") String provider, @QueryParam("state") String state, @QueryParam("code") String code,
                             @QueryParam("error") String error) {
        try {
            ProviderSignIns.Outcome outcome = signIns.finish(provider, state, browserState(), code, error,
                    callback(siteOrigin, provider), currentMember.id());
            if (outcome instanceof ProviderSignIns.SignedInAs signedIn) {
                return signIn(signedIn.member(), "Welcome back, " + signedIn.member().getNickname() + "!");
            } else if (outcome instanceof ProviderSignIns.Linked linked) {
                Cookies.delete(request, response, STATE_COOKIE);
                flash.success(linked.providerLabel() + " is linked: you can sign in with it from now on.");
                return Response.seeOther(URI.create("/settings/sign-in")).build();
            } else if (outcome instanceof ProviderSignIns.Confirmed confirmed) {
                Cookies.delete(request, response, STATE_COOKIE);
                flash.success("Confirmed with " + confirmed.providerLabel() + ". You may delete your account in the next 10 minutes.");
                return Response.seeOther(URI.create("/settings/delete")).build();
            } else if (outcome instanceof ProviderSignIns.ConfirmWithPassword) {
                return Response.seeOther(URI.create("/signin/provider/confirm")).build();
            }
            return Response.seeOther(URI.create("/signin/provider/new")).build();
        } catch (RuleViolation | IdentityProviders.ProviderUnavailable problem) {
            Cookies.delete(request, response, STATE_COOKIE);
            return problem(problem.getMessage());
        }
    }

    @GET
    @Path("new")
    public Response nicknameForm() {
        try {
            ProviderSignIns.ChooseNickname details = signIns.pendingDetails(browserState());
            ProviderNicknameForm form = new ProviderNicknameForm();
            form.setNickname(details.suggestion());
            return nicknamePage(details, form, 200);
        } catch (RuleViolation problem) {
            return problem(problem.getMessage());
        }
    }

    @POST
    @Path("new")
    public Response createAccount(@Valid @BeanParam ProviderNicknameForm form) {
        ProviderSignIns.ChooseNickname details;
        try {
            details = signIns.pendingDetails(browserState());
        } catch (RuleViolation problem) {
            return problem(problem.getMessage());
        }
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                Member member = signIns.createAccount(browserState(), form.getNickname());
                return signIn(member, "Welcome to SoundHub, " + member.getNickname() + "! You sign in with " + details.providerLabel()
                        + (member.isEmailConfirmed() ? "." : "; we mailed a link to confirm your address."));
            } catch (RuleViolation violation) {
                errors.add(violation.field(), violation.getMessage());
            }
        }
        return nicknamePage(details, form, SignUpController.UNPROCESSABLE);
    }

    @GET
    @Path("confirm")
    public Response confirmForm() {
        try {
            models.put("details", signIns.pendingDetails(browserState()));
            return Response.ok(CONFIRM).build();
        } catch (RuleViolation problem) {
            return problem(problem.getMessage());
        }
    }

    @POST
    @Path("confirm")
    public Response confirm(@FormParam("password") String password) {
        try {
            models.put("details", signIns.pendingDetails(browserState()));
        } catch (RuleViolation problem) {
            return problem(problem.getMessage());
        }
        try {
            Member member = signIns.linkWithPassword(browserState(), password);
            return signIn(member, "Welcome back, " + member.getNickname() + "! Your accounts are linked.");
        } catch (RuleViolation violation) {
            errors.add(violation.field(), violation.getMessage());
            return Response.status(SignUpController.UNPROCESSABLE).entity(CONFIRM).build();
        }
    }

    /** Keeps, in the browser, the state it must come back from the provider with. */
    static void keepState(HttpServletRequest request, HttpServletResponse response, ProviderSignIns.Started started) {
        Cookies.write(request, response, STATE_COOKIE, started.state(), (int) ProviderSignIns.VALID_FOR.toSeconds());
    }

    /** Where the provider sends the browser back to. */
    static URI callback(SiteOrigin siteOrigin, String provider) {
        String origin = siteOrigin.get().orElseThrow(() -> new RuleViolation("_form",
                "Sign-in with a provider needs the site's address (soundhub.site-url) to be set."));
        return URI.create(origin + "/signin/provider/" + Paths.segment(provider) + "/callback");
    }

    private String browserState() {
        return Cookies.read(request, STATE_COOKIE).filter(state -> state.length() <= 200).orElse(null);
    }

    private Response signIn(Member member, String welcome) {
        Cookies.delete(request, response, STATE_COOKIE);
        SessionCookie.write(request, response, sessions.open(member, true, ClientInfo.userAgent(request), ClientInfo.address(request)));
        flash.success(welcome);
        return Response.seeOther(URI.create("/")).build();
    }

    private Response nicknamePage(ProviderSignIns.ChooseNickname details, ProviderNicknameForm form, int status) {
        models.put("details", details);
        models.put("form", form);
        return Response.status(status).entity(NICKNAME).build();
    }

    private Response problem(String message) {
        errors.addToForm(message);
        return Response.status(SignUpController.UNPROCESSABLE).entity(PROBLEM).build();
    }
}
