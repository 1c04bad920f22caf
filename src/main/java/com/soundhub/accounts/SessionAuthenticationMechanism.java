package com.soundhub.accounts;

import java.util.Optional;

import com.soundhub.web.PublicPageCache;
import com.soundhub.web.PublicPages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
}
