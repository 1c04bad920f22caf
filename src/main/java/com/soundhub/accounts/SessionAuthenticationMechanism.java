package com.soundhub.accounts;

import java.io.IOException;
import java.util.Optional;

import com.soundhub.web.PublicPageCache;
import com.soundhub.web.PublicPages;
import com.soundhub.web.security.ApiCsrfFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates each request from its session cookie. Nothing about the sign-in is kept in the
 * JVM, so the member stays signed in across restarts and on every instance. Requests without a
 * valid cookie go on anonymously; pages that need a member say so with {@code @SignedIn}.
 *
 * <p>A request to the JSON API ({@code /api/v1/}) with an {@code Authorization: Bearer} header is
 * authenticated by that personal access token alone, for that request only (no session, no
 * cookie): the member as with a session, plus the group of the token's scope. A token that is not
 * valid answers 401 there and then, and never falls back to the cookie; a read-only token may
 * only read, and anything else it tries answers 403 before any endpoint runs, so every endpoint,
 * future ones included, is safe by default.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI();
        // Files and operators' endpoints never need to know who asks.
        if (path.startsWith("/static/") || path.startsWith("/webjars/") || path.equals("/ping")
                || path.startsWith("/health") || path.startsWith("/metrics")) {
            return context.doNothing();
        }
        // A public page is the same for everyone and renders for nobody: no session is looked up,
        // unless the page turns out to be one a visitor may not see and is rendered for its viewer.
        if (PublicPages.isPublicPage(request.getMethod(), path) && request.getAttribute(PublicPageCache.AUTHENTICATE) == null) {
            return context.doNothing();
        }
        if (ApiAccess.isTokenApi(path)) {
            Optional<String> bearer = BearerTokenCredential.fromHeader(request.getHeader("Authorization"));
            if (bearer.isPresent()) {
                return authenticateByToken(bearer.get(), request, response, context);
            }
        }
        Optional<String> token = SessionCookie.read(request);
        if (token.isEmpty()) {
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(new SessionTokenCredential(token.get()));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        SessionCookie.clear(request, response);
        return context.doNothing();
    }

    private AuthenticationStatus authenticateByToken(String token, HttpServletRequest request,
                                                     HttpServletResponse response, HttpMessageContext context) {
        BearerTokenCredential credential = new BearerTokenCredential(token);
        CredentialValidationResult result = credential.isValid()
                ? identityStores.validate(credential) : CredentialValidationResult.INVALID_RESULT;
        Optional<TokenScope> scope = result.getStatus() == CredentialValidationResult.Status.VALID
                ? TokenScope.ofGroups(result.getCallerGroups()) : Optional.empty();
        if (scope.isEmpty()) {
            return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token",
                    "This access token is not valid: it may be mistyped, revoked or expired.");
        }
        if (!scope.get().permits(request.getMethod())) {
            return refuse(response, HttpServletResponse.SC_FORBIDDEN, "insufficient_scope", "This token may only read.");
        }
        ApiAccess.authenticatedByToken(request, scope.get());
        ApiCsrfFilter.markCredentialsCarried(request);
        // Not registered with a session: the next request brings its token again.
        return context.notifyContainerAboutLogin(result);
    }

    /** Answers the request here with a JSON error, as the API's errors look; nothing else runs. */
    private static AuthenticationStatus refuse(HttpServletResponse response, int status, String bearerError, String message) {
        response.setStatus(status);
        response.setHeader("WWW-Authenticate", "Bearer error=\"" + bearerError + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(Json.createObjectBuilder().add("status", status).add("error", message).build().toString());
            response.flushBuffer();
        } catch (IOException clientGone) {
            // Nobody is listening any more; the request is refused all the same.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
