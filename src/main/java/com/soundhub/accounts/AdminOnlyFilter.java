package com.soundhub.accounts;

import com.soundhub.platform.rules.NotFound;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Lets only admins into {@link AdminOnly} pages: a visitor is sent to sign in, anyone else is told "not found". */
@AdminOnly
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    @Inject
    CurrentMember currentMember;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!currentMember.isSignedIn()) {
            String next = "GET".equals(context.getMethod()) ? "/" + context.getUriInfo().getPath(false) : "/";
            context.abortWith(Response.seeOther(SignedInFilter.SignInRedirect.to(next)).build());
            return;
        }
        if (!currentMember.isAdmin()) {
            throw new NotFound();
        }
    }
}
