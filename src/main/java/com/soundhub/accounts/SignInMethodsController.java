package com.soundhub.accounts;

import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;

import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.FlashMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** Settings → Sign-in: the providers a member signs in with, linked (with a POST, never a link) or unlinked. */
@Controller
@RequestScoped
@SignedIn
@Path("settings/sign-in")
public class SignInMethodsController {

    static final String VIEW = "accounts/settings-sign-in.html";
    static final String ON_TO_PROVIDER = "accounts/provider-continue.html";

    @Inject
    Models models;

    @Inject
    FlashMessages flash;

    @Inject
    CurrentMember currentMember;

    @Inject
    AccountService accounts;

    @Inject
    IdentityProviders providers;

    @Inject
    ProviderSignIns signIns;

    @Inject
    SiteOrigin siteOrigin;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    public String page() {
        long memberId = currentMember.requireId();
        var linked = signIns.linked(memberId);
        Set<String> linkedIds = linked.stream().map(ProviderSignIns.LinkedIdentity::provider).collect(Collectors.toSet());
        models.put("linked", linked);
        models.put("linkable", providers.all().stream().filter(provider -> !linkedIds.contains(provider.id())).toList());
        models.put("hasPassword", accounts.member(memberId).map(Member::isHasPassword).orElse(false));
        return VIEW;
    }

    @POST
    @Path("{provider}/link")
    public Response link(@PathParam("provider") String provider) {
        return onToProvider(provider, ProviderSignIns.Purpose.LINK);
    }

    /** Proving it is them with the provider, where others would give their password (before deleting the account). */
    @POST
    @Path("{provider}/confirm")
    public Response confirm(@PathParam("provider") String provider) {
        return onToProvider(provider, ProviderSignIns.Purpose.CONFIRM);
    }

    /**
     * A page that moves on to the provider rather than a redirect: the form's Content-Security-Policy
     * ({@code form-action 'self'}) stops a form's redirect to another site.
     */
    private Response onToProvider(String provider, ProviderSignIns.Purpose purpose) {
        try {
            ProviderSignIns.Started started = signIns.start(provider, purpose, currentMember.requireId(),
                    ProviderSignInController.callback(siteOrigin, provider));
            ProviderSignInController.keepState(request, response, started);
            models.put("provider", providers.find(provider).map(IdentityProviders.Provider::label).orElse(provider));
            models.put("authorization", started.authorization().toString());
            models.put("purpose", purpose.name());
            return Response.ok(ON_TO_PROVIDER).build();
        } catch (RuleViolation | IdentityProviders.ProviderUnavailable problem) {
            flash.error(problem.getMessage());
            return Response.seeOther(URI.create("/settings/sign-in")).build();
        }
    }

    @POST
    @Path("{provider}/unlink")
    public Response unlink(@PathParam("provider") String provider) {
        try {
            signIns.unlink(currentMember.requireId(), provider);
            flash.success("Unlinked. You sign in with your password.");
        } catch (RuleViolation violation) {
            flash.error(violation.getMessage());
        }
        return Response.seeOther(URI.create("/settings/sign-in")).build();
    }
}
