package com.soundhub.accounts;

import java.net.URI;

import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** A member deletes their own account, after reading what happens and giving their password. */
@Controller
@RequestScoped
@SignedIn
@Path("settings/delete")
public class AccountDeletionController {

    @Inject
    Models models;

    @Inject
    FlashMessages flash;

    @Inject
    FormErrors errors;

    @Inject
    CurrentMember currentMember;

    @Inject
    AccountDeletion deletion;

    @Inject
    AccountService accounts;

    @Inject
    ProviderSignIns providerSignIns;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    public String form() {
        return page("");
    }

    /** {@code content} is "remove" (what they made goes) or "keep" (it stays, credited to a former member). */
    @POST
    public Response delete(@FormParam("content") String content, @FormParam("password") String password) {
        try {
            if (!"remove".equals(content) && !"keep".equals(content)) {
                throw new RuleViolation("content", "Choose what happens to what you made.");
            }
            deletion.deleteOwn(currentMember.requireId(), password, "remove".equals(content));
        } catch (RuleViolation violation) {
            errors.add(violation.field() == null ? "password" : violation.field(), violation.getMessage());
            return Response.status(422).entity(page(content)).build();
        }
        SessionCookie.clear(request, response);
        flash.info("Your account is deleted. Thank you for the music.");
        return Response.seeOther(URI.create("/")).build();
    }

    private String page(String content) {
        models.put("content", content == null ? "" : content);
        long memberId = currentMember.requireId();
        models.put("hasPassword", accounts.member(memberId).map(Member::isHasPassword).orElse(false));
        models.put("linked", providerSignIns.linked(memberId));
        models.put("confirmed", providerSignIns.recentlyConfirmed(memberId));
        return "accounts/settings-delete.html";
    }
}
