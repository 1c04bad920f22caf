package com.soundhub.tokens;

import java.net.URI;

import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.accounts.TokenScope;
import com.soundhub.platform.rules.NotFound;
import com.soundhub.platform.rules.RuleViolation;
import com.soundhub.web.FlashMessages;
import com.soundhub.web.FormErrors;
import com.soundhub.web.Forms;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The "Access tokens" section of the settings: the member's tokens, a form for a new one (whose
 * secret the answer to that form shows, once, and nothing shows again), and revoking.
 */
@Controller
@RequestScoped
@SignedIn
@Path("settings/tokens")
public class TokensController {

    static final String VIEW = "tokens/settings-tokens.html";
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
    TokenService tokens;

    @GET
    public Response list() {
        return page(TokenForm.empty(), null, Response.Status.OK.getStatusCode());
    }

    @POST
    public Response create(@Valid @BeanParam TokenForm form) {
        errors.addAll(binding);
        if (errors.isEmpty()) {
            try {
                TokenService.Created created = tokens.create(currentMember.requireId(), form.getName(),
                        TokenScope.ofLabel(form.getScope()).orElseThrow(),
                        TokenRules.Lifetime.of(form.getExpires()).orElseThrow());
                // Answered here rather than redirected: the secret must not travel in a cookie or an
                // address, and reloading the token list afterwards no longer shows it.
                return page(TokenForm.empty(), created, Response.Status.OK.getStatusCode());
            } catch (RuleViolation violation) {
                if (violation.field() == null) {
                    errors.addToForm(violation.getMessage());
                } else {
                    errors.add(violation.field(), violation.getMessage());
                }
            }
        }
        return page(Forms.cutToSize(form), null, UNPROCESSABLE);
    }

    @POST
    @Path("{id}/revoke")
    public Response revoke(@PathParam("id") String id) {
        String name = tokens.revoke(currentMember.requireId(), tokenId(id));
        flash.success("The token \u201c" + name + "\u201d is revoked. Programs using it can no longer use SoundHub with it.");
        return Response.seeOther(URI.create("/settings/tokens")).build();
    }

    private Response page(TokenForm form, TokenService.Created created, int status) {
        models.put("form", form);
        models.put("created", created);
        models.put("tokens", tokens.tokensOf(currentMember.requireId()));
        models.put("lifetimes", TokenRules.Lifetime.values());
        models.put("maxTokens", TokenRules.MAX_LIVE_PER_MEMBER);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(status).entity(VIEW).cacheControl(noStore).build();
    }

    private static long tokenId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notANumber) {
            throw new NotFound("access token");
        }
    }
}
