package com.soundhub.web.security;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.mvc.Controller;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * CSRF protection for the JSON endpoints that scripts on our pages call (Jakarta MVC checks the
 * form posts to controllers itself): a state-changing request must echo the CSRF cookie's token in
 * the {@code X-CSRF-Token} header, which a page on another site cannot read.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiCsrfFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        // An error page for a refused request (its method kept on the error dispatch) changes nothing.
        if (SAFE_METHODS.contains(context.getMethod()) || isController()
                || request.getDispatcherType() == DispatcherType.ERROR) {
            return;
        }
        String expected = CsrfCookie.current(request).orElse(null);
        String given = context.getHeaderString(SignedCookieCsrfTokenStrategy.HEADER_NAME);
        if (expected == null || given == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("Missing or wrong CSRF token");
        }
    }

    private boolean isController() {
        var method = resourceInfo.getResourceMethod();
        return method != null && (method.isAnnotationPresent(Controller.class)
                || method.getDeclaringClass().isAnnotationPresent(Controller.class));
    }
}
