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
 *
 * <p>A request whose caller was authenticated by credentials it carries itself (a personal access
 * token in its {@code Authorization} header) needs no CSRF token: a browser never adds such a
 * header on its own, so another site cannot make a member's browser send it. The authentication
 * mechanism says so with {@link #markCredentialsCarried}; this package knows no feature, so it is
 * a request attribute. Only a valid token sets it: a request with a wrong token never gets here,
 * and one without a token is checked as always, cookies or not.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiCsrfFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private static final String CREDENTIALS_CARRIED = ApiCsrfFilter.class.getName() + ".credentialsCarried";

    /**
     * Marks the request as authenticated by a credential it carries in a header rather than by a
     * cookie the browser adds by itself: it is no ambient authority, so it needs no CSRF token.
     */
    public static void markCredentialsCarried(HttpServletRequest request) {
        request.setAttribute(CREDENTIALS_CARRIED, Boolean.TRUE);
    }

    /** Whether {@link #markCredentialsCarried} was said of this request. */
    public static boolean credentialsCarried(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(CREDENTIALS_CARRIED));
    }

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        // An error page for a refused request (its method kept on the error dispatch) changes nothing.
        if (SAFE_METHODS.contains(context.getMethod()) || isController()
                || request.getDispatcherType() == DispatcherType.ERROR || credentialsCarried(request)) {
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
