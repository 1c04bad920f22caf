package com.soundhub.tokens;

import com.soundhub.accounts.ApiAccess;
import com.soundhub.accounts.BearerTokenCredential;
import com.soundhub.accounts.CurrentMember;
import com.soundhub.accounts.SignedIn;
import com.soundhub.web.errors.ErrorResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The access token a client uses, as the API sees it: {@code DELETE /api/v1/tokens/current} revokes it (log out). */
@Path("api/v1/tokens")
@RequestScoped
@SignedIn
@Produces(MediaType.APPLICATION_JSON)
public class TokensApi {

    @Inject
    CurrentMember currentMember;

    @Inject
    TokenService tokens;

    @Inject
    ErrorResponses errors;

    @Context
    HttpServletRequest request;

    @DELETE
    @Path("current")
    public Response revokeCurrent() {
        // A request gets here with a token only when the authentication mechanism accepted it (and
        // its scope allows writing), so the header's token is the one this request was made with.
        String secret = ApiAccess.tokenScope(request).isEmpty() ? null
                : BearerTokenCredential.fromHeader(request.getHeader(HttpHeaders.AUTHORIZATION)).orElse(null);
        if (secret == null) {
            return errors.of(400, "This request was not made with an access token.");
        }
        tokens.revokeSecret(currentMember.requireId(), secret);
        return Response.noContent().build();
    }
}
