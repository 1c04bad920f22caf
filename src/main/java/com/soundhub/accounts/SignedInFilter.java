package com.soundhub.accounts;

import java.net.URI;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Sends anonymous visitors of {@link SignedIn} pages to the sign-in page, remembering where they
 * were going; script requests get a plain 401.
 */
@SignedIn
@Provider
@Priority(Priorities.AUTHORIZATION)
public class SignedInFilter implements ContainerRequestFilter {

    @Inject
    CurrentMember currentMember;

    @Override
    public void filter(ContainerRequestContext context) {
        if (currentMember.isSignedIn()) {
            return;
        }
        String path = "/" + context.getUriInfo().getPath(false);
        if (path.startsWith("/api/")) {
            throw new NotAuthorizedException("Sign in first", "Cookie");
        }
        String next = "GET".equals(context.getMethod()) ? path : "/";
        context.abortWith(Response.seeOther(SignInRedirect.to(next)).build());
    }

    /** Where to send a visitor who must sign in first. */
    static final class SignInRedirect {

        private SignInRedirect() {
        }

        static URI to(String next) {
            return URI.create("/signin?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
